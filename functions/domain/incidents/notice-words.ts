// The notice to the persons of a leak, loss or damage (APPI Art. 26(2)) in the desk's words, ja/en: a
// leaf (no imports), so the console and the person's dossier name the items, the notice states and the
// alternative measures in these very words (notice-items.ts holds the rules and their sources).

/** Enforcement Rules Art. 10: the items of Art. 8(1) a notice to the person carries, in the Rules' words. */
export const NOTICE_ITEM_WORDS = {
  overview: { ja: '概要', en: 'Overview' },
  'data-items': {
    ja: '漏えい等が発生し、又は発生したおそれがある個人データの項目',
    en: 'The items of personal data that were or may have been leaked, lost or damaged',
  },
  cause: { ja: '原因', en: 'Cause' },
  'secondary-damage': {
    ja: '二次被害又はそのおそれの有無及びその内容',
    en: 'Whether there is or may be secondary damage, and what it is',
  },
  other: { ja: 'その他参考となる事項', en: 'Other information for reference' },
} as const;

/** Art. 26(2) proviso and the PPC's guidelines (General Rules 3-5-4-5): what may be done where a person cannot be told. */
export const ALTERNATIVE_MEASURE_WORDS = {
  publication: { ja: '事案の公表', en: 'Publication of the incident' },
  'contact-point': {
    ja: '問合せ窓口の設置と連絡先の公表（本人が自らの個人データが対象か確認できるようにする）',
    en: 'A contact point, published, where persons can ask whether their data was involved',
  },
} as const;

/** How a linked person stands: told (the e-mail is queued), not reachable (the alternative measure), or not yet. */
export const NOTICE_STATE_WORDS = {
  none: { ja: '未通知', en: 'Not yet notified' },
  pending: { ja: '通知待ち', en: 'Notice pending' },
  sent: { ja: '通知済み（メール）', en: 'Notified by e-mail' },
  unreachable: { ja: '連絡不能（代替措置）', en: 'Unreachable: alternative measure taken' },
} as const;
