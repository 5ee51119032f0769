// The cases in which the Act lets personal data be used beyond its purposes (APPI Art. 18(3)) and
// special care-required information be acquired without consent (Art. 20(2)), in both languages, as
// in force since 1 April 2022: the 2021 amendment added the academic-research items (Art. 18(3)(v),
// (vi); 20(2)(v), (vi)). One source for the register, the use check, the notice and the pages; no
// imports, so the web apps can take the words.

const ITEM_NUMBERS = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7 } as const;
type Item = keyof typeof ITEM_NUMBERS;

/** The item as each language cites it, so the two lists, alike in words for items (i)-(iv), read apart. */
const citation = (article: number, paragraph: number, item: Item) => ({
  ja: `第${article}条第${paragraph}項第${ITEM_NUMBERS[item]}号`,
  en: `Art. ${article}(${paragraph})(${item})`,
});

const COMMON = [
  {
    id: 'required-by-law',
    item: 'i',
    ja: '法令に基づく場合',
    en: 'Required by laws and regulations',
  },
  {
    id: 'protection-of-life-body-property',
    item: 'ii',
    ja: '人の生命、身体又は財産の保護のために必要がある場合であって、本人の同意を得ることが困難であるとき',
    en: 'Necessary to protect life, body or property, and consent is difficult to obtain',
  },
  {
    id: 'public-health-or-children',
    item: 'iii',
    ja: '公衆衛生の向上又は児童の健全な育成の推進のために特に必要がある場合であって、本人の同意を得ることが困難であるとき',
    en: 'Especially necessary for public health or the sound growth of children, and consent is difficult to obtain',
  },
  {
    id: 'cooperation-with-public-body',
    item: 'iv',
    ja: '国の機関若しくは地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに対して協力する必要がある場合であって、本人の同意を得ることにより当該事務の遂行に支障を及ぼすおそれがあるとき',
    en: 'Cooperating with a national or local public body performing duties prescribed by law',
  },
] as const;

const UNLESS_UNJUST = {
  ja: '（個人の権利利益を不当に侵害するおそれがある場合を除く。）',
  en: ", unless the person's rights and interests may be unjustly infringed",
} as const;

/** APPI Art. 18(3): data may be used beyond its purposes of use without consent only in these cases. */
export const USE_EXCEPTION_WORDS = [
  ...COMMON.map((e) => ({
    id: e.id,
    source: `APPI Art. 18(3)(${e.item})`,
    citation: citation(18, 3, e.item),
    ja: e.ja,
    en: e.en,
  })),
  {
    id: 'academic-research-by-institution',
    source: 'APPI Art. 18(3)(v)',
    citation: citation(18, 3, 'v'),
    ja: `当社が学術研究機関等である場合であって、当該個人情報を学術研究の用に供する目的で取り扱う必要があるとき${UNLESS_UNJUST.ja}`,
    en: `We are an academic research institution and must handle the data for academic research${UNLESS_UNJUST.en}`,
  },
  {
    id: 'academic-research-provision-to-institution',
    source: 'APPI Art. 18(3)(vi)',
    citation: citation(18, 3, 'vi'),
    ja: `学術研究機関等に個人データを提供する場合であって、当該学術研究機関等が当該個人データを学術研究の用に供する目的で取り扱う必要があるとき${UNLESS_UNJUST.ja}`,
    en: `Personal data is provided to an academic research institution that must handle it for academic research${UNLESS_UNJUST.en}`,
  },
] as const;

/** APPI Art. 20(2): special care-required information may be acquired without consent only in these cases. */
export const SPECIAL_CARE_EXCEPTION_WORDS = [
  ...COMMON.map((e) => ({
    id: e.id,
    source: `APPI Art. 20(2)(${e.item})`,
    citation: citation(20, 2, e.item),
    ja: e.ja,
    en: e.en,
  })),
  {
    id: 'academic-research-by-institution',
    source: 'APPI Art. 20(2)(v)',
    citation: citation(20, 2, 'v'),
    ja: `当社が学術研究機関等である場合であって、当該要配慮個人情報を学術研究の用に供する目的で取り扱う必要があるとき${UNLESS_UNJUST.ja}`,
    en: `We are an academic research institution and must handle the information for academic research${UNLESS_UNJUST.en}`,
  },
  {
    id: 'academic-research-joint-acquisition',
    source: 'APPI Art. 20(2)(vi)',
    citation: citation(20, 2, 'vi'),
    ja: '学術研究機関等から当該要配慮個人情報を取得する場合であって、当該要配慮個人情報を学術研究の用に供する目的で取得する必要があるとき（当社と当該学術研究機関等が共同して学術研究を行う場合に限り、個人の権利利益を不当に侵害するおそれがある場合を除く。）',
    en: "Acquired from an academic research institution with which we conduct joint academic research, and needed for that research, unless the person's rights and interests may be unjustly infringed",
  },
  {
    id: 'made-public',
    source: 'APPI Art. 20(2)(vii)',
    citation: citation(20, 2, 'vii'),
    ja: '本人、国の機関、地方公共団体、学術研究機関等、報道機関その他個人情報保護委員会規則で定める者により公開されている場合',
    en: 'Made public by the person, a public body, an academic research institution, the press or others listed in the Enforcement Rules',
  },
] as const;
