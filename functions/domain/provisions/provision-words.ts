// The bases of a provision to a third party or of a receipt from one, in the Act's words (APPI Art. 27,
// 29, 30, 31), keyed by PROVISION_BASES (permit-provision.ts) and RECEIPT_BASES (record-receipt.ts).
// No imports, so the web apps bundle it as it is.

export const PROVISION_BASIS_LABELS = {
  consent: { ja: 'ご本人の同意（第27条第1項）', en: 'Your consent (APPI Art. 27(1))' },
  exception: {
    ja: '法令に基づく場合等、同意を要しない場合（第27条第1項各号）',
    en: 'A case where the Act needs no consent, such as one required by law (APPI Art. 27(1))',
  },
  'opt-out': { ja: 'オプトアウトによる提供（第27条第2項）', en: 'Provision by opt-out (APPI Art. 27(2))' },
  'not-third-party': {
    ja: '委託、事業の承継又は共同利用（第27条第5項）',
    en: 'Outsourcing, business succession or joint use (APPI Art. 27(5))',
  },
  'linkage-consent': {
    ja: '個人関連情報を個人データとして取得することへのご本人の同意（第31条）',
    en: 'Your consent to the recipient acquiring access information as personal data (APPI Art. 31)',
  },
} as const satisfies Record<string, { ja: string; en: string }>;
