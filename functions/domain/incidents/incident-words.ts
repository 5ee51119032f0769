// The words of an incident's own fields (APPI Art. 26; Enforcement Rules Art. 7), ja/en: its states and
// the facts reportability turns on, as the form asks them. A leaf with no imports, so the console
// bundles it; the rules' words are in reportability-words.ts, the reports' in report-words.ts.

type Words = { ja: string; en: string };

/** APPI Art. 26(1): 漏えい、滅失若しくは毀損. Keys: INCIDENT_KINDS (incident.ts). */
export const INCIDENT_KIND_WORDS: Record<'leak' | 'loss' | 'damage', Words> = {
  leak: { ja: '漏えい', en: 'Leak' },
  loss: { ja: '滅失', en: 'Loss' },
  damage: { ja: '毀損', en: 'Damage' },
};

/** Keys: INCIDENT_STATES (incident.ts). */
export const INCIDENT_STATE_WORDS: Record<'draft' | 'open' | 'closed', Words> = {
  draft: { ja: '下書き（管理者の確認待ち）', en: 'Draft (awaiting the officer)' },
  open: { ja: '対応中', en: 'Open' },
  closed: { ja: '終了', en: 'Closed' },
};

/**
 * The facts reportability turns on, as a question the form asks (IncidentFactors, incident.ts). "Or
 * may have" (おそれ) is part of each: the Act treats a feared leak like a leak.
 */
export const INCIDENT_FACTOR_WORDS: Record<
  | 'specialCareRequired'
  | 'financialLoss'
  | 'wrongfulPurpose'
  | 'individualNumbers'
  | 'publiclyViewable'
  | 'advancedEncryption'
  | 'myNumberSystem',
  Words
> = {
  specialCareRequired: {
    ja: '要配慮個人情報が含まれる（おそれを含む）',
    en: 'Special care-required personal information is or may be involved',
  },
  financialLoss: {
    ja: '不正に利用されることにより財産的被害が生じるおそれがある個人データ（クレジットカード番号とセキュリティコード、ネットバンキングのID・パスワードなど）が含まれる',
    en: 'Data whose misuse may cause financial loss is involved (card numbers with security codes, bank log-ins and the like)',
  },
  wrongfulPurpose: {
    ja: '不正の目的をもって行われたおそれがある（不正アクセス、盗難、従業員による持ち出しなど）',
    en: 'It may have been done for a wrongful purpose (an attack, theft, an insider taking data out)',
  },
  individualNumbers: {
    ja: '個人番号（マイナンバー）が含まれる（おそれを含む）',
    en: 'Individual Numbers (My Number) are or may be involved',
  },
  publiclyViewable: {
    ja: '特定個人情報が不特定多数の者に閲覧され、又は閲覧されるおそれがある',
    en: 'Specific personal information was or may have been viewable by many unspecified people',
  },
  myNumberSystem: {
    ja: '個人番号は、情報提供ネットワークシステム又は個人番号利用事務を処理する情報システム等で管理されていた',
    en: 'The Individual Numbers were held in the information-provision network system or a system for Individual Number affairs',
  },
  advancedEncryption: {
    ja: 'すべてのデータが高度な暗号化等により保護されていた（鍵は漏えいしていない）',
    en: 'All the data was protected by advanced encryption or an equivalent measure (the key did not leak)',
  },
};
