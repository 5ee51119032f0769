// The consent receipt e-mailed to the person for every consent and withdrawal, after the Kantara
// consent receipt: what it covers, under which notice version, how and when, who recorded it and
// how to withdraw. In the person's language.
import type { DeskContact } from '../company';
import type { ConsentEvent } from '../holdings';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { describePurpose, type PurposeRegistry } from '../purposes/registry';
import { formatJapanTime, signature } from '../requests/notifications';
import type { Language } from '../requests/request';
import { CONSENT_METHOD_LABELS } from './consent-words';
import { type ConsentMethod, UNKNOWN_COUNTRY } from './rules';

export const CONSENT_RECEIPT_TOPIC = 'consent-receipt';

const METHOD_LABELS: Record<ConsentMethod, { ja: string; en: string }> = CONSENT_METHOD_LABELS;

function covered(
  event: ConsentEvent,
  registry: PurposeRegistry,
  language: Language,
  recipientName: string | undefined,
): string {
  const recipient = recipientName ?? event.recipient;
  if (event.purpose !== undefined) {
    return language === 'ja'
      ? `利用目的「${describePurpose(registry, event.purpose, 'ja')}」`
      : `the purpose of use "${describePurpose(registry, event.purpose, 'en')}"`;
  }
  if (event.linkage !== undefined && recipient !== undefined) {
    return language === 'ja'
      ? `第三者「${recipient}」が個人関連情報（閲覧履歴等）をお客様の個人データとして取得すること（個人情報の保護に関する法律第31条）`
      : `the third party "${recipient}" acquiring access information (such as browsing history) as personal data linked to you (APPI Art. 31)`;
  }
  if (recipient !== undefined) {
    return language === 'ja'
      ? `第三者「${recipient}」への個人データの提供`
      : `provision of your personal data to the third party "${recipient}"`;
  }
  return language === 'ja'
    ? '個人関連情報（閲覧履歴等）とお客様の個人データとの紐付け'
    : 'linking access information (such as browsing history) to your personal data';
}

function foreignLines(event: ConsentEvent, language: Language): string[] {
  const info = event.foreignInformation;
  if (!info) return [];
  if (info.country === UNKNOWN_COUNTRY) {
    return language === 'ja'
      ? [`提供先の国: 特定できません（理由: ${'unknownReason' in info ? info.unknownReason : ''}）`]
      : [`Recipient's country: cannot be identified (reason: ${'unknownReason' in info ? info.unknownReason : ''})`];
  }
  const { country, protectionSystem, recipientMeasures } = info as {
    country: string;
    protectionSystem: string;
    recipientMeasures: string;
  };
  return language === 'ja'
    ? [
        `提供先の国: ${country}`,
        `当該国の個人情報保護制度: ${protectionSystem}`,
        `提供先が講ずる措置: ${recipientMeasures}`,
      ]
    : [
        `Recipient's country: ${country}`,
        `That country's system for protecting personal information: ${protectionSystem}`,
        `The recipient's protective measures: ${recipientMeasures}`,
      ];
}

/** `recipientName`: the recipient's name as the registry holds it; without it the receipt names the recipient's id. */
export function consentReceipt(
  messageId: string,
  to: string,
  event: ConsentEvent,
  registry: PurposeRegistry,
  language: Language,
  now: Date,
  desk: DeskContact,
  recipientName?: string,
): OutboxMessage {
  const method = METHOD_LABELS[event.method as ConsentMethod] ?? { ja: event.method, en: event.method };
  const what = covered(event, registry, language, recipientName);
  const when = formatJapanTime(event.at, language);
  const text =
    language === 'ja'
      ? [
          event.action === 'given'
            ? `次のとおり、お客様の同意を記録いたしました。`
            : `次のとおり、お客様の同意の撤回を記録いたしました。撤回は、次回の利用又は提供の確認から効力を生じます。`,
          '',
          `記録番号: ${event.eventId}`,
          ...(event.withdraws ? [`撤回された同意: ${event.withdraws}`] : []),
          `対象: ${what}`,
          ...foreignLines(event, 'ja'),
          `表示したプライバシーポリシーの版: ${event.noticeVersion}`,
          `方法: ${method.ja}`,
          `日時: ${when}`,
          '',
          event.action === 'given'
            ? '同意はいつでも撤回できます。プライバシーセンターの「同意の確認・撤回」のページでメールアドレスを入力し、お送りする確認コードで確認した上で撤回するか、下記の窓口までご連絡ください。'
            : 'お心当たりのない場合は、下記の窓口までご連絡ください。',
          signature('ja', desk),
        ]
      : [
          event.action === 'given'
            ? 'We have recorded your consent as follows.'
            : 'We have recorded the withdrawal of your consent as follows. It takes effect from the next check of a use or provision.',
          '',
          `Record number: ${event.eventId}`,
          ...(event.withdraws ? [`Consent withdrawn: ${event.withdraws}`] : []),
          `Covers: ${what}`,
          ...foreignLines(event, 'en'),
          `Privacy notice version shown: ${event.noticeVersion}`,
          `How: ${method.en}`,
          `When: ${when}`,
          '',
          event.action === 'given'
            ? "You may withdraw this consent at any time: on the Privacy Center's consents page, enter your e-mail address and the code we send you, then withdraw it there; or contact the desk below."
            : 'If you did not withdraw this consent, please contact the desk below.',
          signature('en', desk),
        ];
  const subject =
    language === 'ja'
      ? event.action === 'given'
        ? '同意の記録（同意受領書）'
        : '同意の撤回の記録（受領書）'
      : event.action === 'given'
        ? 'Your consent receipt'
        : 'Receipt for the withdrawal of your consent';
  return outboxMessage(messageId, to, { subject, text: text.join('\n') }, now, CONSENT_RECEIPT_TOPIC);
}
