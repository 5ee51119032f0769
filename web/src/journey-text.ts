// The words of the customer's journey after the form: the code step (where the code went, a new
// code), the status page (withdrawing, what happens next) and the form's length counters, in Japanese
// and English. A complaint is called a complaint (APPI Art. 40), never a request.
import type { DecisionOutcome } from '../../functions/domain/requests/request-words';
import type { Language } from './request-form';
import type { Label } from './text';

/** What the person made, as the pages name it: a complaint, or a request. */
export function madeWord(type: string | undefined, language: Language): string {
  if (type === 'complaint') return language === 'ja' ? '苦情のお申出' : 'complaint';
  return language === 'ja' ? 'ご請求' : 'request';
}

const J = {
  verifySentTo: {
    ja: '{made}の確認のため、6桁の確認コードを {address} にお送りしました。30分以内に入力すると、{made}を受け付けます。',
    en: 'To confirm your {made}, we sent a six-digit code to {address}. Enter it within 30 minutes and your {made} is received.',
  },
  editForm: { ja: '入力内容を修正する（入力内容は残っています）', en: 'Change what you entered (it is kept)' },
  resendHeading: { ja: 'コードが届かない場合', en: 'If no code arrives' },
  resendHelp: {
    ja: '迷惑メールのフォルダーもご確認ください。届かない場合や、コードの誤りが続いた場合は、同じメールアドレスに新しいコードをお送りします。',
    en: 'Check your spam folder too. If it does not arrive, or the code was wrong too many times, we send a new code to the same address.',
  },
  resendButton: { ja: '新しい確認コードを送る', en: 'Send a new code' },
  resendWait: {
    ja: '新しいコードは{time}からお送りできます（あと約{seconds}秒）。',
    en: 'A new code can be sent from {time} (in about {seconds} seconds).',
  },
  resent: {
    ja: '新しい確認コードを {address} にお送りしました。前にお送りしたコードは使えません。{time}まで有効です。',
    en: 'A new code is on its way to {address}. The earlier code no longer works. It is valid until {time}.',
  },
  resendsLeft: {
    ja: 'このお申出で、あと{count}回新しいコードをお送りできます。',
    en: 'This can have {count} more new codes.',
  },
  codeDisabled: {
    ja: '新しい確認コードを受け取るまで、コードは入力できません。',
    en: 'You can enter a code again once a new one is sent.',
  },
  statusTitle: { ja: '{made}の状況', en: 'Status of your {made}' },
  nextHeading: { ja: '今後の流れ', en: 'What happens next' },
  withdrawHeading: { ja: '{made}の取下げ', en: 'Withdrawing your {made}' },
  withdrawHelp: {
    ja: '{made}が不要になった場合は、回答の前であれば取り下げることができます。取り下げると、当社はこの{made}への対応を終了し、確認のメールをお送りします。',
    en: 'If you no longer need it, you can withdraw your {made} before it is answered. We then stop handling it and e-mail you a confirmation.',
  },
  // While the holders carry out a decision (APPI Art. 34-35): what is done stays done, the rest stops.
  withdrawHelpAwaitingHolders: {
    ja: 'この{made}への対応はすでに決定し、お客様のデータを保有するシステムと委託先で実施しているところです。今取り下げると、まだ実施していない保有先には中止を依頼し、結果のお知らせ（回答）はお送りしません。すでに実施された対応（消去、訂正、利用停止など）は、取り下げても元に戻りません。取下げの確認はメールでお送りします。',
    en: 'Your {made} has been decided and is being carried out at the systems and subcontractors that hold your data. If you withdraw it now, those that have not yet acted are asked to stop, and we will not send you the answer. What has already been done (an erasure, a correction, a stop of use) stays done: withdrawing does not undo it. We e-mail you a confirmation.',
  },
  withdrawButton: { ja: 'この{made}を取り下げる', en: 'Withdraw this {made}' },
  withdrawConfirm: {
    ja: '本当に取り下げますか。取り下げた後に同じ内容をご希望の場合は、改めてお申し出いただく必要があります。',
    en: 'Withdraw it? If you want the same later, you will need to make it again.',
  },
  withdrawReason: { ja: '取り下げる理由（任意）', en: 'Why you withdraw (optional)' },
  withdrawConfirmButton: { ja: '取り下げる', en: 'Withdraw' },
  withdrawCancel: { ja: 'やめる', en: 'Cancel' },
  withdrawing: { ja: '取り下げています…', en: 'Withdrawing…' },
  withdrawn: {
    ja: '{made}を取り下げました。確認のメールをお送りしました。',
    en: 'Your {made} is withdrawn. A confirmation has been e-mailed to you.',
  },
  complainAbout: { ja: 'この回答について苦情を申し出る', en: 'Complain about this answer' },
  counter: { ja: '{count} / {max}文字', en: '{count} of {max} characters' },
  counterFull: { ja: '{max}文字の上限に達しました', en: 'The limit of {max} characters is reached' },
  typeLabel: { ja: '請求・苦情の種類', en: 'Type of request or complaint' },
} satisfies Record<string, Label>;

export type JourneyKey = keyof typeof J;

/** A phrase with its `{name}` places filled. */
export function tj(key: JourneyKey, language: Language, values: Record<string, string | number> = {}): string {
  return J[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** What happens once a request is open, by its status. */
export const OPEN_NEXT: Label = {
  ja: '当社で内容を確認し、回答期限までにご回答します。回答はご請求者のメールアドレスにもお送りします。',
  en: 'We look into it and answer by the due date. The answer is also e-mailed to the requester.',
};

export const WITHDRAWN_NEXT: Label = {
  ja: '取り下げられたため、対応は終了しています。改めてお申し出いただくことはいつでもできます。',
  en: 'It was withdrawn, so its handling has ended. You may make a new one at any time.',
};

/** After a refusal or a partial answer, any type: the remedies the person has (APPI Art. 40; the PPC's line). */
const REMEDY: Label = {
  ja: 'この回答にご納得いただけない場合は、苦情としてお申し出いただけます。個人情報保護委員会の個人情報保護法相談ダイヤルにご相談いただくこともできます。',
  en: 'If you are not satisfied with this answer, you may make a complaint. You may also consult the Personal Information Protection Commission’s helpline.',
};

/** What happens after each outcome, by type; the answer itself is in the e-mail. */
const FULFILLED_NEXT: Record<string, Label> = {
  disclosure: {
    ja: '開示する内容をご指定の方法でお届けします。電子の方法では、メールでお送りしたリンクから14日間ご覧いただけます。書面の方法では、ご指定の住所に郵送します。',
    en: 'The disclosure reaches you as you asked: electronically, through the link in the e-mail, open for 14 days; on paper, by post to the address you gave.',
  },
  'purpose-notification': {
    ja: '利用目的をメールでお知らせしました。',
    en: 'The purposes of use have been e-mailed to you.',
  },
  correction: {
    ja: 'ご請求のとおり訂正等を行いました。その内容をメールでお知らせしています。',
    en: 'The correction, addition or deletion has been made; the e-mail says what was changed.',
  },
  'cessation-of-use': {
    ja: 'ご請求のとおり利用停止又は消去を行いました。その内容をメールでお知らせしています。',
    en: 'Use has stopped or the data has been erased, as you asked; the e-mail says what was done.',
  },
  'cessation-of-provision': {
    ja: 'ご請求のとおり第三者への提供を停止しました。その内容をメールでお知らせしています。',
    en: 'Provision to third parties has stopped, as you asked; the e-mail says which.',
  },
  complaint: {
    ja: '苦情へのご回答をメールでお送りしました。これで本件の対応は終了です。ご納得いただけない場合は、お問い合わせ窓口にご連絡ください。個人情報保護委員会の個人情報保護法相談ダイヤルにご相談いただくこともできます。',
    en: 'Our reply to your complaint has been e-mailed to you, and the complaint is closed. If you are not satisfied, contact the desk; you may also consult the Personal Information Protection Commission’s helpline.',
  },
};

/**
 * What follows a decision. While the holders are still carrying it out (`answerSent` false) the result
 * has not been e-mailed yet, so the lines that say it was are left out.
 */
export function decidedNext(type: string, outcome: DecisionOutcome, language: Language, answerSent = true): string[] {
  const done = answerSent ? (FULFILLED_NEXT[type]?.[language] ?? '') : '';
  if (outcome === 'fulfilled') return [done];
  if (outcome === 'partially-fulfilled') {
    const part =
      language === 'ja'
        ? '応じた部分については、次のとおりです。応じなかった部分とその理由は、上の回答のとおりです。'
        : 'For the part that was granted, see below; what was not granted, and why, is in the answer above.';
    return [part, done, REMEDY[language]];
  }
  return [REMEDY[language]];
}

/** A complaint's answer is a reply: said as such, not as a request "fulfilled". */
export const COMPLAINT_OUTCOME: Record<DecisionOutcome, Label> = {
  fulfilled: { ja: '苦情にご回答しました', en: 'We have replied to your complaint' },
  'partially-fulfilled': { ja: '苦情にご回答しました', en: 'We have replied to your complaint' },
  refused: { ja: '苦情にご回答しました', en: 'We have replied to your complaint' },
};
