// The words of reportability (APPI Art. 26(1); Enforcement Rules Art. 7; the PPC Rules on reports of
// specific personal information leaks Art. 2): each rule's name and source, and the sentence the desk
// gives for it, in Japanese and English. The thresholds live here so the rules and their words share
// one value. No imports, so the web apps bundle it as it is.

type Words = { ja: string; en: string };
type Lang = 'ja' | 'en';

/** Rules Art. 7(4): a leak is reportable when the persons involved *exceed* 1,000 (千人を超える). */
export const LEAK_REPORT_PERSONS_THRESHOLD = 1000;
/** My Number leak rules Art. 2(4): reportable when the persons involved *exceed* 100 (百人を超える). */
export const MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD = 100;

/** The rules in the order the desk checks and shows them; reportability.ts holds what each reads. */
export const REPORTABILITY_RULE_IDS = [
  'rules-7-1-special-care',
  'rules-7-2-financial-loss',
  'rules-7-3-wrongful-purpose',
  'rules-7-4-persons',
  'my-number-2-1-systems',
  'my-number-2-2-wrongful-purpose',
  'my-number-2-3-publicly-viewable',
  'my-number-2-4-persons',
  'encryption-exemption',
] as const;
export type ReportabilityRuleId = (typeof REPORTABILITY_RULE_IDS)[number];

/** Which count the persons rules read: the confirmed one, else the estimate, else the linked subjects. */
export type PersonsCountSource = 'confirmed' | 'estimated' | 'linked';

const thousand = LEAK_REPORT_PERSONS_THRESHOLD.toLocaleString('en');
const hundred = MY_NUMBER_LEAK_REPORT_PERSONS_THRESHOLD.toLocaleString('en');

export const REPORTABILITY_RULE_WORDS: Record<ReportabilityRuleId, { label: Words; source: Words }> = {
  'rules-7-1-special-care': {
    label: { ja: '要配慮個人情報が含まれる', en: 'Special care-required personal information' },
    source: { ja: '個人情報保護法施行規則第7条第1号', en: 'Enforcement Rules Art. 7(1)' },
  },
  'rules-7-2-financial-loss': {
    label: {
      ja: '不正に利用されることにより財産的被害が生じるおそれがある',
      en: 'Misuse may cause financial loss',
    },
    source: { ja: '個人情報保護法施行規則第7条第2号', en: 'Enforcement Rules Art. 7(2)' },
  },
  'rules-7-3-wrongful-purpose': {
    label: {
      ja: '不正の目的をもって行われたおそれがある行為による（取得しようとしている個人情報を含む）',
      en: 'Caused by an act that may have had a wrongful purpose (including personal information the business is acquiring)',
    },
    source: { ja: '個人情報保護法施行規則第7条第3号', en: 'Enforcement Rules Art. 7(3)' },
  },
  'rules-7-4-persons': {
    label: { ja: `本人の数が${thousand}人を超える`, en: `More than ${thousand} persons` },
    source: { ja: '個人情報保護法施行規則第7条第4号', en: 'Enforcement Rules Art. 7(4)' },
  },
  'my-number-2-1-systems': {
    label: {
      ja: '情報提供ネットワークシステム又は個人番号利用事務の情報システム等で管理される特定個人情報',
      en: 'Specific personal information in the information-provision network system or a system for Individual Number utilisation affairs',
    },
    source: {
      ja: '特定個人情報の漏えい等に関する報告等に関する規則第2条第1号',
      en: 'My Number leak rules Art. 2(1)',
    },
  },
  'my-number-2-2-wrongful-purpose': {
    label: {
      ja: '不正の目的をもって行われたおそれがある特定個人情報の漏えい等',
      en: 'Specific personal information, by an act that may have had a wrongful purpose',
    },
    source: {
      ja: '特定個人情報の漏えい等に関する報告等に関する規則第2条第2号',
      en: 'My Number leak rules Art. 2(2)',
    },
  },
  'my-number-2-3-publicly-viewable': {
    label: {
      ja: '特定個人情報が電磁的方法により不特定多数の者に閲覧され、又は閲覧されるおそれがある',
      en: 'Specific personal information made or possibly made viewable by many unspecified people',
    },
    source: {
      ja: '特定個人情報の漏えい等に関する報告等に関する規則第2条第3号',
      en: 'My Number leak rules Art. 2(3)',
    },
  },
  'my-number-2-4-persons': {
    label: {
      ja: `特定個人情報に係る本人の数が${hundred}人を超える`,
      en: `More than ${hundred} persons' specific personal information`,
    },
    source: {
      ja: '特定個人情報の漏えい等に関する報告等に関する規則第2条第4号',
      en: 'My Number leak rules Art. 2(4)',
    },
  },
  'encryption-exemption': {
    label: {
      ja: '高度な暗号化その他の個人の権利利益を保護するために必要な措置が講じられている（鍵も漏えいした場合を除く）',
      en: 'Protected by advanced encryption or an equivalent measure (not if the key leaked too)',
    },
    source: {
      ja: '個人情報保護法施行規則第7条第1号括弧書、特定個人情報の漏えい等に関する報告等に関する規則第2条第1号括弧書、個人情報保護法ガイドライン（通則編）3-5-3-1',
      en: 'Enforcement Rules Art. 7(1) parenthesis; My Number leak rules Art. 2(1) parenthesis; PPC General Guidelines 3-5-3-1',
    },
  },
};

const COUNT_SOURCE: Record<PersonsCountSource, Words> = {
  confirmed: { ja: '確定した人数', en: 'the confirmed count' },
  estimated: { ja: '推定の人数（確定していないため）', en: 'the estimate (no count is confirmed yet)' },
  linked: {
    ja: '紐付けた本人の数（確定・推定の人数がないため）',
    en: 'the linked subjects (neither a confirmed count nor an estimate is recorded)',
  },
};

/** What a finding says, enough to word it in either language. */
export interface FindingFacts {
  rule: ReportabilityRuleId;
  met: boolean;
  /** Persons rules: the count read and where it came from. */
  count?: number;
  countFrom?: PersonsCountSource;
  /** My Number rules: whether Individual Numbers are involved at all. */
  individualNumbers?: boolean;
}

const YES_NO: Record<ReportabilityRuleId, { met: Words; notMet: Words }> = {
  'rules-7-1-special-care': {
    met: {
      ja: '要配慮個人情報が含まれる（おそれを含む）ため',
      en: 'special care-required personal information is (or may be) involved',
    },
    notMet: { ja: '要配慮個人情報は含まれないため', en: 'no special care-required personal information is involved' },
  },
  'rules-7-2-financial-loss': {
    met: {
      ja: '不正に利用されることにより財産的被害が生じるおそれがある個人データが含まれるため',
      en: 'the data includes personal data whose misuse may cause financial loss',
    },
    notMet: {
      ja: '不正利用により財産的被害が生じるおそれがある個人データは含まれないため',
      en: 'no personal data whose misuse may cause financial loss is involved',
    },
  },
  'rules-7-3-wrongful-purpose': {
    met: {
      ja: '不正の目的をもって行われたおそれがある行為によるため',
      en: 'it was (or may have been) caused by an act with a wrongful purpose',
    },
    notMet: {
      ja: '不正の目的をもって行われたおそれがある行為によるものではないため',
      en: 'nothing suggests an act with a wrongful purpose',
    },
  },
  'rules-7-4-persons': {
    met: { ja: `本人の数が${thousand}人を超えるため`, en: `the persons involved exceed ${thousand}` },
    notMet: { ja: `本人の数が${thousand}人以下のため`, en: `the persons involved do not exceed ${thousand}` },
  },
  'my-number-2-1-systems': {
    met: {
      ja: '同号に掲げる情報システムで管理される特定個人情報であるため',
      en: 'the specific personal information was held in a system the rule names',
    },
    notMet: {
      ja: '同号に掲げる情報システムで管理される特定個人情報ではないため',
      en: 'the specific personal information was not held in a system the rule names',
    },
  },
  'my-number-2-2-wrongful-purpose': {
    met: {
      ja: '特定個人情報の漏えい等が不正の目的をもって行われたおそれがあるため',
      en: 'specific personal information is involved and the act may have had a wrongful purpose',
    },
    notMet: {
      ja: '不正の目的をもって行われたおそれがある行為によるものではないため',
      en: 'nothing suggests an act with a wrongful purpose',
    },
  },
  'my-number-2-3-publicly-viewable': {
    met: {
      ja: '特定個人情報が不特定多数の者に閲覧され、又は閲覧されるおそれがあるため',
      en: 'specific personal information was or may have been viewable by many unspecified people',
    },
    notMet: {
      ja: '特定個人情報が不特定多数の者に閲覧されるおそれはないため',
      en: 'the specific personal information was not viewable by many unspecified people',
    },
  },
  'my-number-2-4-persons': {
    met: {
      ja: `特定個人情報に係る本人の数が${hundred}人を超えるため`,
      en: `the persons involved exceed ${hundred}`,
    },
    notMet: {
      ja: `特定個人情報に係る本人の数が${hundred}人以下のため`,
      en: `the persons involved do not exceed ${hundred}`,
    },
  },
  'encryption-exemption': {
    met: {
      ja: '高度な暗号化その他の必要な措置が講じられた個人データ・特定個人情報は報告の対象外のため、いずれの事由にも当たらない',
      en: 'data protected by advanced encryption or an equivalent measure is outside every rule, so none applies',
    },
    notMet: {
      ja: '高度な暗号化その他の必要な措置は講じられていないため、除外されない',
      en: 'the data was not protected by advanced encryption or an equivalent measure, so nothing is exempt',
    },
  },
};

const NO_INDIVIDUAL_NUMBERS: Words = {
  ja: '個人番号（特定個人情報）は含まれないため',
  en: 'no Individual Numbers (specific personal information) are involved',
};

function personsClause(facts: FindingFacts, lang: Lang): string {
  if (facts.count === undefined || facts.countFrom === undefined) return '';
  const from = COUNT_SOURCE[facts.countFrom][lang];
  return lang === 'ja'
    ? `（${from}：${facts.count.toLocaleString('ja')}人）`
    : ` (${from}: ${facts.count.toLocaleString('en')})`;
}

/** "Met/not met, because …", naming the rule: the sentence the desk keeps and shows for one rule. */
export function findingSentence(facts: FindingFacts, lang: Lang): string {
  const { label, source } = REPORTABILITY_RULE_WORDS[facts.rule];
  const myNumber = facts.rule.startsWith('my-number-');
  const reason =
    myNumber && facts.individualNumbers === false
      ? NO_INDIVIDUAL_NUMBERS[lang]
      : `${YES_NO[facts.rule][facts.met ? 'met' : 'notMet'][lang]}${personsClause(facts, lang)}`;
  if (facts.rule === 'encryption-exemption') {
    return lang === 'ja'
      ? `${source.ja}：${facts.met ? '除外に当たる' : '除外に当たらない'}。${reason}。`
      : `${source.en}: ${facts.met ? 'exempt' : 'not exempt'}, because ${reason}.`;
  }
  return lang === 'ja'
    ? `${source.ja}（${label.ja}）：${facts.met ? '該当する' : '該当しない'}。${reason}。`
    : `${source.en} (${label.en}): ${facts.met ? 'met' : 'not met'}, because ${reason}.`;
}

export const REPORTABILITY_ANSWER_WORDS = {
  reportable: { ja: '報告対象', en: 'Reportable' },
  notReportable: { ja: '報告対象外', en: 'Not reportable' },
  underMyNumberAct: {
    ja: '番号法に基づく報告も必要です（特定個人情報）',
    en: 'A report under the My Number Act is due as well (specific personal information)',
  },
  overridden: { ja: '個人情報保護管理者の判断により変更', en: "Overridden by the officer's decision" },
};
