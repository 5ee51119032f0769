// The words of the request page and its forms, in Japanese (the default) and English. Document and
// detail names are keyed by the API's ids; the documents' names are the server's own.
import {
  AUTHORITY_DOCUMENTS as SERVER_AUTHORITY_DOCUMENTS,
  IDENTITY_DOCUMENTS as SERVER_IDENTITY_DOCUMENTS,
} from '../../../functions/domain/requests/representative-words';
import type { DecisionOutcome, RequesterKind } from '../../../functions/domain/requests/request-words';
import { INCIDENT_CHOICE_LABEL } from '../../../functions/domain/requests/types/cessation-shared/words';
import { apiMessage, type Label } from '../text';
import type { Language } from './text';

const T = {
  title: { ja: '請求の詳細', en: 'Request' },
  back: { ja: '請求一覧へ戻る', en: 'Back to the queue' },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  reload: { ja: '再読み込み', en: 'Reload' },
  facts: { ja: '概要', en: 'Summary' },
  requestId: { ja: '受付番号', en: 'Request' },
  type: { ja: '種類', en: 'Type' },
  status: { ja: '状況', en: 'Status' },
  received: { ja: '受付日時', en: 'Received' },
  due: { ja: '回答期限', en: 'Due' },
  closed: { ja: '完了日時', en: 'Closed' },
  overdue: { ja: '期限超過', en: 'Overdue' },
  language: { ja: '連絡に使う言語', en: 'Language for e-mails' },
  assignee: { ja: '担当者', en: 'Assigned to' },
  unassigned: { ja: '未割当て', en: 'Not assigned' },
  requester: { ja: '請求者', en: 'Requester' },
  subject: { ja: '本人', en: 'Subject' },
  name: { ja: '氏名', en: 'Name' },
  email: { ja: 'メールアドレス', en: 'E-mail' },
  kind: { ja: '請求者の区分', en: 'Who asked' },
  details: { ja: '請求の内容', en: 'What was asked' },
  noDetails: { ja: '（指定なし）', en: '(nothing specified)' },
  timesNote: { ja: '日時は日本時間です。', en: 'Times are Japan time.' },
  history: { ja: '経過', en: 'History' },
  at: { ja: '日時', en: 'When' },
  event: { ja: '出来事', en: 'What happened' },
  by: { ja: '担当者', en: 'By' },
  about: { ja: '補足', en: 'Note' },
  requesterActed: { ja: '（請求者）', en: '(requester)' },
  notes: { ja: '対応メモ', en: 'Handling notes' },
  noNotes: { ja: 'メモはありません。', en: 'No notes yet.' },
  noteText: { ja: 'メモ', en: 'Note' },
  addNote: { ja: 'メモを追加する', en: 'Add the note' },
  assignment: { ja: '担当の割当て', en: 'Assignment' },
  assignToMe: { ja: '自分に割り当てる', en: 'Assign to me' },
  assignTo: { ja: '割り当てる担当者のID', en: 'Staff id to assign to' },
  assign: { ja: '割り当てる', en: 'Assign' },
  representative: { ja: '代理人の確認', en: 'Representative check' },
  answerAddressNotHeld: {
    ja: '確認コードと回答の送付先のメールアドレスは、当社がご本人について保有するメールアドレスのいずれとも異なります。回答の前に、送付先を確かめてください。',
    en: 'The code and the answers go to an e-mail address that is none of those the desk holds for this customer. Check where the answer goes before answering.',
  },
  representativeNeeded: {
    ja: '代理人による請求です。決定の前に、代理権と本人確認の書類を確認して記録してください。',
    en: 'A representative made this request. Record how their authority and identity were checked before deciding.',
  },
  authorityDocument: { ja: '代理権を確認した書類', en: 'Document showing the authority' },
  identityDocument: { ja: '代理人の本人確認書類', en: "Representative's identity document" },
  checkedBy: { ja: '確認者', en: 'Checked by' },
  checkedAt: { ja: '確認日時', en: 'Checked at' },
  recordCheck: { ja: '確認を記録する', en: 'Record the check' },
  decision: { ja: '決定', en: 'Decision' },
  decide: { ja: '決定する', en: 'Decide' },
  outcome: { ja: '結果', en: 'Outcome' },
  grounds: { ja: '根拠（法令上の理由）', en: 'Grounds' },
  reason: {
    ja: '理由（請求者に通知されます。個人情報保護法第36条）',
    en: 'Reason (told to the requester, APPI Art. 36)',
  },
  detailsHeading: { ja: '決定の内容', en: 'Decision details' },
  noDecisionDetails: { ja: 'この結果には追加の入力はありません。', en: 'This outcome takes no further details.' },
  unsupported: {
    ja: 'この項目はこの画面では入力できません。API（POST …/decision）から決定してください。',
    en: 'This detail cannot be entered on this page; decide through the API (POST …/decision).',
  },
  decidedBy: { ja: '決定者', en: 'Decided by' },
  decidedAt: { ja: '決定日時', en: 'Decided at' },
  addRow: { ja: '行を追加', en: 'Add a row' },
  removeRow: { ja: 'この行を削除', en: 'Remove this row' },
  row: { ja: '{n}行目', en: 'Row {n}' },
  required: { ja: '必須', en: 'required' },
  fixBelow: { ja: '送信できませんでした。次の点を直してください。', en: 'Not sent. Please fix the following.' },
  network: {
    ja: '通信できませんでした。入力内容はそのまま残っています。接続を確認して、もう一度送信してください。',
    en: 'The desk could not be reached. What you typed is kept; check the connection and send again.',
  },
  sending: { ja: '送信中…', en: 'Sending…' },
  done: { ja: '記録しました。', en: 'Recorded.' },
  delivery: { ja: '開示の方法', en: 'Delivery' },
  method: { ja: '方法', en: 'Method' },
  postedOn: { ja: '発送日', en: 'Posted on' },
  trackingNumber: { ja: '追跡番号', en: 'Tracking number' },
  postedBy: { ja: '発送者', en: 'Posted by' },
  posting: { ja: '書面の発送の記録', en: 'Record the posting' },
  postingHint: {
    ja: '発送日を省略すると今日（日本時間）になります。',
    en: 'Leave the date empty for today (Japan time).',
  },
  recordPosting: { ja: '発送を記録する', en: 'Record the posting' },
  notYetPosted: { ja: '未発送', en: 'Not posted yet' },
  printCopy: { ja: '開示書面を表示して印刷する', en: 'Open the paper copy to print' },
  printLogged: {
    ja: '書面を表示すると、あなたによる閲覧としてアクセス記録に記録されます。',
    en: 'Opening the copy is recorded in the access log as your read.',
  },
  choose: { ja: '選択してください', en: 'Choose' },
  preview: { ja: '本人に届く内容を確認する', en: 'Preview what the person receives' },
  previewing: { ja: '確認中…', en: 'Preparing the preview…' },
  previewHeading: { ja: '本人に届く内容の確認', en: 'What the person will receive' },
  previewIntro: {
    ja: 'この決定を送ると、次のメールが本人（請求者）に送られます。内容を確かめてから決定してください。まだ何も送られていません。',
    en: 'Deciding sends the e-mail below to the person (the requester). Check it before deciding; nothing has been sent yet.',
  },
  previewLogged: {
    ja: 'この確認のための本人のデータの閲覧は、アクセス記録に記録されます。',
    en: "Reading the person's data for this preview is recorded in the access log.",
  },
  mailTo: { ja: '宛先', en: 'To' },
  mailSubject: { ja: '件名', en: 'Subject' },
  mailText: { ja: '本文', en: 'Text' },
  mailLanguageJa: { ja: 'メールは日本語で送られます。', en: 'The e-mail is sent in Japanese.' },
  mailLanguageEn: { ja: 'メールは英語で送られます。', en: 'The e-mail is sent in English.' },
  linkMadeOnSending: { ja: '［決定の送信時に作られるリンク］', en: '[the link made when the decision is sent]' },
  dossierHeading: { ja: '開示する内容（本人のデータ）', en: "What the disclosure holds (the person's data)" },
  dossierCounts: { ja: '区分ごとの件数', en: 'Records per category' },
  dossierItems: { ja: '開示する項目', en: 'The items disclosed' },
  dossierCategory: { ja: '区分', en: 'Category' },
  dossierCount: { ja: '件数', en: 'Records' },
  dossierValue: { ja: '内容', en: 'Value' },
  dossierSource: { ja: '取得元', en: 'Source' },
  dossierAcquired: { ja: '取得日', en: 'Acquired' },
  dossierConsents: { ja: '同意の記録: {n}件', en: 'Consent records: {n}' },
  dossierProvisions: { ja: '第三者提供記録: {n}件', en: 'Records of provision to or receipt from third parties: {n}' },
  dossierWithheld: { ja: '開示しない区分', en: 'Categories withheld' },
  dossierNothing: { ja: '開示する本人のデータはありません。', en: 'The desk holds no data of the person to disclose.' },
  specialCare: { ja: '要配慮個人情報', en: 'special care-required' },
  confirmDecision: { ja: 'この内容で決定し、本人に送る', en: 'Decide and send this to the person' },
  changeDecision: { ja: '決定を修正する', en: 'Change the decision' },
  previewStale: {
    ja: '決定の内容が変わりました。もう一度、本人に届く内容を確認してください。',
    en: 'The decision has changed. Preview what the person receives again.',
  },
  decided: {
    ja: '決定を記録しました。結果は本人（請求者）にメールで送られます。',
    en: 'The decision is recorded. The result is e-mailed to the person (the requester).',
  },
  records: { ja: '本人の記録', en: "The person's records" },
  recordsLoading: { ja: '本人の記録を読み込み中…', en: "Loading the person's records…" },
  recordsLogged: {
    ja: '本人の記録を表示すると、この請求のための閲覧としてアクセス記録に記録されます。',
    en: "Showing the person's records is recorded in the access log as a read for this request.",
  },
  recordsFailed: {
    ja: '本人の記録を読み込めませんでした。記録のIDを入力して決定することもできます。',
    en: "The person's records could not be loaded. You can still decide by entering the record ids.",
  },
  recordsNone: {
    ja: '本人の記録は保有されていません。変更する記録は、そのIDで指定してください。',
    en: 'The desk holds no records of the person. Name a record to change by its ids.',
  },
  recordToChange: { ja: '変更する本人の記録', en: "The person's record to change" },
  currentValue: { ja: '現在の内容', en: 'Now reads' },
  newValue: { ja: '新しい内容', en: 'New value' },
  addedValue: { ja: '追加する内容', en: 'Value to add' },
  addToSubject: { ja: '追加する先（本人ID）', en: 'Add under (subject id)' },
  addCategory: { ja: '追加するデータの区分', en: 'Category of the added data' },
  addPurposes: { ja: '利用目的', en: 'Purposes of use' },
  personAsked: { ja: '本人が求めた訂正等', en: 'What the person asked for' },
} satisfies Record<string, Label>;

export type RequestTextKey = keyof typeof T;

export function rt(key: RequestTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return T[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export function labelOf(labels: Record<string, Label>, value: string, language: Language): string {
  return labels[value]?.[language] ?? value;
}

export const REQUESTER_KIND_LABELS: Record<RequesterKind, Label> = {
  self: { ja: '本人', en: 'The person themselves' },
  'legal-representative': { ja: '法定代理人', en: 'Legal representative' },
  agent: { ja: '任意代理人', en: 'Appointed agent' },
};

export const LANGUAGE_LABELS: Record<string, Label> = {
  ja: { ja: '日本語', en: 'Japanese' },
  en: { ja: '英語', en: 'English' },
};

export const OUTCOME_LABELS: Record<DecisionOutcome, Label> = {
  fulfilled: { ja: '対応する（全部）', en: 'Fulfilled' },
  'partially-fulfilled': { ja: '一部対応する', en: 'Partially fulfilled' },
  refused: { ja: '対応しない', en: 'Refused' },
};

/** The history's events (functions/domain/requests/request.ts HistoryEntry). */
export const EVENT_LABELS: Record<string, Label> = {
  submitted: { ja: '請求の送信', en: 'Submitted' },
  'wrong-code': { ja: '確認コードの誤り', en: 'Wrong code entered' },
  locked: { ja: '確認コードの入力停止', en: 'Code entry locked' },
  received: { ja: '受付（確認コード入力済み）', en: 'Received (code confirmed)' },
  assigned: { ja: '担当の割当て', en: 'Assigned' },
  'note-added': { ja: 'メモの追加', en: 'Note added' },
  'representative-verified': { ja: '代理人の確認', en: 'Representative checked' },
  fulfilled: { ja: '決定：対応', en: 'Decided: fulfilled' },
  'partially-fulfilled': { ja: '決定：一部対応', en: 'Decided: partially fulfilled' },
  refused: { ja: '決定：対応しない', en: 'Decided: refused' },
  withdrawn: { ja: '請求者による取下げ', en: 'Withdrawn by the requester' },
  posted: { ja: '書面の発送', en: 'Paper copy posted' },
};

export const METHOD_LABELS: Record<string, Label> = {
  electronic: { ja: '電磁的記録の提供（リンク）', en: 'Electronic record (link)' },
  paper: { ja: '書面の郵送', en: 'Paper copy by post' },
};

/** APPI Art. 37(3), Cabinet Order Art. 13: the documents that show a representative's authority, and whom each fits. */
export const AUTHORITY_DOCUMENTS: Record<string, Label & { for: readonly string[] }> = SERVER_AUTHORITY_DOCUMENTS;

/** The identity documents' kinds: only the kind is recorded. */
export const IDENTITY_DOCUMENTS: Record<string, Label> = SERVER_IDENTITY_DOCUMENTS;

/** The names of the decision details' fields (the request types' decisionDetails); another is shown by its id. */
export const DETAIL_LABELS: Record<string, Label> = {
  withheld: { ja: '開示しない項目（カテゴリID）', en: 'Categories withheld (ids)' },
  investigation: { ja: '調査の内容と結果', en: 'What was checked, and what it showed' },
  changes: { ja: '保有個人データの変更', en: 'Changes to the personal data' },
  action: { ja: '変更の種類', en: 'Change' },
  subjectId: { ja: '本人ID', en: 'Subject id' },
  recordId: { ja: 'レコードID', en: 'Record id' },
  value: { ja: '内容', en: 'Value' },
  category: { ja: 'カテゴリ', en: 'Category' },
  purposes: { ja: '利用目的ID', en: 'Purpose ids' },
  measure: { ja: 'とった措置', en: 'Measure taken' },
  alternativeMeasure: { ja: '代わりにとった措置', en: 'Alternative measure taken' },
  recipients: { ja: '提供を停止する第三者', en: 'Third parties provision stops to' },
  scope: { ja: '範囲', en: 'Scope' },
  recipientIds: { ja: '提供先（登録済みの第三者）', en: 'Recipients (registered third parties)' },
  reply: { ja: '回答（請求者にメールで送られます）', en: 'Reply (e-mailed to the requester)' },
  incidentId: INCIDENT_CHOICE_LABEL,
};

/** The values of the decision details' choices; another is shown by its id. */
export const DETAIL_OPTION_LABELS: Record<string, Label> = {
  correct: { ja: '訂正', en: 'Correct' },
  add: { ja: '追加', en: 'Add' },
  delete: { ja: '削除', en: 'Delete' },
  'cease-use': { ja: '利用停止', en: 'Stop using' },
  erase: { ja: '消去', en: 'Erase' },
  all: { ja: 'すべての第三者', en: 'Every third party' },
  named: { ja: '登録済みの提供先を指定', en: 'Registered recipients named' },
};

/** The decision's messages (functions/domain/requests/decide-request.ts) in Japanese; others go through the Privacy Center's table. */
const DESK_MESSAGES_JA: Record<string, string> = {
  'is required for a refusal or a partial decision: the requester is told why (APPI Art. 36)':
    '対応しない・一部対応の決定には理由が必要です。理由は請求者に通知されます（個人情報保護法第36条）。',
  'must name at least one ground for a refusal or a partial decision':
    '対応しない・一部対応の決定には、根拠を一つ以上選んでください。',
  'must be left out when the request is fulfilled': '対応する決定では根拠を選ばないでください。',
  'Too small: expected string to have >=1 characters': '入力してください。',
  'must say what was done, and where': '保有先で行った対応（どこで、誰が、何をしたか）を入力してください。',
};

export function deskMessage(message: string, language: Language): string {
  return language === 'ja' ? (DESK_MESSAGES_JA[message] ?? apiMessage(message, language)) : message;
}

/**
 * The request's details as the staff read them: the person (本人), never "your", because the Privacy
 * Center's labels speak to the requester. Keyed like the form's fields ("details.items.#.content").
 */
export const DESK_DETAIL_FIELD_LABELS: Record<string, Label> = {
  'details.records': { ja: '開示を求めるもの', en: 'What is to be disclosed' },
  'details.scope': {
    ja: '開示を求める範囲（空欄はすべて）',
    en: 'What the person would like disclosed (empty: everything)',
  },
  'details.method': { ja: '開示の方法', en: 'How the person would like it' },
  'details.format': { ja: '希望するファイル形式', en: 'File format asked for' },
  'details.postalAddress': { ja: '送付先の住所', en: 'Postal address for the paper copy' },
  'details.items': {
    ja: '対象とする本人のデータ（空欄はすべて）',
    en: "Which of the person's data (empty: all of it)",
  },
  'details.items.#.change': { ja: '求める訂正等', en: 'Change asked for' },
  'details.items.#.category': { ja: 'データの区分', en: 'Category' },
  'details.items.#.description': {
    ja: '対象のデータ（本人が見た場所、現在の内容）',
    en: 'Which data: where the person saw it, what it says now',
  },
  'details.items.#.content': { ja: '本人が求める正しい内容', en: 'What the person says it should say' },
  'details.grounds': { ja: '請求の理由', en: 'Why the person asks' },
  'details.recipients': {
    ja: '提供先の第三者（本人が分かる範囲）',
    en: 'Which third parties, as far as the person knows',
  },
  'details.measure': { ja: '求める措置', en: 'Measure asked for' },
  'details.explanation': { ja: '補足', en: 'What the person adds' },
  'details.about': { ja: '苦情の対象', en: 'What the complaint is about' },
  'details.description': { ja: '苦情の内容', en: 'What happened, and what the person would like the desk to do' },
  'details.relatedRequestId': { ja: '関連する受付番号', en: 'Number of an earlier request it concerns' },
};

/**
 * The law's and the form's words as the staff read them: the texts speak to the person ("your consent",
 * "ご本人"), the console speaks about them ("the person's consent", "本人"). The words themselves stay
 * in their one source (the request types' words.ts); only the address changes.
 */
export function aboutThePerson(text: string, language: Language): string {
  if (language === 'ja') return text.replace(/ご本人/g, '本人').replace(/お客様/g, '本人');
  return text
    .replace(/\bYour\b/g, "The person's")
    .replace(/\byour\b/g, "the person's")
    .replace(/\bYou\b/g, 'The person')
    .replace(/\byou\b/g, 'the person');
}

/** A label in the staff's language, said about the person (aboutThePerson). */
export function staffLabelOf(labels: Record<string, Label>, value: string, language: Language): string {
  return aboutThePerson(labelOf(labels, value, language), language);
}
