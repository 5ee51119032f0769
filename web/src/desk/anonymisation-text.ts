// The words of the console's anonymisation pages (匿名加工情報; APPI Art. 43-46), ja/en. The words
// the law gives (the standards of Enforcement Rules Art. 34, the treatments, the hierarchy levels, the
// metric) come from functions/domain/anonymisation/words.ts, so the pages and the notice say the same.
import type { Label } from '../text';
import type { Language } from './text';

const W = {
  // The register of definitions.
  title: { ja: '匿名加工情報', en: 'Anonymously processed information' },
  intro: {
    ja: '登録簿の個人データから、特定の個人を識別できず元の個人情報を復元できないように加工した情報（匿名加工情報）を作成します（個人情報保護法第43条、施行規則第34条）。作成すると、含まれる個人に関する情報の項目がプライバシーノーティスで直ちに公表されます。作成した情報は登録簿と照合せず、第三者に提供しません（プライバシーポリシー第3条）。',
    en: "Datasets drawn from the registry's personal data, processed so that no specific person can be identified and the original personal information cannot be restored (APPI Art. 43; Enforcement Rules Art. 34). Creating one publishes, at once, the items of information about individuals it contains in the privacy notice. A dataset is never matched with the registry and never provided to a third party (privacy policy §3).",
  },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  none: { ja: '定義はまだありません。', en: 'No definition yet.' },
  table: { ja: '定義の一覧（横にスクロールできます）', en: 'Definitions (scrolls sideways)' },
  definition: { ja: '定義', en: 'Definition' },
  definitionTitle: { ja: '名称', en: 'Title' },
  datasets: { ja: '作成した匿名加工情報', en: 'Datasets created' },
  noDatasets: { ja: 'まだ作成していません', en: 'None yet' },
  // The definition form.
  create: { ja: '定義を作成する', en: 'Define a dataset' },
  createIntro: {
    ja: '登録簿の項目ごとに、施行規則第34条の措置を選びます。氏名やメールアドレスのように個人を識別する記述は削除だけ、お客様番号のように元の情報と連結する符号は削除か連結できない符号への置換だけを選べます。年齢・住所・職業のような準識別子は、階層に沿って一般化します。',
    en: 'For each registry item, choose its measure under Enforcement Rules Art. 34. Descriptions that identify a person, such as the name or e-mail address, can only be deleted; codes that link to the original data, such as the customer number, only deleted or replaced by codes that cannot link back. Quasi-identifiers such as age, address or occupation are generalised along a hierarchy.',
  },
  definitionId: { ja: '定義の識別子', en: 'Definition identifier' },
  definitionIdHint: {
    ja: '英小文字・数字・ハイフン（例：usage-by-region-2026）。後から変更できません。',
    en: 'Lower-case letters, digits and hyphens (e.g. usage-by-region-2026). It cannot be changed later.',
  },
  titleJa: { ja: '名称（日本語）', en: 'Title (Japanese)' },
  titleEn: { ja: '名称（英語）', en: 'Title (English)' },
  titleHint: {
    ja: 'プライバシーノーティスに公表されます。',
    en: 'Published in the privacy notice.',
  },
  purposes: { ja: '利用目的', en: 'Purposes of use' },
  purposesHint: {
    ja: 'この匿名加工情報が役立てる利用目的を選んでください。',
    en: 'Choose the purposes of use this dataset serves.',
  },
  purposesLoading: { ja: '利用目的を読み込み中…', en: 'Loading the purposes…' },
  attributes: { ja: '項目と措置', en: 'Items and their measures' },
  attributesHint: {
    ja: '使わない項目は「含めない」のままにしてください。一般化する項目は、その階層を指定します。',
    en: 'Leave the items not used as “Not included”. For a generalised item, give its hierarchy.',
  },
  category: { ja: '項目', en: 'Item' },
  treatment: { ja: '措置（{item}）', en: 'Measure ({item})' },
  notIncluded: { ja: '含めない', en: 'Not included' },
  specialCareMark: { ja: '要配慮個人情報', en: 'special care-required' },
  hierarchyKind: { ja: '一般化の階層（{item}）', en: 'Hierarchy ({item})' },
  fixedHierarchy: { ja: '階層：{levels}（入力は不要です）', en: 'Hierarchy: {levels} (nothing to enter)' },
  bands: { ja: '年齢の階級の幅（歳、{item}）', en: 'Age band widths in years ({item})' },
  bandsHint: {
    ja: '小さい順に、カンマ区切り。それぞれ前の幅の倍数（例：5, 10, 20）。',
    en: 'Smallest first, separated by commas; each a multiple of the one before (e.g. 5, 10, 20).',
  },
  topCodeAt: { ja: 'この年齢以上は一つにまとめる（{item}）', en: 'Ages from this one up are one value ({item})' },
  widths: { ja: '区間の幅（{item}）', en: 'Interval widths ({item})' },
  widthsHint: {
    ja: '小さい順に、カンマ区切り（例：10, 50, 100）。',
    en: 'Smallest first, separated by commas (e.g. 10, 50, 100).',
  },
  bottomCodeAt: {
    ja: 'この値以下は一つにまとめる（任意、{item}）',
    en: 'Values up to this one are one value (optional, {item})',
  },
  intervalTopCodeAt: {
    ja: 'この値以上は一つにまとめる（任意、{item}）',
    en: 'Values from this one up are one value (optional, {item})',
  },
  tableLevels: { ja: '対応表（{item}）', en: 'Generalisations ({item})' },
  tableLevelsHint: {
    ja: '1行に1つの値。「値 > 第1階層 > 第2階層」のように、近い順に一般化を書きます。すべての行で階層の数を揃えてください（例：会社員 > 被雇用者 > 就業者）。',
    en: 'One value a line, then its generalisations from the nearest up: “value > level 1 > level 2”. Every line needs the same number of levels (e.g. clerk > employee > working).',
  },
  sensitive: {
    ja: '機微な項目として保護する（l-多様性、{item}）',
    en: 'Protect as a sensitive item (l-diversity, {item})',
  },
  model: { ja: 'プライバシーモデル', en: 'Privacy model' },
  modelHint: {
    ja: 'k-匿名性：準識別子の組合せが同じ人が、必ず k 人以上いるようにします。l-多様性：その各グループに、機微な項目の値が l 種類以上あるようにします。満たせない少数の記録は削除（抑制）します。',
    en: 'k-anonymity: every combination of quasi-identifiers is shared by at least k persons. l-diversity: each such group shows at least l values of each sensitive item. The few records that cannot meet the model are left out (suppressed).',
  },
  k: { ja: 'k（同じ組合せの最少人数）', en: 'k (the fewest persons sharing a combination)' },
  l: { ja: 'l（機微な項目の値の最少種類数、任意）', en: 'l (the fewest values of a sensitive item, optional)' },
  maxSuppression: { ja: '削除（抑制）してよい記録の上限（%）', en: 'Records that may be left out, at most (%)' },
  specialCareReason: { ja: '要配慮個人情報を用いる理由', en: 'Why special care-required information is used' },
  specialCareReasonHint: {
    ja: '要配慮個人情報の項目を含めるときは、その理由が必要です（プライバシーポリシー第2条）。',
    en: 'An item of special care-required information is used only with a reason (privacy policy §2).',
  },
  readers: { ja: '加工後の行を読める役割', en: 'Roles that may read the rows' },
  readersHint: {
    ja: '個人情報保護管理者はいつでも読めます。加工の方法は個人情報保護管理者だけが読めます。',
    en: 'The officer always may. The processing method is for the officer alone.',
  },
  createSubmit: { ja: '定義を作成する', en: 'Create the definition' },
  // One definition.
  back: { ja: '匿名加工情報の一覧へ', en: 'All definitions' },
  definitionHeading: { ja: '定義 {id}', en: 'Definition {id}' },
  createdBy: { ja: '作成した人', en: 'Created by' },
  createdAt: { ja: '作成日時', en: 'Created' },
  modelLine: {
    ja: 'k = {k}、削除（抑制）の上限 {suppression}',
    en: 'k = {k}, at most {suppression} of the records left out',
  },
  modelLineL: {
    ja: 'k = {k}、l = {l}、削除（抑制）の上限 {suppression}',
    en: 'k = {k}, l = {l}, at most {suppression} of the records left out',
  },
  run: { ja: '匿名加工情報を作成する', en: 'Create a dataset' },
  runIntro: {
    ja: '登録簿の現在の個人データから、この定義で加工します。作成すると項目がプライバシーノーティスに公表されます。モデルを満たせないときは何も公表されず、理由が表示されます。',
    en: "Processes the registry's current personal data by this definition. The items are then published in the privacy notice. If the model cannot be met, nothing is published and the reason is shown.",
  },
  runStarted: {
    ja: '作成を始めました。終わるとこのページに結果が表示されます。',
    en: 'Started. The result appears on this page when it is done.',
  },
  dataset: { ja: '匿名加工情報', en: 'Dataset' },
  state: { ja: '状態', en: 'State' },
  requestedAt: { ja: '開始日時', en: 'Started' },
  stateRequested: { ja: '作成中', en: 'Being created' },
  statePublished: { ja: '作成・公表済み', en: 'Created and published' },
  stateRefused: { ja: '作成できませんでした', en: 'Not created' },
  // One dataset.
  datasetHeading: { ja: '匿名加工情報 {id}', en: 'Dataset {id}' },
  toDefinition: { ja: '定義 {id} へ', en: 'Definition {id}' },
  refusedHeading: { ja: '作成できなかった理由', en: 'Why it was not created' },
  refusedNote: {
    ja: '何も公表していません。定義を見直して、新しい定義で作成してください。',
    en: 'Nothing was published. Review the definition and create a dataset from a new one.',
  },
  report: { ja: 'リスク評価', en: 'Risk report' },
  modelMet: {
    ja: '{model}を満たしています。',
    en: 'The model is met: {model}.',
  },
  kModel: { ja: 'k-匿名性（k = {k}）', en: 'k-anonymity (k = {k})' },
  lModel: { ja: 'l-多様性（l = {l}）', en: 'l-diversity (l = {l})' },
  and: { ja: 'と', en: ' and ' },
  highestRisk: { ja: '最も高い再識別リスク', en: 'Highest re-identification risk' },
  highestRiskValue: {
    ja: '{risk}（同じ組合せの人が最も少ないグループで{smallest}人）',
    en: '{risk} (the smallest group of persons sharing a combination has {smallest})',
  },
  averageRisk: { ja: '平均の再識別リスク', en: 'Average re-identification risk' },
  atRisk: { ja: '1/k を超えるリスクのある記録', en: 'Records at a risk above 1/k' },
  records: { ja: '記録の数', en: 'Records' },
  recordsValue: {
    ja: '対象 {records}件、うち公開 {released}件',
    en: '{records} in, {released} released',
  },
  suppressed: { ja: '削除（抑制）した記録', en: 'Records left out (suppressed)' },
  suppressedValue: { ja: '{suppressed}件（{share}）', en: '{suppressed} ({share})' },
  classes: { ja: 'グループの数', en: 'Groups sharing a combination' },
  informationLoss: { ja: '情報損失', en: 'Information loss' },
  informationLossValue: {
    ja: '{value}（{metric}。0 は損失なし、100% はすべて抑制）',
    en: '{value} ({metric}; 0 is no loss, 100% everything suppressed)',
  },
  lattice: { ja: '探索した一般化の組合せ', en: 'Generalisations searched' },
  latticeValue: {
    ja: '{nodes}通りのうち{checked}通りを計算（残りは推論）',
    en: '{checked} of {nodes} computed (the rest inferred)',
  },
  items: { ja: '公表した項目', en: 'Items published' },
  itemsIntro: {
    ja: 'プライバシーノーティスには、次の項目と作成日が公表されています（個人情報保護法第43条第3項）。',
    en: 'The privacy notice publishes these items and the date of creation (APPI Art. 43(3)).',
  },
  createdOn: { ja: '作成日', en: 'Created on' },
  measure: { ja: '措置', en: 'Measure' },
  rows: { ja: '加工後の行', en: 'The rows' },
  rowsIntro: {
    ja: '行を表示すると、その閲覧はあなたの名前でアクセス記録に残ります。行には本人の識別子はなく、登録簿とは照合しません。',
    en: 'Showing the rows is recorded in the access log under your name. The rows carry no identifier of any person and are never matched with the registry.',
  },
  showRows: { ja: '行を表示する（アクセス記録に残ります）', en: 'Show the rows (recorded in the access log)' },
  rowsTable: { ja: '加工後の行（横にスクロールできます）', en: 'The rows (scrolls sideways)' },
  rowsShown: {
    ja: '全{total}行のうち、先頭の{shown}行を表示しています。',
    en: 'The first {shown} of {total} rows.',
  },
  row: { ja: '行', en: 'Row' },
  method: { ja: '加工の方法', en: 'The processing method' },
  methodIntro: {
    ja: '加工の方法は加工後の情報とは別に保管され、個人情報保護管理者だけが読めます（個人情報保護法第43条第2項、施行規則第35条）。表示するとアクセス記録に残ります。対応表や鍵は存在しないため、この情報から本人の情報は復元できません。',
    en: 'The processing method is kept apart from the dataset and only the officer may read it (APPI Art. 43(2); Enforcement Rules Art. 35). Showing it is recorded in the access log. No correspondence table or key exists, so nothing here restores a person’s data.',
  },
  showMethod: {
    ja: '加工の方法を表示する（アクセス記録に残ります）',
    en: 'Show the method (recorded in the access log)',
  },
  referenceDate: { ja: '年齢を数えた日', en: 'Ages counted on' },
  levelChosen: { ja: '選ばれた一般化の段階', en: 'Generalisation chosen' },
  suppressedWhole: { ja: 'すべて抑制（*）', en: 'Suppressed entirely (*)' },
  standards: { ja: '措置の根拠', en: 'The standards met' },
} satisfies Record<string, Label>;

export type AnonymisationTextKey = keyof typeof W;

/** The page's words, with `{name}` filled from `values`. */
export function nw(
  key: AnonymisationTextKey,
  language: Language,
  values: Record<string, string | number> = {},
): string {
  return W[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/** What a refused field needs, in Japanese: the API's messages are English, so a Japanese page says the field's rule. */
export const FIELD_RULES_JA = {
  definitionId: '英小文字・数字・ハイフンで、まだ使われていない識別子を入力してください。',
  title: '名称を日本語と英語の両方で入力してください（200文字以内）。',
  purposes: '登録されている利用目的を1つ以上選んでください。',
  attributes: '準識別子（一般化する項目）か、そのまま残す項目を1つ以上含めてください。',
  treatment:
    'この項目には選べない措置です。個人を識別する記述は削除のみ、連結符号は削除又は置換のみ、住所の一般化は住所の階層のみです。',
  category: '要配慮個人情報の項目は、用いる理由を入力したときだけ含められます。同じ項目は一度だけ含められます。',
  hierarchy:
    'この階層では一般化できません。すべての値を覆うように、幅や対応表を見直してください（幅は前の幅の倍数、対応表は各行の階層の数を揃えます）。',
  sensitive: '機微な項目にできるのは「そのまま」の項目だけで、l を指定したときだけです。',
  k: 'k は2以上の整数にしてください（k = 1 では誰も保護されません）。',
  l: 'l は2以上の整数で、機微な項目を1つ以上選んだときだけ指定してください。',
  maxSuppression: '0%以上50%以下で指定してください。',
  specialCareReason: '要配慮個人情報を含めるときは、その理由を入力してください。',
  readers: '役割を確認してください。',
} as const;

/** A dataset's state in words. */
export function stateWords(state: 'requested' | 'published' | 'refused', language: Language): string {
  return nw(
    state === 'requested' ? 'stateRequested' : state === 'published' ? 'statePublished' : 'stateRefused',
    language,
  );
}
