// The words of the console's pages for the internal rules and manuals and for training (policy
// §6(2)), ja/en. The kinds of rule come from the server's words module, so every page says the same.
import type { Label } from '../text';
import type { Language } from './text';

const W = {
  loading: { ja: '読み込み中…', en: 'Loading…' },
  required: { ja: '必須', en: 'required' },
  // Internal rules.
  rulesTitle: { ja: '社内規程・マニュアル', en: 'Internal rules and manuals' },
  rulesIntro: {
    ja: '個人データの取扱いについて会社が定めた規程とマニュアルです（プライバシーポリシー第6条(2)）。全ての担当者は施行中の版を読み、遵守することを確認します。',
    en: 'The rules and manuals the company set for handling personal data (privacy policy §6(2)). Every staff member reads the version in force and acknowledges that they will follow it.',
  },
  rulesNone: { ja: '公開された規程・マニュアルはありません。', en: 'No rule or manual is published.' },
  today: { ja: '本日（日本時間）：{day}', en: 'Today in Japan: {day}' },
  kind: { ja: '種類', en: 'Kind' },
  version: { ja: '版', en: 'Version' },
  versionNumber: { ja: '第{n}版', en: 'Version {n}' },
  effectiveFrom: { ja: '施行日', en: 'In force from' },
  inForce: { ja: '施行中', en: 'In force' },
  scheduled: { ja: '施行予定', en: 'Scheduled' },
  notYetInForce: { ja: 'まだ施行されていません。', en: 'Not in force yet.' },
  reference: { ja: '保管場所', en: 'Kept at' },
  publishedBy: { ja: '公開：{who}（{at}）', en: 'Published by {who} on {at}' },
  acknowledged: { ja: '{at}に確認済み', en: 'Acknowledged on {at}' },
  acknowledge: { ja: 'この版を読み、遵守することを確認する', en: 'I have read this version and will follow it' },
  acknowledgeAside: { ja: '{title} 第{n}版', en: '{title}, version {n}' },
  // Publishing.
  publishTitle: { ja: '規程・マニュアルを公開する', en: 'Publish a rule or manual' },
  publishIntro: {
    ja: '新しい規程・マニュアルは第1版として、既存のものの改訂は次の版として公開します。施行日は本日以降の日です（遡って適用することはできません）。本文か保管場所のどちらかを入力してください。',
    en: 'A new rule or manual is published as version 1; a revision of one as its next version. It takes effect today or on a later day, never before. Give its text, or where it is kept.',
  },
  ruleId: { ja: '識別子（英小文字・数字・ハイフン）', en: 'Identifier (lower-case letters, digits, hyphens)' },
  ruleIdHint: {
    ja: '版をまたいで同じものを使います。例：personal-data-handling-rules',
    en: 'The same across versions, e.g. personal-data-handling-rules',
  },
  titleJa: { ja: '名称（日本語）', en: 'Title (Japanese)' },
  titleEn: { ja: '名称（英語）', en: 'Title (English)' },
  text: { ja: '本文', en: 'Text' },
  publish: { ja: '公開する', en: 'Publish' },
  published: { ja: '第{n}版を公開しました。', en: 'Version {n} is published.' },
  // Who has not acknowledged.
  pendingTitle: { ja: '未確認の担当者', en: 'Staff who have not acknowledged' },
  pendingIntro: {
    ja: '施行中の版を確認していない在籍中の担当者です。',
    en: 'Active staff members who have not acknowledged a version in force.',
  },
  pendingNone: {
    ja: '全ての担当者が施行中の版を確認しています。',
    en: 'Every staff member has acknowledged the versions in force.',
  },
  member: { ja: '担当者', en: 'Staff member' },
  missing: { ja: '未確認の版', en: 'Not acknowledged' },
  // Training.
  trainingTitle: { ja: '教育・研修', en: 'Training' },
  trainingIntro: {
    ja: '個人データの安全管理に関する担当者の教育・研修の記録です（プライバシーポリシー第6条(2)）。修了は研修ごとの有効期間のあいだ有効です。',
    en: 'The records of staff training on the security management of personal data (privacy policy §6(2)). A completion stays current for its course’s validity.',
  },
  courses: { ja: '研修', en: 'Courses' },
  coursesNone: { ja: '登録された研修はありません。', en: 'No course is set up.' },
  course: { ja: '研修', en: 'Course' },
  validity: { ja: '有効期間', en: 'Validity' },
  months: { ja: '{n}か月', en: '{n} months' },
  requiredCourse: { ja: '必修', en: 'Required' },
  optionalCourse: { ja: '任意', en: 'Optional' },
  membersTitle: { ja: '担当者ごとの修了状況', en: 'Each staff member’s training' },
  standing: { ja: '個人データの取扱い', en: 'Standing' },
  lapsesOn: { ja: '{day}から停止', en: 'Refused from {day}' },
  ownTitle: { ja: 'あなたの修了状況', en: 'Your training' },
  completedOn: { ja: '修了日', en: 'Completed' },
  validUntil: { ja: '有効期限', en: 'Valid until' },
  current: { ja: '有効', en: 'Current' },
  lapsed: { ja: '期限切れ', en: 'Lapsed' },
  notTaken: { ja: '未修了', en: 'Not completed' },
  addCourseTitle: { ja: '研修を登録する', en: 'Set up a course' },
  courseId: { ja: '識別子（英小文字・数字・ハイフン）', en: 'Identifier (lower-case letters, digits, hyphens)' },
  validityField: { ja: '有効期間（か月、{min}〜{max}）', en: 'Validity (months, {min}–{max})' },
  validityHint: { ja: '空欄の場合は{n}か月です。', en: 'Left blank, {n} months.' },
  requiredField: {
    ja: '必修（修了が有効でない担当者は個人データを取り扱えません）',
    en: 'Required (a member without a current completion may not handle personal data)',
  },
  addCourse: { ja: '登録する', en: 'Set up' },
  courseAdded: { ja: '研修を登録しました。', en: 'The course is set up.' },
  recordTitle: { ja: '修了を記録する', en: 'Record a completion' },
  recordIntro: {
    ja: '修了日は本日以前の日です。有効期限は研修の有効期間から計算します。',
    en: 'The completion day is today or earlier; the last valid day follows from the course’s validity.',
  },
  staffId: { ja: '担当者', en: 'Staff member' },
  choose: { ja: '選択してください', en: 'Choose' },
  record: { ja: '記録する', en: 'Record' },
  recorded: { ja: '修了を記録しました（有効期限 {day}）。', en: 'The completion is recorded (valid until {day}).' },
} satisfies Record<string, Label>;

export type SafeguardsTextKey = keyof typeof W;

/** The page's words, with `{name}` filled from `values`. */
export function sw(key: SafeguardsTextKey, language: Language, values: Record<string, string | number> = {}): string {
  return W[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
