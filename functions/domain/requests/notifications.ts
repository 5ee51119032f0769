// The e-mails the desk sends about a request, in the requester's language (Japanese by default).
import type { DeskContact } from '../company';
import type { DeskRequest, Label, Language, TypeLabel } from './request';

export interface MessageText {
  subject: string;
  text: string;
}

/** What the person made, as the e-mails name it: 開示のご請求, a disclosure request; a type may say otherwise (a complaint). */
function made(label: TypeLabel, language: Language): string {
  return label.made?.[language] ?? (language === 'ja' ? `${label.ja}のご請求` : `${label.en} request`);
}

export function formatJapanTime(iso: string, language: Language): string {
  return (
    new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: 'Asia/Tokyo',
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(new Date(iso)) + (language === 'ja' ? '（日本時間）' : ' (Japan time)')
  );
}

/** The configured desk's contact under a message (functions/domain/company.ts). */
export function signature(language: Language, desk: DeskContact): string {
  return language === 'ja'
    ? `\n--\n${desk.name.ja}\n${desk.email}\n受付時間 ${desk.hoursText.ja}`
    : `\n--\n${desk.name.en}\n${desk.email}\nHours: ${desk.hoursText.en}`;
}

/** One signature for a message in Japanese then English: the desk's contact printed once. */
export function bilingualSignature(desk: DeskContact): string {
  return `\n--\n${desk.name.ja} / ${desk.name.en}\n${desk.email}\n受付時間 ${desk.hoursText.ja}\nHours: ${desk.hoursText.en}`;
}

export function verificationCodeMessage(
  request: DeskRequest,
  code: string,
  typeLabel: TypeLabel,
  validMinutes: number,
  desk: DeskContact,
): MessageText {
  if (request.language === 'en') {
    return {
      subject: `Your confirmation code: ${code}`,
      text: `We received a ${made(typeLabel, 'en')} (${request.requestId}).\n\nTo confirm it, enter this code within ${validMinutes} minutes:\n\n    ${code}\n\nIf you did not make this request, ignore this e-mail; the request lapses by itself.${signature('en', desk)}`,
    };
  }
  return {
    subject: `確認コード: ${code}`,
    text: `${made(typeLabel, 'ja')}（受付番号 ${request.requestId}）を承りました。\n\nご請求を確定するため、${validMinutes}分以内に次の確認コードを入力してください。\n\n    ${code}\n\nお心当たりのない場合は、このメールを破棄してください。ご請求は自動的に失効します。${signature('ja', desk)}`,
  };
}

/**
 * The Privacy Center's status page for a request, with its status token, in the request's language.
 * The token rides in the URL's fragment, which browsers never send to a server, so no web server or
 * CDN log ever holds it; the page takes it from there and removes it from the address bar.
 */
export function statusLink(
  privacyCenterUrl: string,
  requestId: string,
  statusToken: string,
  language: Language,
): string {
  return `${privacyCenterUrl.split('#')[0]}#/status/${encodeURIComponent(requestId)}/${statusToken}?lang=${language}`;
}

/** The receipt of a confirmed request; with the status link when the desk has a Privacy Center. */
export function receivedMessage(
  request: DeskRequest,
  typeLabel: TypeLabel,
  desk: DeskContact,
  link?: string,
): MessageText {
  const due = formatJapanTime(request.dueAt ?? request.createdAt, request.language);
  if (request.language === 'en') {
    const follow = link
      ? `\n\nYou can see the status of your request, and our answer when it is given, at this link. It is for you alone: do not forward it.\n\n    ${link}`
      : '';
    return {
      subject: `We have received your ${made(typeLabel, 'en')}`,
      text: `Your ${made(typeLabel, 'en')} (${request.requestId}) is confirmed. We will answer without delay, at the latest by ${due}.${follow}${signature('en', desk)}`,
    };
  }
  const follow = link
    ? `\n\nご請求の状況と当社からのご回答は、次のリンクからご確認いただけます。このリンクはご請求者専用です。他の方に転送しないでください。\n\n    ${link}`
    : '';
  return {
    subject: `${made(typeLabel, 'ja')}を受け付けました`,
    text: `${made(typeLabel, 'ja')}（受付番号 ${request.requestId}）を受け付けました。遅滞なく、遅くとも${due}までにご回答いたします。${follow}${signature('ja', desk)}`,
  };
}

export function refusalMessage(
  request: DeskRequest,
  typeLabel: TypeLabel,
  grounds: Label[],
  reason: string,
  desk: DeskContact,
  note?: Label,
): MessageText {
  const lang = request.language;
  const groundLines = grounds.map((g) => `- ${g[lang]}`).join('\n');
  const noteText = note ? `\n\n${note[lang]}` : '';
  if (lang === 'en') {
    return {
      subject: `Our answer to your ${made(typeLabel, 'en')}`,
      text: `We have decided not to comply with your ${made(typeLabel, 'en')} (${request.requestId}).\n\nGrounds under the Act on the Protection of Personal Information:\n${groundLines}\n\nReason (APPI Art. 36):\n${reason}${noteText}\n\nIf you wish to complain about this decision, reply to the desk below.${signature('en', desk)}`,
    };
  }
  return {
    subject: `${made(typeLabel, 'ja')}へのご回答`,
    text: `${made(typeLabel, 'ja')}（受付番号 ${request.requestId}）について、ご請求に応じないことといたしました。\n\n個人情報の保護に関する法律上の根拠:\n${groundLines}\n\n理由（同法第36条）:\n${reason}${noteText}\n\nこの決定に関する苦情は、下記の窓口までお申し出ください。${signature('ja', desk)}`,
  };
}

export function withdrawnMessage(
  request: DeskRequest,
  typeLabel: TypeLabel,
  withdrawnAt: string,
  desk: DeskContact,
): MessageText {
  const at = formatJapanTime(withdrawnAt, request.language);
  if (request.language === 'en') {
    return {
      subject: `Your ${made(typeLabel, 'en')} is withdrawn`,
      text: `As you asked, your ${made(typeLabel, 'en')} (${request.requestId}) was withdrawn on ${at}. We will take no further action on it.\n\nIf you did not withdraw it, contact the desk below. You may make a new request at any time.${signature('en', desk)}`,
    };
  }
  return {
    subject: `${made(typeLabel, 'ja')}を取り下げました`,
    text: `お申し出により、${made(typeLabel, 'ja')}（受付番号 ${request.requestId}）を${at}に取り下げました。このご請求についての対応は終了いたします。\n\nお心当たりのない場合は、下記の窓口までご連絡ください。改めてご請求いただくことはいつでも可能です。${signature('ja', desk)}`,
  };
}
