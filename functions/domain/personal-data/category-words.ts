// The categories of personal data in the desk's words, ja/en: a leaf (no imports), so the console
// names a record's category in these very words (categories.ts holds the rules that use them).

export type CategoryKind = 'ordinary' | 'access-information' | 'special-care';

export interface PersonalDataCategory {
  id: string;
  kind: CategoryKind;
  ja: string;
  en: string;
  /** Identifier categories index the record, so staff and requesters can find the person by it. */
  identifies?: 'email' | 'customer-id';
}

export const PERSONAL_DATA_CATEGORIES = [
  { id: 'name', kind: 'ordinary', ja: '氏名', en: 'Name' },
  { id: 'email', kind: 'ordinary', ja: 'メールアドレス', en: 'E-mail address', identifies: 'email' },
  { id: 'customer-id', kind: 'ordinary', ja: 'お客様番号', en: 'Customer number', identifies: 'customer-id' },
  { id: 'phone', kind: 'ordinary', ja: '電話番号', en: 'Telephone number' },
  { id: 'address', kind: 'ordinary', ja: '住所', en: 'Address' },
  { id: 'date-of-birth', kind: 'ordinary', ja: '生年月日', en: 'Date of birth' },
  { id: 'gender', kind: 'ordinary', ja: '性別', en: 'Gender' },
  { id: 'occupation', kind: 'ordinary', ja: '職業・勤務先', en: 'Occupation and employer' },
  { id: 'contract', kind: 'ordinary', ja: '契約内容', en: 'Contract details' },
  { id: 'payment-method', kind: 'ordinary', ja: '決済手段', en: 'Payment method' },
  { id: 'billing-history', kind: 'ordinary', ja: 'ご請求・お支払履歴', en: 'Billing and payment history' },
  { id: 'credit-information', kind: 'ordinary', ja: '信用情報', en: 'Credit information' },
  {
    id: 'identity-document',
    kind: 'ordinary',
    ja: '本人確認書類の記載事項',
    en: 'Particulars of an identity document',
  },
  { id: 'inquiry', kind: 'ordinary', ja: 'お問い合わせ内容', en: 'Inquiries' },
  { id: 'recorded-call', kind: 'ordinary', ja: '通話録音', en: 'Recorded call' },
  { id: 'referral', kind: 'ordinary', ja: 'ご紹介情報', en: 'Referral' },
  { id: 'service-usage', kind: 'ordinary', ja: 'サービス利用履歴', en: 'Service usage history' },
  { id: 'cookie-id', kind: 'access-information', ja: 'Cookie識別子', en: 'Cookie identifier' },
  { id: 'web-beacon', kind: 'access-information', ja: 'ウェブビーコンによる閲覧情報', en: 'Web beacon data' },
  { id: 'advertising-identifier', kind: 'access-information', ja: '広告識別子', en: 'Advertising identifier' },
  {
    id: 'access-history',
    kind: 'access-information',
    ja: 'アクセス履歴（IPアドレス、閲覧ページ等）',
    en: 'Access history (IP address, pages viewed)',
  },
  { id: 'device-information', kind: 'access-information', ja: '端末情報', en: 'Device information' },
  // APPI Art. 2(3) and Cabinet Order Art. 2 (i)-(v): special care-required information.
  { id: 'race', kind: 'special-care', ja: '人種', en: 'Race' },
  { id: 'creed', kind: 'special-care', ja: '信条', en: 'Creed' },
  { id: 'social-status', kind: 'special-care', ja: '社会的身分', en: 'Social status' },
  { id: 'medical-history', kind: 'special-care', ja: '病歴', en: 'Medical history' },
  { id: 'criminal-record', kind: 'special-care', ja: '犯罪の経歴', en: 'Criminal record' },
  { id: 'crime-victim', kind: 'special-care', ja: '犯罪により害を被った事実', en: 'Having been harmed by a crime' },
  { id: 'disability', kind: 'special-care', ja: '心身の機能の障害', en: 'Physical or mental disability' },
  { id: 'health-check-result', kind: 'special-care', ja: '健康診断等の結果', en: 'Results of health checks' },
  {
    id: 'medical-guidance-or-treatment',
    kind: 'special-care',
    ja: '保健指導・診療・調剤',
    en: 'Medical guidance, treatment or dispensing',
  },
  { id: 'criminal-proceedings', kind: 'special-care', ja: '刑事事件に関する手続', en: 'Criminal proceedings' },
  {
    id: 'juvenile-proceedings',
    kind: 'special-care',
    ja: '少年の保護事件に関する手続',
    en: 'Juvenile protection proceedings',
  },
] as const satisfies readonly PersonalDataCategory[];
