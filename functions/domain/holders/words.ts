// The holder registry in the desk's words, ja/en: a leaf (no imports), so the console names kinds,
// contract clauses and review outcomes in these very words (contract.ts holds the rules and sources).

export const HOLDER_KIND_WORDS = {
  'internal-system': { ja: '社内システム', en: 'Internal system' },
  processor: { ja: '委託先', en: 'Processor (subcontractor)' },
} as const;

/** Policy §6(2)B: what the consignment contract stipulates. */
export const CONSIGNMENT_CLAUSE_WORDS = {
  'security-measures': { ja: '安全管理措置', en: 'Security control measures' },
  confidentiality: { ja: '秘密保持', en: 'Confidentiality' },
  're-consignment-approval': {
    ja: '再委託の条件（承認した再委託先に限る）',
    en: 'Re-consignment only to approved sub-processors',
  },
  'return-or-erasure': { ja: '契約終了時の個人情報の返還・消去', en: 'Return or erasure of the data at the end' },
} as const;

export const REVIEW_OUTCOME_WORDS = {
  adequate: { ja: '適切', en: 'Adequate' },
  'improvements-required': { ja: '改善が必要', en: 'Improvements required' },
  inadequate: { ja: '不適切（委託の見直しが必要）', en: 'Inadequate: reconsider the consignment' },
} as const;
