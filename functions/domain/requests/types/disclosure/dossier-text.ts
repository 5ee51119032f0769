// The dossier's words in both languages: the server's page and CSV (dossier-formats.ts) and the
// console's printed copy (web/src/desk/dossier.ts) use the same text. No imports, so the browser
// build can take it as it is.

export const DOSSIER_TEXT = {
  ja: {
    title: '保有個人データの開示',
    records: '保有個人データ',
    category: '項目',
    value: '内容',
    source: '取得元',
    purposes: '利用目的',
    acquiredAt: '取得日時',
    purposesOfUse: '利用目的',
    consents: '同意の記録',
    none: 'ありません',
    nothingHeld: '当社はお客様の個人データを保有しておりません。',
    provided: '提供',
    received: '受領',
    recipient: '提供先',
    provider: '提供元',
    items: '項目',
    basis: '根拠',
    date: '年月日',
    withheld: '開示しなかった項目',
    withheldIntro:
      '次の項目は、下記の根拠及び理由により開示しておりません（個人情報の保護に関する法律第33条第3項、第36条）。',
    grounds: '根拠',
    reason: '理由',
    generatedAt: '作成日時',
    linkedMark: 'お客様に紐づくアクセス情報',
    linkedNote:
      '「お客様に紐づくアクセス情報」と表示した項目は、Cookie、ウェブビーコン、広告識別子等によりサービスのご利用に伴って取得したアクセス情報で、当社がお客様の個人データと紐づけて保有しているものです。そのため、お客様の個人データとして開示しています。',
    specialCareMark: '要配慮個人情報',
    specialCareNote:
      '「要配慮個人情報」と表示した項目は、個人情報の保護に関する法律第2条第3項に定める要配慮個人情報です。当社は、お客様の同意を得た場合又は同法第20条第2項に定める場合に限り取得しています。',
  },
  en: {
    title: 'Disclosure of your personal data',
    records: 'Personal data we hold',
    category: 'Item',
    value: 'Content',
    source: 'Source',
    purposes: 'Purposes of use',
    acquiredAt: 'Acquired',
    purposesOfUse: 'Purposes of use',
    consents: 'Consents',
    none: 'None',
    provided: 'Provided',
    received: 'Received',
    recipient: 'Recipient',
    provider: 'Provider',
    items: 'Items',
    basis: 'Basis',
    date: 'Date',
    withheld: 'Items not disclosed',
    withheldIntro:
      'We have not disclosed the following items, on the grounds and for the reason below (APPI Art. 33(3), 36).',
    grounds: 'Grounds',
    reason: 'Reason',
    nothingHeld: 'We hold no personal data about you.',
    generatedAt: 'Compiled',
    linkedMark: 'Access information linked to you',
    linkedNote:
      'Items marked "Access information linked to you" are access information collected as you used our services, through cookies, web beacons, advertising identifiers and the like, which we hold linked to your personal data. That is why they are disclosed to you as your personal data.',
    specialCareMark: 'Special care-required',
    specialCareNote:
      'Items marked "Special care-required" are special care-required personal information as defined in Article 2(3) of the Act on the Protection of Personal Information. We acquire such information only with your consent or in the cases listed in Article 20(2) of the Act.',
  },
} as const;
