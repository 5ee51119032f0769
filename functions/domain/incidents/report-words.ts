// The words of the reports to the Personal Information Protection Commission (PPC) about a leak, loss
// or damage (APPI Art. 26(1); Enforcement Rules Art. 8), ja/en. A leaf with no imports, so the console
// prints the report in these very words; report-items.ts holds the law-as-data that uses them.

/**
 * The items a report carries (Enforcement Rules Art. 8(1)(i)-(ix)), in the Rules' order. `ja` is the
 * item as the Rules word it, without the parenthesis item (ii) carries for the Art. 7(iii) case
 * ("including the personal information it names"); `en` is the desk's English.
 */
export const REPORT_ITEM_WORDS = {
  overview: { ja: '概要', en: 'Overview' },
  dataItems: {
    ja: '漏えい等が発生し、又は発生したおそれがある個人データの項目',
    en: 'Items of the personal data leaked, lost or damaged, or feared to be',
  },
  persons: {
    ja: '漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数',
    en: 'Number of persons whose personal data was leaked, lost or damaged, or feared to be',
  },
  cause: { ja: '原因', en: 'Cause' },
  secondaryDamage: {
    ja: '二次被害又はそのおそれの有無及びその内容',
    en: 'Whether there is secondary damage or a risk of it, and what it is',
  },
  responseToPersons: { ja: '本人への対応の実施状況', en: 'Response to the persons so far' },
  publication: { ja: '公表の実施状況', en: 'Publication so far' },
  recurrencePrevention: { ja: '再発防止のための措置', en: 'Measures to prevent recurrence' },
  other: { ja: 'その他参考となる事項', en: 'Other matters for reference' },
} as const;

export type ReportItemKey = keyof typeof REPORT_ITEM_WORDS;

/** Rules Art. 8(1) 速報 (what is known at the time) and Art. 8(2) 確報 (every item). */
export const REPORT_KIND_WORDS = {
  preliminary: { ja: '速報', en: 'Preliminary report' },
  final: { ja: '確報', en: 'Final report' },
} as const;

/** The report's title; the kind follows in brackets: 漏えい等報告（速報）. */
export const REPORT_TITLE = {
  ja: '漏えい等報告',
  en: 'Report of a leak, loss or damage of personal data',
} as const;

/** Printed for an item not yet known when the preliminary report is made (Rules Art. 8(1): what is known). */
export const UNDER_INVESTIGATION = { ja: '調査中', en: 'Under investigation' } as const;

/** Printed for item (ix) when there is nothing to add, and for a fact that stays unknown in the final report. */
export const NOTHING_FURTHER = { ja: 'なし', en: 'None' } as const;
export const NOT_KNOWN = { ja: '不明', en: 'Not known' } as const;

/** The labels of the lines the report's items are made of. */
export const REPORT_LINE_WORDS = {
  business: { ja: '報告者', en: 'Reporting business' },
  businessAddress: { ja: '住所', en: 'Address' },
  representative: { ja: '代表者', en: 'Representative' },
  incident: { ja: '事案番号', en: 'Incident' },
  version: { ja: '版', en: 'Version' },
  kinds: { ja: '事態の区分', en: 'Kind' },
  occurredAt: { ja: '発生日時', en: 'Happened' },
  awareAt: { ja: '発覚日時', en: 'Became aware' },
  awareHow: { ja: '発覚の経緯', en: 'How the company became aware' },
  summary: { ja: '事案の概要', en: 'What happened' },
  categories: { ja: '個人データの区分', en: 'Categories of personal data' },
  confirmed: { ja: '確定', en: 'Confirmed' },
  estimated: { ja: '推計', en: 'Estimated' },
  linked: { ja: '台帳で特定した本人', en: 'Identified in the registry' },
  persons: { ja: '名', en: 'persons' },
  about: { ja: '約', en: 'about' },
  notices: { ja: '本人への通知', en: 'Notices to the persons' },
  sent: { ja: '通知済み', en: 'notified' },
  pending: { ja: '通知手続中', en: 'being notified' },
  unreachable: { ja: '通知困難', en: 'could not be reached' },
  notYetNotified: { ja: '未通知', en: 'not yet notified' },
  alternativeMeasures: { ja: '代替措置', en: 'Measure taken instead' },
  rulesMet: { ja: '該当する報告対象事態', en: 'Why it is reportable' },
  override: { ja: '責任者の判断', en: "The officer's decision" },
  submittedAt: { ja: '提出日時', en: 'Submitted' },
  receiptReference: { ja: '受付番号', en: 'Receipt reference' },
  servesBoth: { ja: '速報と確報を兼ねる', en: 'Serves as both the preliminary and the final report' },
  japanTime: { ja: '日本時間', en: 'Japan time' },
} as const;
