// The 47 prefectures in the order and with the codes of JIS X 0401 (都道府県コード), each in its region
// of the eight-region division (八地方区分) used in Japanese school geography and official statistics
// summaries. The address hierarchy generalises a municipality to its prefecture, then to its region.

type Words = { ja: string; en: string };

/** Where this table comes from, for the law constants catalogue. */
export const PREFECTURES_SOURCE = 'JIS X 0401 (prefecture codes); 八地方区分 (eight-region division)';

export const REGIONS = {
  hokkaido: { ja: '北海道地方', en: 'Hokkaido' },
  tohoku: { ja: '東北地方', en: 'Tohoku' },
  kanto: { ja: '関東地方', en: 'Kanto' },
  chubu: { ja: '中部地方', en: 'Chubu' },
  kinki: { ja: '近畿地方', en: 'Kinki' },
  chugoku: { ja: '中国地方', en: 'Chugoku' },
  shikoku: { ja: '四国地方', en: 'Shikoku' },
  kyushu: { ja: '九州地方', en: 'Kyushu' },
} as const satisfies Record<string, Words>;
export type RegionId = keyof typeof REGIONS;

export interface Prefecture {
  /** JIS X 0401 code. */
  code: string;
  ja: string;
  region: RegionId;
}

export const PREFECTURES: readonly Prefecture[] = [
  { code: '01', ja: '北海道', region: 'hokkaido' },
  { code: '02', ja: '青森県', region: 'tohoku' },
  { code: '03', ja: '岩手県', region: 'tohoku' },
  { code: '04', ja: '宮城県', region: 'tohoku' },
  { code: '05', ja: '秋田県', region: 'tohoku' },
  { code: '06', ja: '山形県', region: 'tohoku' },
  { code: '07', ja: '福島県', region: 'tohoku' },
  { code: '08', ja: '茨城県', region: 'kanto' },
  { code: '09', ja: '栃木県', region: 'kanto' },
  { code: '10', ja: '群馬県', region: 'kanto' },
  { code: '11', ja: '埼玉県', region: 'kanto' },
  { code: '12', ja: '千葉県', region: 'kanto' },
  { code: '13', ja: '東京都', region: 'kanto' },
  { code: '14', ja: '神奈川県', region: 'kanto' },
  { code: '15', ja: '新潟県', region: 'chubu' },
  { code: '16', ja: '富山県', region: 'chubu' },
  { code: '17', ja: '石川県', region: 'chubu' },
  { code: '18', ja: '福井県', region: 'chubu' },
  { code: '19', ja: '山梨県', region: 'chubu' },
  { code: '20', ja: '長野県', region: 'chubu' },
  { code: '21', ja: '岐阜県', region: 'chubu' },
  { code: '22', ja: '静岡県', region: 'chubu' },
  { code: '23', ja: '愛知県', region: 'chubu' },
  { code: '24', ja: '三重県', region: 'kinki' },
  { code: '25', ja: '滋賀県', region: 'kinki' },
  { code: '26', ja: '京都府', region: 'kinki' },
  { code: '27', ja: '大阪府', region: 'kinki' },
  { code: '28', ja: '兵庫県', region: 'kinki' },
  { code: '29', ja: '奈良県', region: 'kinki' },
  { code: '30', ja: '和歌山県', region: 'kinki' },
  { code: '31', ja: '鳥取県', region: 'chugoku' },
  { code: '32', ja: '島根県', region: 'chugoku' },
  { code: '33', ja: '岡山県', region: 'chugoku' },
  { code: '34', ja: '広島県', region: 'chugoku' },
  { code: '35', ja: '山口県', region: 'chugoku' },
  { code: '36', ja: '徳島県', region: 'shikoku' },
  { code: '37', ja: '香川県', region: 'shikoku' },
  { code: '38', ja: '愛媛県', region: 'shikoku' },
  { code: '39', ja: '高知県', region: 'shikoku' },
  { code: '40', ja: '福岡県', region: 'kyushu' },
  { code: '41', ja: '佐賀県', region: 'kyushu' },
  { code: '42', ja: '長崎県', region: 'kyushu' },
  { code: '43', ja: '熊本県', region: 'kyushu' },
  { code: '44', ja: '大分県', region: 'kyushu' },
  { code: '45', ja: '宮崎県', region: 'kyushu' },
  { code: '46', ja: '鹿児島県', region: 'kyushu' },
  { code: '47', ja: '沖縄県', region: 'kyushu' },
];

/**
 * Municipalities whose name has 市, 区, 町 or 村 before its end, so the first one after the prefecture
 * would cut the name short (四日市市 is not 四日市). A name not listed here is cut at its first such
 * character: still a consistent value inside its prefecture, so the privacy model holds either way.
 */
export const MUNICIPALITIES_WITH_INNER_SUFFIX: readonly string[] = [
  '四日市市',
  '廿日市市',
  '野々市市',
  '大町市',
  '十日町市',
  '東村山市',
  '武蔵村山市',
  '大和郡山市',
  '上市町',
  '大町町',
  '町田市',
  '市川市',
  '市原市',
  '市川三郷町',
  '村山市',
  '村上市',
  '田村市',
  '東大和市',
];

/** The prefecture an address starts with, if any. */
export function prefectureOf(address: string): Prefecture | undefined {
  return PREFECTURES.find((p) => address.startsWith(p.ja));
}
