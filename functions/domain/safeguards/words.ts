// Words for the internal rules and training, in the person's language. A leaf (no imports), so the
// console shows these very words.

/** INTERNAL_RULE_KINDS (internal-rules.ts) as a person reads them. */
export const INTERNAL_RULE_KIND_WORDS = {
  rules: { ja: '規程', en: 'Rules' },
  manual: { ja: 'マニュアル', en: 'Manual' },
} as const;

/** A staff member's standing (standing.ts STANDING_STATUSES) as a person reads it. */
export const STANDING_STATUS_WORDS = {
  current: { ja: '要件を満たしている', en: 'Current' },
  'in-grace': { ja: '猶予期間中', en: 'In grace' },
  lapsed: { ja: '個人データの取扱い停止中', en: 'Lapsed: refused personal data' },
} as const;
