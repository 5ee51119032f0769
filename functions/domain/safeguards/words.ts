// Words for the internal rules and training, in the person's language. A leaf (no imports), so the
// console shows these very words.

/** INTERNAL_RULE_KINDS (internal-rules.ts) as a person reads them. */
export const INTERNAL_RULE_KIND_WORDS = {
  rules: { ja: '規程', en: 'Rules' },
  manual: { ja: 'マニュアル', en: 'Manual' },
} as const;
