// The words of the request page and its forms, in Japanese (the default) and English. Document and
// detail names are keyed by the API's ids; the documents' names are the server's own.
import {
  AUTHORITY_DOCUMENTS as SERVER_AUTHORITY_DOCUMENTS,
  IDENTITY_DOCUMENTS as SERVER_IDENTITY_DOCUMENTS,
} from '../../../functions/domain/requests/representative-words';
import type { DecisionOutcome, RequesterKind } from '../../../functions/domain/requests/request-words';
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
};

export function deskMessage(message: string, language: Language): string {
  return language === 'ja' ? (DESK_MESSAGES_JA[message] ?? apiMessage(message, language)) : message;
}
