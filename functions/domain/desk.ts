// The desk that answers requests (policy §7): its name and where to reach it.
export const DESK_CONTACT = {
  name: { ja: 'メカラ合同会社 個人データ開示相談窓口', en: 'Mecara LLC Personal Data Disclosure Consultation Desk' },
  address: '#9F, 1-23-8, Kandanishikicho, Chiyoda-ku, Tokyo, 101-0054, Japan',
  email: 'info@aimicros.com',
} as const;
