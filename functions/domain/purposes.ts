// Policy §2(1): the purposes of use, as the privacy notice states them. The purpose registry with
// versions and achievement rules replaces this list when it exists (issue 3).

export interface PurposeOfUse {
  id: string;
  ja: string;
  en: string;
}

export const PURPOSES_OF_USE: readonly PurposeOfUse[] = [
  { id: 'registration-screening', ja: '当社サービスの利用登録の審査のため', en: 'To screen registrations for use of our services' },
  { id: 'service-provision', ja: '当社サービスの提供及び本人確認のため', en: 'To provide our services and to confirm the identity of the customer' },
  { id: 'billing', ja: '当社サービスの利用料金の請求及び決済のため', en: 'To bill and settle usage fees for our services' },
  { id: 'information-and-inquiries', ja: '当社サービスに関する情報提供及びお問い合わせへの対応のため', en: 'To provide information on our services and to respond to inquiries' },
  { id: 'important-notices', ja: '利用規約・本ポリシーの変更、サービスの停止・終了、契約の解除その他重要なお知らせのため', en: 'To notify you of changes to the Terms of Service or this Policy, suspension or discontinuation of our services, cancellation of contracts and other important notices' },
  { id: 'advertising', ja: '当社又は第三者の商品・サービスに関する広告の配信のため', en: "To distribute advertisements regarding our or third parties' products and services" },
  { id: 'service-improvement', ja: '当社サービスの維持・改善及び新サービスの検討のため', en: 'To maintain and improve our services and to consider new services' },
  { id: 'usage-analysis', ja: '当社サービスの利用状況の調査・分析のため', en: 'To survey and analyse the usage of our services' },
];

export function purposeById(id: string): PurposeOfUse | undefined {
  return PURPOSES_OF_USE.find((p) => p.id === id);
}

/** Policy §1: the kinds of source personal data is acquired from. */
export const ACQUISITION_SOURCES = [
  { id: 'from-customer', ja: '書面・画面・口頭等でお客様から', en: 'From the customer in writing, on screen or orally (calls may be recorded)' },
  { id: 'service-use', ja: 'サービスのご利用に伴い自動的に取得（Cookie、ウェブビーコン、広告識別子等）', en: 'Automatically, through use of our services (cookies, web beacons, advertising identifiers)' },
  { id: 'public-institution', ja: '住民票等の公的機関への照会', en: 'Inquiries to public institutions, such as residence records' },
  { id: 'public-source', ja: '電話帳、官報等の公開情報', en: 'Publicly available sources such as telephone directories and official gazettes' },
  { id: 'credit-bureau', ja: '信用情報機関', en: 'Credit bureaus' },
  { id: 'third-party', ja: 'お客様のご紹介等、第三者から適法に', en: 'Lawfully from other third parties, such as customer referrals' },
] as const;
export type AcquisitionSource = (typeof ACQUISITION_SOURCES)[number]['id'];
