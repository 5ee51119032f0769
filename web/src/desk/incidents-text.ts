// The words of the console's incident pages (the register, one incident, its reports and the
// monitoring alerts), ja/en. The law's own words (the kinds of incident, the facts reportability
// turns on, the rules and the report items) come from the server's words modules, so the pages, the
// reports and the e-mails say the same.
import type { Label } from '../text';
import type { Language } from './text';

const W = {
  // The register.
  title: { ja: '漏えい等の事案', en: 'Incidents' },
  intro: {
    ja: '個人データの漏えい、滅失又は毀損（そのおそれを含む）の記録です。報告対象の事案は、個人情報保護委員会への速報と確報、本人への通知が必要です（個人情報保護法第26条）。',
    en: 'Leaks, losses and damage of personal data, including those feared. A reportable incident must be reported to the Personal Information Protection Commission (PPC), preliminary and final, and the persons told (APPI Art. 26).',
  },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  none: { ja: '記録された事案はありません。', en: 'No incident is recorded.' },
  table: { ja: '事案の一覧（横にスクロールできます）', en: 'Incidents (scrolls sideways)' },
  incident: { ja: '事案', en: 'Incident' },
  state: { ja: '状態', en: 'State' },
  kinds: { ja: '事態の種類', en: 'Kind' },
  awareAt: { ja: '認識した日時', en: 'Became aware' },
  reportable: { ja: '報告対象', en: 'Reportable' },
  nextDue: { ja: '次の報告期限', en: 'Next report due' },
  yes: { ja: '報告対象', en: 'Reportable' },
  no: { ja: '報告対象外', en: 'Not reportable' },
  overridden: { ja: '（管理者の判断）', en: '(officer’s decision)' },
  overdue: { ja: '期限超過', en: 'overdue' },
  allReported: { ja: '報告済み', en: 'All reported' },
  noReportDue: { ja: '—', en: '—' },
  summary: { ja: '概要', en: 'What happened' },
  // Opening a draft.
  openDraft: { ja: '事案の下書きを作成する', en: 'Open a draft incident' },
  openDraftIntro: {
    ja: '漏えい等が発生した、又はそのおそれがあると気づいたら、すぐに下書きを作成してください。個人情報保護管理者が内容を確認して登録します。報告期限は認識した日から数えます。',
    en: 'As soon as you notice a leak, loss or damage, or fear one, open a draft. The officer checks and registers it. The report deadlines count from the day the company became aware.',
  },
  awareAtField: { ja: '認識した日時（日本時間）', en: 'Became aware (Japan time)' },
  awareHow: { ja: '認識した経緯', en: 'How the company became aware' },
  awareHowHint: {
    ja: '例：監視の警告、従業員からの報告、本人からの問合せ、委託先からの連絡',
    en: 'E.g. a monitoring alert, a report by staff, a question from a person, a notice from a processor',
  },
  summaryField: { ja: '何が起きたか（概要）', en: 'What happened (overview)' },
  open: { ja: '下書きを作成する', en: 'Open the draft' },
  // One incident.
  back: { ja: '事案の一覧へ', en: 'All incidents' },
  incidentTitle: { ja: '事案 {id}', en: 'Incident {id}' },
  draftNote: {
    ja: 'この事案は下書きです。個人情報保護管理者が確認して登録するまで、報告期限の通知は届きません。',
    en: 'This incident is a draft: no deadline reminder goes out until the officer registers it.',
  },
  takeOn: { ja: '確認して事案として登録する', en: 'Check it and register the incident' },
  takenOn: { ja: '事案として登録しました。', en: 'The incident is registered.' },
  closedNote: { ja: 'この事案は終了しています：{reason}', en: 'This incident is closed: {reason}' },
  facts: { ja: '事実関係', en: 'The facts' },
  occurredAt: { ja: '発生した日時（日本時間）', en: 'Occurred (Japan time)' },
  categories: { ja: '個人データの項目（台帳の区分）', en: 'Personal data involved (registry categories)' },
  dataItems: { ja: 'その他のデータ項目（1行に1項目）', en: 'Other data items (one per line)' },
  dataItemsShown: { ja: 'その他のデータ項目', en: 'Other data items' },
  persons: { ja: '本人の数', en: 'Persons involved' },
  estimated: { ja: '見込みの人数', en: 'Estimated' },
  confirmed: { ja: '確認済みの人数', en: 'Confirmed' },
  personsLine: {
    ja: '見込み {estimated}人、確認済み {confirmed}人、紐づけ {linked}人',
    en: '{estimated} estimated, {confirmed} confirmed, {linked} linked',
  },
  unknown: { ja: '不明', en: 'unknown' },
  factors: { ja: '報告対象かどうかに関わる事実', en: 'Facts reportability turns on' },
  cause: { ja: '発生の原因', en: 'Cause' },
  secondaryDamage: { ja: '二次被害又はそのおそれ', en: 'Secondary damage or its risk' },
  measuresTaken: { ja: '本人への対応', en: 'Response to the persons' },
  publication: { ja: '公表の実施状況', en: 'Publication' },
  recurrencePrevention: { ja: '再発防止のための措置', en: 'Recurrence prevention' },
  other: { ja: 'その他参考となる事項', en: 'Other' },
  empty: { ja: '（未記入）', en: '(not yet written)' },
  fromAlert: { ja: '元になった監視の警告', en: 'Opened from monitoring alert' },
  change: { ja: '事実関係を変更する', en: 'Change the facts' },
  changeIntro: {
    ja: '変更は新しい版として記録され、以前の版も残ります。報告対象かどうかと報告期限は、変更後の内容で判定し直します。',
    en: 'A change is kept as a new version, the earlier ones too. Reportability and the deadlines are assessed again from the changed facts.',
  },
  reason: { ja: '理由', en: 'Reason' },
  changeReason: { ja: '変更の理由', en: 'Reason for the change' },
  save: { ja: '変更を保存する', en: 'Save the change' },
  changed: { ja: '変更を保存しました（第{version}版）。', en: 'The change is saved (version {version}).' },
  staleHeading: {
    ja: '他の人がこの事案を変更しました',
    en: 'Someone changed this incident meanwhile',
  },
  stale: {
    ja: 'あなたが開いた後に、他の人がこの事案を変更したため、何も保存していません。再読み込みして最新の内容を確認し、必要ならやり直してください。',
    en: 'Someone changed this incident after you opened it, so nothing was saved. Reload to see the latest, then try again if still needed.',
  },
  reload: { ja: '再読み込みする', en: 'Reload' },
  // Reportability.
  reportability: { ja: '個人情報保護委員会への報告', en: 'Reporting to the PPC' },
  answerReportable: {
    ja: '報告対象です。次の理由によります。',
    en: 'Reportable, because:',
  },
  answerNotReportable: {
    ja: '報告対象ではありません。次の理由によります。',
    en: 'Not reportable, because:',
  },
  myNumberAct: {
    ja: '番号法に基づく報告も必要です（特定個人情報）。',
    en: 'A report under the My Number Act is due too (specific personal information).',
  },
  notMetRules: { ja: '該当しない規定（{n}件）', en: 'Rules not met ({n})' },
  assessedAt: { ja: '判定日時：{at}', en: 'Assessed {at}' },
  overrideShown: {
    ja: '個人情報保護管理者の判断により「{answer}」としています（{by}、{at}）。理由：{reason}',
    en: 'The officer decided “{answer}” ({by}, {at}). Reason: {reason}',
  },
  override: { ja: '判定と異なる判断をする', en: 'Decide otherwise' },
  overrideIntro: {
    ja: '判定と異なる判断をする場合は、その理由を書いて記録します。理由は事案とともに保存され、監査で確認されます。',
    en: 'To decide otherwise than the assessment, write down why. The reason is kept with the incident for the auditors.',
  },
  overrideAnswer: { ja: '判断', en: 'Decision' },
  overrideReason: { ja: '判断の理由（必須）', en: 'Reason for the decision (required)' },
  overrideSave: { ja: '判断を記録する', en: 'Record the decision' },
  overrideDone: { ja: '判断を記録しました。', en: 'The decision is recorded.' },
  // Deadlines and reports.
  deadlines: { ja: '報告期限（日本時間）', en: 'Report deadlines (Japan time)' },
  deadlinesNote: {
    ja: '確報の期限は、認識した日から{days}日です。行政機関の休日に当たる場合は、その翌日です。',
    en: 'The final report is due {days} days from the day the company became aware; on a day the offices are closed, the next day they open.',
  },
  notReportableNoDeadlines: {
    ja: '報告対象ではないため、報告期限はありません。',
    en: 'Not reportable, so no report is due.',
  },
  report: { ja: '報告', en: 'Report' },
  dueAt: { ja: '期限', en: 'Due' },
  submitted: { ja: '提出', en: 'Submitted' },
  notSubmitted: { ja: '未提出', en: 'Not yet submitted' },
  submittedLine: {
    ja: '{at} 提出（受付番号 {ref}、第{version}版から作成）',
    en: 'Submitted {at} (receipt {ref}, from version {version})',
  },
  preview: { ja: '{report}を表示・印刷する', en: 'Show and print the {report}' },
  recordSubmission: { ja: '提出を記録する', en: 'Record the submission' },
  recordSubmissionIntro: {
    ja: '報告は個人情報保護委員会のウェブフォームから提出します。提出したら、その日時と受付番号をここに記録してください。',
    en: "Reports are submitted on the PPC's web form. Once submitted, record when, and the receipt reference it gave.",
  },
  whichReport: { ja: '報告の種類', en: 'Report' },
  submittedAt: { ja: '提出した日時（日本時間）', en: 'Submitted (Japan time)' },
  receiptReference: { ja: '受付番号', en: 'PPC receipt reference' },
  submissionRecorded: { ja: '提出を記録しました。', en: 'The submission is recorded.' },
  // Linked subjects and notices.
  subjects: { ja: '紐づけた本人', en: 'Linked persons' },
  noSubjects: { ja: '紐づけた本人はいません。', en: 'No person is linked yet.' },
  subjectId: { ja: '本人ID', en: 'Subject ID' },
  linkedAt: { ja: '紐づけた日時', en: 'Linked' },
  notice: { ja: '本人への通知', en: 'Notice' },
  noticePending: { ja: '送信待ち', en: 'Being sent' },
  noticeSent: { ja: '送信済み {at}', en: 'Sent {at}' },
  noticeUnreachable: { ja: '代替措置：{measure}', en: 'Alternative measure: {measure}' },
  noticeNone: { ja: '未通知', en: 'Not yet told' },
  link: { ja: '本人を紐づける', en: 'Link persons' },
  linkIds: { ja: '本人ID（1行に1人）', en: 'Subject IDs (one per line)' },
  linkHint: {
    ja: '台帳の本人IDを入力します。本人の検索で確認できます。',
    en: 'Subject IDs from the registry; find them under Subjects.',
  },
  linkSave: { ja: '紐づける', en: 'Link them' },
  linked: { ja: '本人を紐づけました。', en: 'The persons are linked.' },
  notify: { ja: '本人に通知する', en: 'Notify the persons' },
  notifyIntro: {
    ja: '紐づけた本人のうち、まだ通知していない人に、デスクが把握している言語で電子メールを送ります（個人情報保護法第26条第2項）。一度送った本人には再び送りません。',
    en: 'Each linked person not yet told is e-mailed, in the language the desk holds for them (APPI Art. 26(2)). No one is told twice.',
  },
  notifyCount: { ja: '通知する本人：{n}人', en: 'Persons to notify: {n}' },
  notifyNone: { ja: '通知していない本人はいません。', en: 'Every linked person has been told.' },
  alternative: {
    ja: '連絡できない本人への代替措置（公表など）',
    en: 'Alternative measure for persons who cannot be reached (e.g. publication)',
  },
  alternativeHint: {
    ja: '本人への通知が困難な場合は、本人の権利利益を保護するために必要な代替措置で足ります（第26条第2項ただし書）。',
    en: 'Where telling a person is difficult, a measure needed to protect their rights and interests is enough (Art. 26(2) proviso).',
  },
  alternativeWhat: {
    ja: '行った代替措置の内容（連絡できない本人がいる場合は必須）',
    en: 'What was done instead (required when someone cannot be reached)',
  },
  noticeMissing: {
    ja: '通知には次の項目が必要です（個人情報保護法施行規則第10条）。事実関係に記録してから通知してください。',
    en: 'A notice states these items (Enforcement Rules Art. 10). Record them in the facts, then notify.',
  },
  noticeMail: { ja: '送られるメールの文面', en: 'The e-mail as it will be sent' },
  notifyConfirm: {
    ja: '{n}人に通知メールを送ります。送信は取り消せません。よろしいですか。',
    en: 'The notice goes to {n} person(s) by e-mail. It cannot be taken back. Go ahead?',
  },
  notifyGo: { ja: '通知を送る', en: 'Send the notices' },
  notifyCancel: { ja: 'やめる', en: 'Cancel' },
  notified: { ja: '通知を送りました（{n}人）。', en: 'The notices are sent ({n}).' },
  // Closing.
  close: { ja: '事案を終了する', en: 'Close the incident' },
  closeIntro: {
    ja: '対応（報告と本人への通知を含む）を終えたら、理由を書いて終了します。記録は残ります。',
    en: 'Once it is dealt with, reports and notices included, close it with the reason. It is kept.',
  },
  closeReason: { ja: '終了の理由', en: 'Reason for closing' },
  closed: { ja: '事案を終了しました。', en: 'The incident is closed.' },
  // Versions and timeline.
  versions: { ja: '変更の履歴', en: 'Versions' },
  version: { ja: '版', en: 'Version' },
  at: { ja: '日時', en: 'When' },
  by: { ja: '担当者', en: 'By' },
  timeline: { ja: '経過（アクセス記録）', en: 'Timeline (access log)' },
  timelineNone: { ja: '記録はまだありません。', en: 'Nothing is recorded yet.' },
  action: { ja: '操作', en: 'Action' },
  timelineOlder: { ja: 'さらに前の記録を表示する', en: 'Show older entries' },
  // The report page.
  reportTitle: { ja: '{report}（事案 {id}）', en: '{report} (incident {id})' },
  backToIncident: { ja: '事案へ戻る', en: 'Back to the incident' },
  print: { ja: '印刷する', en: 'Print' },
  printHint: {
    ja: '下の報告書だけが印刷されます（コンソールの見出しやメニューは印刷されません）。委員会のフォームに転記して提出したら、事案の画面で提出を記録してください。',
    en: "Only the report below is printed, without the console around it. Once it is entered on the PPC's form and submitted, record the submission on the incident.",
  },
  paper: { ja: '報告書', en: 'The report' },
  reportNotReportable: {
    ja: 'この事案は報告対象ではない（管理者の判断を含む）ため、報告書は作成されません。報告対象の場合は、事実関係を直すか、理由を書いて判断を記録してください。',
    en: "This incident is not reportable (as the desk acts on it), so no report is prepared. If it is, correct the facts or record the officer's decision with a reason.",
  },
  reportIncomplete: {
    ja: '確報にはすべての項目の記載が必要です。次の項目を事実関係に記録してから、もう一度開いてください（不明な場合は、その旨を記載します）。',
    en: 'A final report states every item. Record these in the facts, then open it again (where something stays unknown, say so).',
  },
  paperJapanese: {
    ja: '報告書は日本語で作成します（個人情報保護委員会への提出用）。',
    en: 'The report is in Japanese, as the PPC takes it.',
  },
  // Monitoring alerts.
  alerts: { ja: 'アクセス監視の警告', en: 'Access monitoring alerts' },
  alertsIntro: {
    ja: '担当者のアクセスの監視で検知した警告です。漏えい等のおそれがある場合は、警告の内容から事案の下書きを作成できます。',
    en: "Alerts raised by the monitoring of staff access. Where one may be a leak, open a draft incident from it with the alert's facts.",
  },
  alertsNone: { ja: '警告はありません。', en: 'No alert.' },
  alertRaised: { ja: '検知した日時', en: 'Raised' },
  alertWhat: { ja: '内容', en: 'What' },
  alertIncident: { ja: '事案', en: 'Incident' },
  alertManySubjects: {
    ja: '{actor}が{hour}からの1時間に{n}人のデータを閲覧',
    en: '{actor} read {n} persons’ data in the hour from {hour}',
  },
  alertOutsideHours: {
    ja: '{actor}が{hour}からの1時間（窓口の時間外）に{n}回閲覧',
    en: '{actor} read {n} times outside desk hours in the hour from {hour}',
  },
  openFromAlert: { ja: '事案の下書きを作成する', en: 'Open a draft incident' },
} satisfies Record<string, Label>;

export type IncidentsTextKey = keyof typeof W;

/** The page's words, with `{name}` filled from `values`. */
export function iw(key: IncidentsTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return W[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
