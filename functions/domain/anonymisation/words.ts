// The words of anonymously processed information (匿名加工情報; APPI Art. 2(6), 43; Enforcement Rules
// Art. 34-36): the processing standards, what a dataset definition does with each attribute, and the
// desk's defaults for the privacy model. No imports, so the web apps bundle it as it is.

type Words = { ja: string; en: string };

/** Enforcement Rules Art. 34: the standards of processing, items (i)-(v). */
export const PROCESSING_STANDARDS = [
  {
    id: 'rules-34-1-identifying-descriptions',
    citation: { ja: '個人情報保護法施行規則第34条第1号', en: 'Enforcement Rules Art. 34(i)' },
    ja: '特定の個人を識別することができる記述等の全部又は一部を削除する（復元することのできる規則性を有しない方法により他の記述等に置き換えることを含む。）',
    en: 'Delete all or part of the descriptions that identify a specific person (or replace them, by a method with no regularity that would let them be restored).',
  },
  {
    id: 'rules-34-2-identification-codes',
    citation: { ja: '個人情報保護法施行規則第34条第2号', en: 'Enforcement Rules Art. 34(ii)' },
    ja: '個人識別符号の全部を削除する（復元することのできる規則性を有しない方法により他の記述等に置き換えることを含む。）',
    en: 'Delete every individual identification code (or replace it, by a method with no regularity that would let it be restored).',
  },
  {
    id: 'rules-34-3-linking-codes',
    citation: { ja: '個人情報保護法施行規則第34条第3号', en: 'Enforcement Rules Art. 34(iii)' },
    ja: '個人情報と当該個人情報に措置を講じて得られる情報とを連結する符号を削除する（連結することができない符号に置き換えることを含む。）',
    en: 'Delete the codes that link the personal information to the information processed from it (or replace them with codes that cannot link them).',
  },
  {
    id: 'rules-34-4-idiosyncratic-descriptions',
    citation: { ja: '個人情報保護法施行規則第34条第4号', en: 'Enforcement Rules Art. 34(iv)' },
    ja: '特異な記述等を削除する（復元することのできる規則性を有しない方法により他の記述等に置き換えることを含む。）',
    en: 'Delete idiosyncratic descriptions (or replace them, by a method with no regularity that would let them be restored).',
  },
  {
    id: 'rules-34-5-database-properties',
    citation: { ja: '個人情報保護法施行規則第34条第5号', en: 'Enforcement Rules Art. 34(v)' },
    ja: '個人情報データベース等の性質を勘案し、その結果を踏まえて適切な措置を講ずる',
    en: 'Take the measures appropriate to the properties of the database, such as how the descriptions differ between the persons in it.',
  },
] as const satisfies readonly ({ id: string; citation: Words } & Words)[];
export type ProcessingStandardId = (typeof PROCESSING_STANDARDS)[number]['id'];

/**
 * What a definition does with an attribute, and which standard of Rules Art. 34 that meets:
 * delete (i)/(ii); replace a linking code with a row number that follows the output's own order, so
 * no correspondence to the original is kept anywhere (iii); generalise a quasi-identifier along its
 * hierarchy, with top and bottom coding and suppression of rare combinations (iv)/(v); keep as it is.
 */
export const ATTRIBUTE_TREATMENTS = {
  delete: {
    standards: ['rules-34-1-identifying-descriptions', 'rules-34-2-identification-codes'],
    ja: '削除',
    en: 'Deleted',
  },
  replace: {
    standards: ['rules-34-3-linking-codes'],
    ja: '連結できない符号に置換',
    en: 'Replaced by a code that cannot be linked back',
  },
  generalise: {
    standards: ['rules-34-4-idiosyncratic-descriptions', 'rules-34-5-database-properties'],
    ja: '一般化（階級化・上位コード化・希少な組合せの削除）',
    en: 'Generalised (bands, top and bottom coding, suppression of rare combinations)',
  },
  keep: { standards: [], ja: 'そのまま', en: 'Kept as it is' },
} as const satisfies Record<string, { standards: readonly ProcessingStandardId[] } & Words>;
export type AttributeTreatment = keyof typeof ATTRIBUTE_TREATMENTS;
export const ATTRIBUTE_TREATMENT_IDS = Object.keys(ATTRIBUTE_TREATMENTS) as [
  AttributeTreatment,
  ...AttributeTreatment[],
];

/**
 * Registry categories that describe a specific person or are codes of one: a definition may only
 * delete them (Rules Art. 34(i)), or replace the linking codes among them (Art. 34(iii)). The address
 * may also be generalised, but only along the address hierarchy (municipality, prefecture, region).
 */
export const DELETE_ONLY_CATEGORIES = ['name', 'email', 'phone', 'identity-document', 'recorded-call'] as const;
export const LINKING_CODE_CATEGORIES = ['customer-id', 'cookie-id', 'advertising-identifier'] as const;
export const ADDRESS_CATEGORY = 'address';

/** The kinds of generalisation hierarchy, and what each level of each shows. */
export const HIERARCHY_KINDS = {
  age: {
    ja: '年齢（生年月日から）',
    en: 'Age (from the date of birth)',
    levels: { ja: ['年齢', '{band}歳階級'], en: ['age', '{band}-year bands'] },
  },
  date: { ja: '日付', en: 'Date', levels: { ja: ['年月日', '年月', '年'], en: ['day', 'month', 'year'] } },
  address: {
    ja: '住所',
    en: 'Address',
    levels: { ja: ['市区町村', '都道府県', '地方'], en: ['municipality', 'prefecture', 'region'] },
  },
  postcode: {
    ja: '郵便番号',
    en: 'Postcode',
    levels: { ja: ['郵便番号7桁', '上3桁', '上1桁'], en: ['7 digits', 'first 3 digits', 'first digit'] },
  },
  table: { ja: '対応表', en: 'Table', levels: { ja: ['値', '第{level}階層'], en: ['value', 'level {level}'] } },
  interval: {
    ja: '数値の区間',
    en: 'Numeric intervals',
    levels: { ja: ['値', '{width}刻み'], en: ['value', 'intervals of {width}'] },
  },
} as const;
export type HierarchyKind = keyof typeof HIERARCHY_KINDS;

/** What every hierarchy's top level shows: the attribute suppressed for the whole dataset. */
export const SUPPRESSED_VALUE = '*';
/** What a column whose attribute sits at the top level publishes: nothing of anyone. */
export const SUPPRESSED_LEVEL_WORDS: Words = { ja: '全件非表示', en: 'not shown' };

/**
 * The privacy model's defaults. The Act sets no number: the PPC's guidance asks for measures suited to
 * the database (Rules Art. 34(v)); k = 5 is the common practice of statistical disclosure control.
 */
export const DEFAULT_K = 5;
/** k-anonymity with k = 1 protects no one. */
export const MIN_K = 2;
/** The share of records that may be suppressed (left out) to meet the model, by default. */
export const DEFAULT_MAX_SUPPRESSION = 0.05;
/** Ages from this one up are one value (top coding, Rules Art. 34(iv)) unless the definition sets another. */
export const DEFAULT_AGE_TOP_CODE = 90;
/** A definition whose lattice of generalisations is larger than this is refused: it cannot be searched whole. */
export const MAX_LATTICE_NODES = 20_000;

/** The information-loss metric a run minimises and reports: normalised certainty penalty (Xu et al., 2006). */
export const INFORMATION_LOSS_METRIC = {
  id: 'ncp',
  ja: '正規化確実性ペナルティ（NCP）',
  en: 'Normalised certainty penalty (NCP)',
} as const;

/** The policy's §3 promises, said in the notice beside the publications. */
export const ANONYMISED_INFORMATION_POLICY: Words = {
  ja: '匿名加工情報を作成したときは、特定の個人を識別できず、元の個人情報を復元できないよう法令の基準に従って加工し、含まれる個人に関する情報の項目を公表します。作成した匿名加工情報を他の情報と照合して本人を識別することはなく、第三者に提供することもありません。',
  en: 'When we create anonymously processed information, we process it by the legal standards so that no specific person can be identified and the original personal information cannot be restored, and we publish the items of information about individuals it contains. We never match it with other information to identify anyone, and we do not provide it to any third party.',
};
