// The documents a representative's authority and identity are checked with, by their ids and in
// Japanese and English. A leaf (no imports), so the console names them in these very words.

/**
 * APPI Art. 37(3) and Cabinet Order Art. 13: a request may be made by the legal representative of a
 * minor or an adult ward, or by an agent the person appointed. The documents that show that authority:
 */
export const AUTHORITY_DOCUMENTS = {
  // Parent or guardian of a minor: the family register shows the relationship.
  'family-register-certificate': {
    for: ['legal-representative'],
    ja: '戸籍謄本又は戸籍抄本（未成年者の法定代理人）',
    en: 'Certified copy of the family register (legal representative of a minor)',
  },
  // Guardian of an adult ward: the certificate under the Act on Guardianship Registration.
  'guardianship-registration-certificate': {
    for: ['legal-representative'],
    ja: '後見登記等に関する登記事項証明書（成年後見人）',
    en: 'Certificate of registered matters under the Act on Guardianship Registration (guardian of an adult ward)',
  },
  // Guardian appointed by the family court, before the registration is issued.
  'family-court-appointment': {
    for: ['legal-representative'],
    ja: '家庭裁判所の選任審判書（法定代理人）',
    en: "The family court's ruling appointing the guardian (legal representative)",
  },
  'power-of-attorney': {
    for: ['agent'],
    ja: 'ご本人の委任状（任意代理人）',
    en: 'Power of attorney signed by the person (appointed agent)',
  },
  'power-of-attorney-with-seal-certificate': {
    for: ['agent'],
    ja: 'ご本人の実印を押印した委任状及び印鑑登録証明書（任意代理人）',
    en: "Power of attorney bearing the person's registered seal, with the seal registration certificate (appointed agent)",
  },
} as const satisfies Record<string, { for: readonly ('legal-representative' | 'agent')[]; ja: string; en: string }>;
/**
 * Official documents that show who the representative is (the identity documents the PPC guidelines
 * give as examples). Only the kind is recorded: of an Individual Number Card, only the front is seen.
 */
export const IDENTITY_DOCUMENTS = {
  'driving-licence': { ja: '運転免許証', en: 'Driving licence' },
  passport: { ja: '旅券（パスポート）', en: 'Passport' },
  'individual-number-card': { ja: '個人番号カード（表面のみ）', en: 'Individual Number Card (front only)' },
  'residence-card': { ja: '在留カード', en: 'Residence card' },
  'health-insurance-certificate': { ja: '健康保険の資格確認書', en: 'Health insurance eligibility certificate' },
  'resident-record-copy': { ja: '住民票の写し', en: 'Copy of the resident record' },
  'other-official-photo-id': { ja: 'その他の官公署発行の顔写真付き証明書', en: 'Other official photo identification' },
} as const satisfies Record<string, { ja: string; en: string }>;
