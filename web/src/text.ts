// Every word the Privacy Center shows, in Japanese (the default) and English. The law's words (grounds,
// measures, methods) are the request types' own words modules, loaded as they are.
import { CONSENT_METHOD_LABELS as RECEIPT_METHOD_LABELS } from '../../functions/domain/consents/consent-words';
import type { DecisionOutcome, RequestStatus } from '../../functions/domain/requests/request-words';
import { ART_35_3_GROUND_LABELS } from '../../functions/domain/requests/types/cessation-of-provision/words';
import {
  ART_35_1_GROUND_LABELS,
  CESSATION_OF_USE_MEASURE_LABELS,
} from '../../functions/domain/requests/types/cessation-of-use/words';
import { ART_35_5_GROUND_LABELS } from '../../functions/domain/requests/types/cessation-shared/words';
import { COMPLAINT_SUBJECT_LABELS } from '../../functions/domain/requests/types/complaint/words';
import { CORRECTION_CHANGE_OPTIONS } from '../../functions/domain/requests/types/correction/words';
import {
  DISCLOSURE_METHOD_LABELS,
  DISCLOSURE_RECORDS_LABELS,
} from '../../functions/domain/requests/types/disclosure/words';
import type { FormType, Language } from './request-form';

export type Label = Record<Language, string>;

export const LANGUAGE_NAMES: Label = { ja: '日本語', en: 'English' };

/** APPI Art. 21(2): what the form collects is used only for this, told before it is sent (desk policy). */
export const FORM_PURPOSE: Label = {
  ja: 'このフォームでお預かりするお名前及びメールアドレス並びにご請求の内容は、ご請求者の確認、ご請求への対応及び回答並びにその記録のためにのみ利用します（個人情報の保護に関する法律第21条第2項）。確認コード及び回答は、ご請求者のメールアドレスにお送りします。',
  en: "The names, e-mail addresses and request details this form collects are used only to confirm the requester, to handle and answer the request, and to keep a record of it (APPI Art. 21(2)). The confirmation code and the answer are sent to the requester's e-mail address.",
};

/** APPI Art. 21(2): what the consents page collects, and what for. */
export const CONSENTS_PURPOSE: Label = {
  ja: 'ご入力のメールアドレスは、確認コードをお送りし、そのアドレスで当社が記録している同意をお示しし、撤回をお受けし、その受領書をお送りするためにのみ利用します（個人情報の保護に関する法律第21条第2項）。当社がそのアドレスを保有していない場合も、同じ画面が表示されます。',
  en: 'The e-mail address you enter is used only to send you a code, to show the consents recorded under it, to take your withdrawals and to send their receipts (APPI Art. 21(2)). The page looks the same whether or not we hold the address.',
};

/** How a consent was given, in the receipts' words; in English a table cell starts with a capital. */
export const CONSENT_METHOD_LABELS: Record<string, Label> = Object.fromEntries(
  Object.entries(RECEIPT_METHOD_LABELS).map(([method, label]) => [
    method,
    { ja: label.ja, en: label.en.charAt(0).toUpperCase() + label.en.slice(1) },
  ]),
);

export const TYPE_LABELS: Record<FormType, Label> = {
  disclosure: { ja: '保有個人データの開示', en: 'Disclosure of your personal data' },
  'purpose-notification': { ja: '保有個人データの利用目的の通知', en: 'Notification of the purpose of use' },
  correction: { ja: '保有個人データの内容の訂正等', en: 'Correction, addition or deletion' },
  'cessation-of-use': { ja: '保有個人データの利用停止等', en: 'Cessation of use or erasure' },
  'cessation-of-provision': { ja: '保有個人データの第三者提供の停止', en: 'Cessation of provision to third parties' },
  complaint: { ja: '個人情報の取扱いに関する苦情', en: 'Complaint about the handling of personal information' },
};

export const FIELD_LABELS: Record<string, Label> = {
  'requester.kind': { ja: 'ご請求者', en: 'Who is asking' },
  'requester.name': { ja: 'ご請求者のお名前', en: 'Your name' },
  'requester.email': { ja: 'ご請求者のメールアドレス', en: 'Your e-mail address' },
  'subject.name': { ja: 'ご本人のお名前', en: 'Name of the person concerned' },
  'subject.email': {
    ja: 'ご本人のメールアドレス（当社にご登録のもの）',
    en: 'E-mail address of the person concerned (as registered with us)',
  },
  'details.records': { ja: '開示を求めるもの', en: 'What to disclose' },
  'details.scope': {
    ja: '開示を求める範囲（すべての場合は空欄）',
    en: 'What you would like disclosed (leave empty for everything)',
  },
  'details.method': { ja: '開示の方法', en: 'How you would like it' },
  'details.postalAddress': { ja: '送付先のご住所', en: 'Postal address for the paper copy' },
  'details.items': {
    ja: '対象とするデータ（すべての場合は空欄）',
    en: 'Which of your data (leave empty for all of it)',
  },
  'details.items.#.change': { ja: '求める訂正等', en: 'What to change' },
  'details.items.#.description': {
    ja: '対象のデータ（どこで見たか、現在の内容）',
    en: 'Which data: where you saw it, what it says now',
  },
  'details.items.#.content': { ja: '正しい内容', en: 'What it should say' },
  'details.grounds': { ja: 'ご請求の理由', en: 'Why you ask' },
  'details.recipients': { ja: '提供先の第三者（お分かりの場合）', en: 'Which third parties, if you know' },
  'details.measure': { ja: '求める措置', en: 'What you ask for' },
  'details.explanation': { ja: '補足（任意）', en: 'Anything that helps us look into it (optional)' },
  'details.about': { ja: '苦情の対象', en: 'What the complaint is about' },
  'details.description': { ja: '苦情の内容', en: 'What happened, and what you would like the desk to do' },
  'details.relatedRequestId': {
    ja: '関連する受付番号（任意）',
    en: 'Number of an earlier request it concerns (optional)',
  },
};

/** The choices on the request form: who asks in the page's words, the rest in the request types' own. */
export const OPTION_LABELS: Record<string, Label> = {
  self: { ja: 'ご本人', en: 'The person themselves' },
  'legal-representative': {
    ja: '未成年者又は成年被後見人の法定代理人',
    en: 'A legal representative of a minor or an adult ward',
  },
  agent: { ja: 'ご本人が委任した代理人', en: 'An agent appointed by the person' },
  ...DISCLOSURE_RECORDS_LABELS,
  ...DISCLOSURE_METHOD_LABELS,
  ...ART_35_1_GROUND_LABELS,
  ...ART_35_5_GROUND_LABELS,
  ...ART_35_3_GROUND_LABELS,
  ...CORRECTION_CHANGE_OPTIONS,
  ...CESSATION_OF_USE_MEASURE_LABELS,
  ...COMPLAINT_SUBJECT_LABELS,
};

export const STATUS_LABELS: Record<RequestStatus, Label> = {
  'awaiting-verification': { ja: '確認コードの入力待ち', en: 'Awaiting the confirmation code' },
  received: { ja: '受付済み', en: 'Received' },
  'in-progress': { ja: '対応中', en: 'In progress' },
  fulfilled: { ja: '対応済み', en: 'Fulfilled' },
  'partially-fulfilled': { ja: '一部対応済み', en: 'Partially fulfilled' },
  refused: { ja: '対応できない旨の回答済み', en: 'Refused' },
  withdrawn: { ja: '取下げ済み', en: 'Withdrawn' },
  expired: { ja: '期限切れ（確認コードが入力されませんでした）', en: 'Expired (the code was not entered in time)' },
};

export const OUTCOME_LABELS: Record<DecisionOutcome, Label> = {
  fulfilled: { ja: 'ご請求に応じました', en: 'Your request was fulfilled' },
  'partially-fulfilled': { ja: 'ご請求の一部に応じました', en: 'Your request was fulfilled in part' },
  refused: { ja: 'ご請求に応じないことといたしました', en: 'Your request was refused' },
};

/** The API's field messages (functions/domain/kernel/validation-messages.ts, contract.ts) a Japanese reader sees in Japanese; any other is shown as the API wrote it. */
const API_MESSAGES_JA: Record<string, string> = {
  'is required': '入力してください。',
  'must not be empty': '入力してください。',
  'must be an e-mail address, like hanako@example.jp': 'メールアドレスを入力してください（例: hanako@example.jp）。',
  'must be the six digits from the e-mail': 'メールでお送りした6桁の数字を入力してください。',
  'is required for a paper copy: the address to post it to': '書面の送付先のご住所を入力してください。',
  'must say what happened': '苦情の内容を入力してください。',
};

export function apiMessage(message: string, language: Language): string {
  return language === 'ja' ? (API_MESSAGES_JA[message] ?? message) : message;
}

/** A wait in words: whole minutes from a minute on, rounded up so that trying then works. */
function waitInWords(seconds: number | undefined, language: Language): string {
  if (seconds === undefined) return language === 'ja' ? 'しばらく待ってから' : 'a few minutes';
  const [amount, ja, en] =
    seconds < 60 ? [Math.max(1, seconds), '秒', 'second'] : [Math.ceil(seconds / 60), '分', 'minute'];
  return language === 'ja' ? `約${amount}${ja}待ってから` : `${amount} ${en}${amount === 1 ? '' : 's'}`;
}

/**
 * The firewall's 429 in words, with the wait its Retry-After gave: the desk was reached and refused,
 * so the person should wait rather than retry at once. `typed`: a form whose input is kept.
 */
export function tooManyRequests(
  retryAfterSeconds: number | undefined,
  language: Language,
  { typed = true } = {},
): string {
  const wait = waitInWords(retryAfterSeconds, language);
  if (language === 'ja') {
    return typed
      ? `短い時間に多くの送信があったため、受付を一時的に止めています。入力内容はそのまま残っています。${wait}、もう一度送信してください。`
      : `短い時間に多くのアクセスがあったため、受付を一時的に止めています。${wait}、もう一度お試しください。`;
  }
  const paused = 'Too many requests came from your network in a short time, so the desk is not taking more for now.';
  return typed
    ? `${paused} What you typed is kept; wait ${wait}, then send again.`
    : `${paused} Wait ${wait}, then try again.`;
}

const T = {
  siteName: { ja: 'プライバシーセンター', en: 'Privacy Center' },
  skip: { ja: '本文へ移動', en: 'Skip to the content' },
  language: { ja: '表示言語', en: 'Language' },
  navigation: { ja: 'メニュー', en: 'Menu' },
  navNotice: { ja: 'プライバシーに関するお知らせ', en: 'Privacy notice' },
  navRequest: { ja: '請求・苦情のお申出', en: 'Make a request' },
  navConsents: { ja: '同意の確認・撤回', en: 'Your consents' },
  loading: { ja: '読み込んでいます…', en: 'Loading…' },
  networkError: {
    ja: '通信できませんでした。入力内容はそのまま残っています。接続を確認して、もう一度送信してください。',
    en: 'The desk could not be reached. What you typed is kept; check your connection and send again.',
  },
  loadFailed: { ja: '読み込めませんでした。', en: 'This could not be loaded.' },
  retry: { ja: '再読み込み', en: 'Try again' },
  noticeTitle: { ja: 'プライバシーに関するお知らせ', en: 'Privacy notice' },
  noticeVersion: { ja: '版', en: 'Version' },
  purposes: { ja: '利用目的', en: 'Purposes of use' },
  sources: { ja: '取得の方法', en: 'How we acquire personal information' },
  accessInformation: { ja: 'アクセス情報', en: 'Access information' },
  specialCare: { ja: '要配慮個人情報', en: 'Special care-required personal information' },
  useBeyondPurposes: { ja: '利用目的の範囲を超える取扱い', en: 'Handling beyond the purposes of use' },
  myNumber: { ja: '個人番号（マイナンバー）', en: 'Individual Numbers (My Number)' },
  thirdParty: { ja: '第三者提供', en: 'Provision to third parties' },
  jointUse: { ja: '共同利用', en: 'Joint use' },
  optOut: { ja: 'オプトアウトによる第三者提供', en: 'Provision by opt-out' },
  none: { ja: 'ありません。', en: 'None.' },
  anonymised: { ja: '匿名加工情報', en: 'Anonymously processed information' },
  requests: { ja: '開示等の請求の手続', en: 'How to make a request' },
  whoMayRequest: { ja: '請求できる方', en: 'Who may make a request' },
  fees: { ja: '手数料', en: 'Fees' },
  free: { ja: '無料', en: 'Free' },
  yen: { ja: '円', en: ' yen' },
  answerTimeline: { ja: '回答の期限', en: 'When you get an answer' },
  desk: { ja: 'お問い合わせ窓口', en: 'Contact' },
  deskHours: { ja: '受付時間', en: 'Hours' },
  deskAddress: { ja: '所在地', en: 'Address' },
  deskAddressAsBusiness: { ja: '上記の事業者の住所と同じ', en: "The business's address above" },
  deskEmail: { ja: 'メールアドレス', en: 'E-mail' },
  startRequest: { ja: '請求・苦情のお申出はこちら', en: 'Make a request or complaint' },
  formTitle: { ja: '請求・苦情のお申出', en: 'Make a request or complaint' },
  requestType: { ja: '請求の種類', en: 'Type of request' },
  required: { ja: '必須', en: 'required' },
  purposeHeading: { ja: 'お預かりする情報の利用目的', en: 'How we use what you send' },
  submit: { ja: '送信する', en: 'Send' },
  sending: { ja: '送信しています…', en: 'Sending…' },
  correctionItem: { ja: '訂正等を求める項目', en: 'Item' },
  addItem: { ja: '項目を追加する', en: 'Add an item' },
  removeItem: { ja: 'この項目を削除する', en: 'Remove this item' },
  itemLimit: {
    ja: '1回のご請求で指定できる項目の上限に達しました。',
    en: 'This request names as many items as one request can.',
  },
  consentsTitle: { ja: '同意の確認・撤回', en: 'See or withdraw your consents' },
  consentsIntro: {
    ja: '当社に差し上げた同意（利用目的、第三者への提供等）を確認し、撤回することができます。ご登録のメールアドレスを入力すると、6桁の確認コードをお送りします。',
    en: 'You can see the consents you gave us (to a purpose of use, to provision to a third party, and so on) and withdraw any of them. Enter the e-mail address you registered with us and we send you a six-digit code.',
  },
  consentsExpired: {
    ja: '確認の有効期限が切れました。もう一度メールアドレスを入力してください。',
    en: 'Your confirmation has expired. Enter your e-mail address again.',
  },
  consentsEmail: { ja: 'メールアドレス（当社にご登録のもの）', en: 'E-mail address (as registered with us)' },
  sendCode: { ja: '確認コードを送る', en: 'Send me a code' },
  consentsCodeIntro: {
    ja: 'ご入力のメールアドレスに6桁の確認コードをお送りしました（当社がそのアドレスを保有している場合）。30分以内に入力してください。',
    en: 'A six-digit code is on its way to the address you entered, if we hold it. Enter it within 30 minutes.',
  },
  consentsOtherAddress: { ja: '別のメールアドレスで始める', en: 'Start again with another address' },
  consentForPurpose: { ja: '利用目的', en: 'Purpose of use' },
  consentForRecipient: {
    ja: '第三者「{recipient}」への個人データの提供',
    en: 'Provision of your personal data to the third party "{recipient}"',
  },
  consentForRecipientLinkage: {
    ja: '第三者「{recipient}」が個人関連情報（閲覧履歴等）をお客様の個人データとして取得すること（第31条）',
    en: 'The third party "{recipient}" acquiring access information (such as browsing history) as personal data linked to you (Art. 31)',
  },
  consentForLinkage: {
    ja: '個人関連情報（閲覧履歴等）とお客様の個人データとの紐付け',
    en: 'Linking access information (such as browsing history) to your personal data',
  },
  noConsents: {
    ja: 'このメールアドレスで記録されている同意はありません。',
    en: 'No consent is recorded under this address.',
  },
  consentStatus: { ja: '状態', en: 'Status' },
  consentInForce: { ja: '有効', en: 'In force' },
  consentWithdrawn: { ja: '撤回済み', en: 'Withdrawn' },
  consentGivenAt: { ja: '同意の日時', en: 'Given' },
  consentWithdrawnAt: { ja: '撤回の日時', en: 'Withdrawn' },
  consentMethod: { ja: '同意の方法', en: 'How it was given' },
  consentNoticeVersion: { ja: '表示したプライバシーポリシーの版', en: 'Version of the privacy notice shown' },
  consentNumber: { ja: '記録番号', en: 'Record number' },
  consentRecipientCountry: { ja: '提供先の国', en: "Recipient's country" },
  consentCountryUnknown: { ja: '特定できません（理由: {reason}）', en: 'Cannot be identified (reason: {reason})' },
  consentProtectionSystem: {
    ja: '当該国の個人情報保護制度',
    en: "That country's system for protecting personal information",
  },
  consentRecipientMeasures: { ja: '提供先が講ずる措置', en: "The recipient's protective measures" },
  withdraw: { ja: 'この同意を撤回する', en: 'Withdraw this consent' },
  confirmWithdraw: {
    ja: 'この同意を撤回しますか。撤回は、次回の利用又は提供の確認から効力を生じます。撤回の前に行われた利用又は提供は取り消されません。',
    en: 'Withdraw this consent? The withdrawal takes effect at the next check before use or provision; what was done before it is not undone.',
  },
  confirmWithdrawButton: { ja: '撤回する', en: 'Withdraw' },
  cancel: { ja: 'やめる', en: 'Cancel' },
  withdrawn: {
    ja: '同意の撤回を記録しました（記録番号 {id}）。',
    en: 'Your withdrawal is recorded (record number {id}).',
  },
  receiptMailed: { ja: '受領書をメールでお送りしました。', en: 'A receipt has been e-mailed to you.' },
  receiptNotMailed: {
    ja: '受領書の送付先が当社の記録にないため、受領書はお送りしていません。',
    en: 'We hold no address to send a receipt to, so none was sent.',
  },
  consentsTokenNote: {
    ja: 'この画面は{time}まで有効です。再読み込みするか、タブを閉じると、確認コードの入力からやり直しになります。',
    en: 'This page works until {time}. Reload it or close the tab and you start again with a code.',
  },
  consentsEnd: { ja: '終了する', en: 'Finish' },
  consentsLink: { ja: '同意の確認・撤回はこちら', en: 'See or withdraw your consents' },
  fixBelow: { ja: '入力内容を確認してください。', en: 'Please check what you entered.' },
  verifyTitle: { ja: '確認コードの入力', en: 'Enter the confirmation code' },
  verifyIntro: {
    ja: 'ご請求者のメールアドレスに6桁の確認コードをお送りしました。コードを入力すると、ご請求を受け付けます。',
    en: 'A six-digit confirmation code was e-mailed to the requester. Enter it and the request is received.',
  },
  requestNumber: { ja: '受付番号', en: 'Request number' },
  code: { ja: '確認コード（6桁）', en: 'Confirmation code (six digits)' },
  confirm: { ja: '確認する', en: 'Confirm' },
  statusTitle: { ja: 'ご請求の状況', en: 'Status of your request' },
  status: { ja: '状況', en: 'Status' },
  type: { ja: '種類', en: 'Type' },
  receivedAt: { ja: '受付日時', en: 'Received' },
  dueAt: { ja: '回答期限', en: 'Answer due by' },
  decision: { ja: '回答', en: 'Answer' },
  reason: { ja: '理由（個人情報の保護に関する法律第36条）', en: 'Reason (APPI Art. 36)' },
  outcome: { ja: '結果', en: 'Outcome' },
  decidedAt: { ja: '回答日時', en: 'Decided' },
  grounds: { ja: '法律上の根拠', en: 'Grounds under the Act' },
  decisionMailed: {
    ja: '回答の内容は、ご請求者のメールアドレスにもお送りしています。',
    en: 'The answer has also been e-mailed to the requester.',
  },
  refresh: { ja: '最新の状況を表示', en: 'Show the latest status' },
  noToken: {
    ja: 'この画面を表示するための情報が、このブラウザーのタブにありません。受付の際にお送りしたメールのリンクから開いてください。',
    en: 'This browser tab holds no key to this request. Open it from the link in the e-mail confirming your request.',
  },
  tokenNote: {
    ja: '状況を表示するための鍵は、このタブを閉じると消去されます。',
    en: 'The key that shows this status is forgotten when this tab is closed.',
  },
  notFound: { ja: 'ページが見つかりません。', en: 'Page not found.' },
} satisfies Record<string, Label>;

export type TextKey = keyof typeof T;

export function t(key: TextKey, language: Language): string {
  return T[key][language];
}

/** Text from the API, which is either one string or one per language. */
export function localised(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && language in value)
    return String((value as Record<string, unknown>)[language]);
  return '';
}

export function formatTime(iso: string | undefined, language: Language): string {
  if (!iso) return '';
  return (
    new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Asia/Tokyo',
    }).format(new Date(iso)) + (language === 'ja' ? '（日本時間）' : ' Japan time')
  );
}
