// The words of the console's audit pages (the register, one audit, its report), ja/en. The checklist's
// own words (the guideline's headings and questions, where the desk holds evidence) and the words of
// results and action states come from the server's leaf modules, so the pages, the report and the
// e-mails say the same.
import type { Label } from '../text';
import type { Language } from './text';

const W = {
  // The register.
  title: { ja: '監査', en: 'Audits' },
  intro: {
    ja: '安全管理措置（個人情報保護法第23条）の監査です。個人情報保護委員会のガイドライン（通則編）10「講ずべき安全管理措置の内容」の項目ごとに、監査担当者が結果を記録し、指摘と是正措置を管理します。',
    en: "Audits of the security measures (APPI Art. 23). For each item of section 10 of the PPC's General Guidelines (the security measures to take), the auditor records a result; findings carry corrective actions followed to done.",
  },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  none: { ja: '監査の記録はありません。', en: 'No audit is recorded.' },
  table: { ja: '監査の一覧（横にスクロールできます）', en: 'Audits (scrolls sideways)' },
  audit: { ja: '監査', en: 'Audit' },
  auditTitle: { ja: '件名', en: 'Title' },
  plannedOn: { ja: '実施予定日', en: 'Planned for' },
  auditor: { ja: '監査担当者', en: 'Auditor' },
  state: { ja: '状態', en: 'State' },
  // Planning.
  plan: { ja: '監査を計画する', en: 'Plan an audit' },
  planIntro: {
    ja: '監査は、監査される側から独立した監査担当者（監査担当者の役割のアカウント）が行います。個人情報保護管理者自身は監査担当者になれません。',
    en: 'An audit is carried out by an auditor independent of those audited: an account with the auditor role. The officer cannot be the auditor.',
  },
  titleField: { ja: '件名', en: 'Title' },
  scope: { ja: '監査の範囲', en: 'Scope' },
  scopeHint: {
    ja: '例：プライバシーデスクと担当者コンソール、その利用者',
    en: 'E.g. the privacy desk, its console and the staff who use it',
  },
  periodFrom: { ja: '対象期間の開始日', en: 'Period audited: from' },
  periodTo: { ja: '対象期間の終了日', en: 'Period audited: to' },
  auditorField: { ja: '監査担当者のユーザー名', en: "The auditor's username" },
  items: { ja: '監査する項目', en: 'Items to audit' },
  itemsHint: {
    ja: 'すべての項目を監査するのが原則です。一部に絞る場合は、対象外の項目のチェックを外してください。',
    en: 'As a rule every item is audited; to narrow the audit, clear the items left out.',
  },
  planSubmit: { ja: '監査を計画する', en: 'Plan the audit' },
  // One audit.
  back: { ja: '監査の一覧へ', en: 'All audits' },
  auditHeading: { ja: '監査 {id}', en: 'Audit {id}' },
  period: { ja: '対象期間', en: 'Period audited' },
  plannedBy: { ja: '計画した人', en: 'Planned by' },
  conclusion: { ja: '監査意見', en: "The auditor's conclusion" },
  closedNote: { ja: 'この監査は{date}に完了しました。', en: 'This audit was closed on {date}.' },
  checklist: { ja: 'チェックリスト', en: 'Checklist' },
  checklistTable: { ja: 'チェックリスト（横にスクロールできます）', en: 'Checklist (scrolls sideways)' },
  section: { ja: 'ガイドライン', en: 'Guideline' },
  item: { ja: '項目', en: 'Item' },
  evidence: { ja: 'デスクの記録', en: "The desk's records" },
  evidenceNone: { ja: 'デスクの外で確認', en: 'Checked outside the desk' },
  result: { ja: '結果', en: 'Result' },
  unanswered: { ja: '未記録', en: 'Not yet answered' },
  note: { ja: '所見', en: 'Note' },
  outcomeField: { ja: '結果（{item}）', en: 'Result ({item})' },
  noteField: { ja: '所見（{item}）', en: 'Note ({item})' },
  saveResult: { ja: '結果を記録する（{item}）', en: 'Record the result ({item})' },
  resultSaved: { ja: '結果を記録しました。', en: 'The result is recorded.' },
  findings: { ja: '指摘と是正措置', en: 'Findings and corrective actions' },
  findingsNone: { ja: '指摘はありません。', en: 'No finding.' },
  finding: { ja: '指摘', en: 'Finding' },
  action: { ja: '是正措置', en: 'Corrective action' },
  owner: { ja: '担当', en: 'Owner' },
  dueOn: { ja: '期限', en: 'Due' },
  status: { ja: '状況', en: 'Status' },
  done: { ja: '実施した内容', en: 'What was done' },
  overdue: { ja: '期限超過', en: 'overdue' },
  addFinding: { ja: '指摘を記録する', en: 'Record a finding' },
  findingItem: { ja: '対象の項目', en: 'The item concerned' },
  findingDescription: { ja: '指摘の内容', en: 'What was found' },
  actionDescription: { ja: '是正措置の内容', en: 'The corrective action' },
  actionOwner: { ja: '是正措置の担当者のユーザー名', en: "The owner's username" },
  actionOwnerHint: {
    ja: '監査担当者以外の、有効なアカウントを指定してください。',
    en: 'An active account other than the auditor.',
  },
  actionDue: { ja: '是正措置の期限', en: 'Due by' },
  findingSubmit: { ja: '指摘を記録する', en: 'Record the finding' },
  findingSaved: { ja: '指摘を記録しました。', en: 'The finding is recorded.' },
  changeAction: { ja: '是正措置の状況を更新する（{id}）', en: 'Update the corrective action ({id})' },
  statusField: { ja: '状況（{id}）', en: 'Status ({id})' },
  doneField: { ja: '実施した内容（{id}）', en: 'What was done ({id})' },
  dueField: { ja: '期限（{id}）', en: 'Due by ({id})' },
  actionSaved: { ja: '是正措置の状況を更新しました。', en: 'The corrective action is updated.' },
  close: { ja: '監査を完了する', en: 'Close the audit' },
  closeIntro: {
    ja: 'すべての項目の結果を記録してから、監査意見を記入して完了してください。完了した監査の結果と指摘は変更できません。是正措置は完了後も更新できます。',
    en: 'Once every item has a result, give your conclusion and close the audit. A closed audit’s results and findings are kept as they were; its corrective actions can still be updated.',
  },
  closeSubmit: { ja: '監査を完了する', en: 'Close the audit' },
  closed: { ja: '監査を完了しました。', en: 'The audit is closed.' },
  openReport: { ja: '監査報告書を表示する', en: 'Show the audit report' },
  notYourAudit: {
    ja: 'この監査の結果は、担当の監査担当者（{auditor}）が記録します。',
    en: 'The results of this audit are recorded by its auditor ({auditor}).',
  },
  // The report.
  reportTitle: { ja: '監査報告書', en: 'Audit report' },
  reportBasis: { ja: '根拠', en: 'Basis' },
  reportBasisText: {
    ja: '個人情報保護法第23条、個人情報の保護に関する法律についてのガイドライン（通則編）10「（別添）講ずべき安全管理措置の内容」',
    en: "APPI Art. 23; the PPC's General Guidelines, section 10 (annex): the security measures to take",
  },
  generatedAt: { ja: '作成日時', en: 'Generated' },
  tally: { ja: '結果の集計', en: 'Results in figures' },
  tallyLine: {
    ja: '適合 {conforms}件、不適合 {nonconforming}件、該当なし {na}件、未記録 {unanswered}件',
    en: '{conforms} conform, {nonconforming} do not conform, {na} not applicable, {unanswered} not yet answered',
  },
  actionsLine: {
    ja: '未完了の是正措置 {open}件（うち期限超過 {overdue}件）',
    en: '{open} corrective actions not done ({overdue} overdue)',
  },
  print: { ja: '印刷する', en: 'Print' },
  backToAudit: { ja: '監査に戻る', en: 'Back to the audit' },
  daysOverdue: { ja: '{n}日超過', en: '{n} days overdue' },
} satisfies Record<string, Label>;

export type AuditsTextKey = keyof typeof W;

/** The page's words, with `{name}` filled from `values`. */
export function aw(key: AuditsTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return W[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
