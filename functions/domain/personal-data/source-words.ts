// The kinds of source personal data is acquired from (policy §1), ja/en: a leaf (no imports), so the
// console names a record's source in these very words.

export const ACQUISITION_SOURCES = [
  {
    id: 'from-customer',
    ja: '書面・画面・口頭等でお客様から（お電話は録音することがあります）',
    en: 'From the customer in writing, on screen or orally (calls may be recorded)',
  },
  {
    id: 'service-use',
    ja: 'サービスのご利用に伴い自動的に取得（Cookie、ウェブビーコン、広告識別子等）',
    en: 'Automatically, through use of our services (cookies, web beacons, advertising identifiers)',
  },
  {
    id: 'public-institution',
    ja: '住民票等の公的機関への照会',
    en: 'Inquiries to public institutions, such as residence records',
  },
  {
    id: 'public-source',
    ja: '電話帳、官報等の公開情報',
    en: 'Publicly available sources such as telephone directories and official gazettes',
  },
  { id: 'credit-bureau', ja: '信用情報機関', en: 'Credit bureaus' },
  {
    id: 'third-party',
    ja: 'お客様のご紹介等、第三者から適法に',
    en: 'Lawfully from other third parties, such as customer referrals',
  },
] as const;
