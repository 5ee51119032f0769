// The audit checklist's items and words: the safety management measures an operator must take (APPI Art. 23), item by
// item as the PPC's General Guidelines list them in section 10 (別添) 講ずべき安全管理措置の内容
// (個人情報の保護に関する法律についてのガイドライン（通則編）). A leaf (no imports): the console shows
// these very words, and each item points the auditor to the records the desk itself holds for it.

/** The guideline's groups of measures: 10-1 … 10-7. */
export const CHECKLIST_CATEGORIES = [
  'basic-policy',
  'handling-rules',
  'organisational',
  'human',
  'physical',
  'technical',
  'external-environment',
] as const;
export type ChecklistCategory = (typeof CHECKLIST_CATEGORIES)[number];

/** Each category's section of the guideline and its heading there. */
export const CHECKLIST_CATEGORY_WORDS: Readonly<
  Record<ChecklistCategory, { section: string; ja: string; en: string }>
> = {
  'basic-policy': { section: '10-1', ja: '基本方針の策定', en: 'A basic policy' },
  'handling-rules': {
    section: '10-2',
    ja: '個人データの取扱いに係る規律の整備',
    en: 'Rules for the handling of personal data',
  },
  organisational: { section: '10-3', ja: '組織的安全管理措置', en: 'Organisational security measures' },
  human: { section: '10-4', ja: '人的安全管理措置', en: 'Human security measures' },
  physical: { section: '10-5', ja: '物理的安全管理措置', en: 'Physical security measures' },
  technical: { section: '10-6', ja: '技術的安全管理措置', en: 'Technical security measures' },
  'external-environment': {
    section: '10-7',
    ja: '外的環境の把握',
    en: 'Understanding the external environment',
  },
};

/** The records the desk keeps that bear on an item, so the auditor knows where to look. */
export const EVIDENCE_SOURCES = [
  'privacy-notice',
  'internal-rules',
  'staff-accounts',
  'access-log',
  'access-alerts',
  'incidents',
  'audits',
  'training',
  'exports',
  'erasure-certificates',
  'holders',
] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

export const EVIDENCE_WORDS: Readonly<Record<EvidenceSource, { ja: string; en: string }>> = {
  'privacy-notice': { ja: 'プライバシーポリシー（公表事項）', en: 'The privacy notice (the published items)' },
  'internal-rules': {
    ja: '社内規程・マニュアルと確認の記録',
    en: 'Internal rules and manuals, and who acknowledged them',
  },
  'staff-accounts': {
    ja: '職員アカウントと役割（付与・無効化の記録）',
    en: 'Staff accounts and roles (grants and disabling)',
  },
  'access-log': { ja: 'アクセスログ（改ざん検知付き）', en: 'The access log (tamper-evident)' },
  'access-alerts': { ja: 'アクセス監視の通知', en: 'Access monitoring alerts' },
  incidents: { ja: '漏えい等事案の台帳と報告の記録', en: 'The incident register and its reports' },
  audits: { ja: '過去の監査と是正措置', en: 'Earlier audits and their corrective actions' },
  training: { ja: '研修の受講記録', en: 'Training completions' },
  exports: { ja: '持ち出し（エクスポート）の申請と承認', en: 'Exports asked for and approved' },
  'erasure-certificates': { ja: '削除の証明書', en: 'Erasure certificates' },
  holders: {
    ja: '個人データの保管先（委託先を含む）と点検の記録',
    en: 'Where personal data is held (processors included) and their reviews',
  },
};

export interface ChecklistItem {
  /** Stable: results and findings name it for good. */
  id: string;
  category: ChecklistCategory;
  /** The guideline's section, e.g. '10-3(2)'. */
  section: string;
  ja: string;
  en: string;
  /** What the auditor checks, in a sentence. */
  question: { ja: string; en: string };
  evidence: readonly EvidenceSource[];
}

export const AUDIT_CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'basic-policy',
    category: 'basic-policy',
    section: '10-1',
    ja: '基本方針の策定',
    en: 'A basic policy',
    question: {
      ja: '個人データの適正な取扱いの確保について基本方針を定め、公表しているか。',
      en: 'Is there a basic policy on the proper handling of personal data, and is it published?',
    },
    evidence: ['privacy-notice'],
  },
  {
    id: 'handling-rules',
    category: 'handling-rules',
    section: '10-2',
    ja: '個人データの取扱いに係る規律の整備',
    en: 'Rules for the handling of personal data',
    question: {
      ja: '取得・利用・保存・提供・削除・廃棄の各段階の取扱方法、責任者・担当者と任務を規程に定めているか。',
      en: 'Do internal rules say how personal data is acquired, used, stored, provided, erased and disposed of, and who is responsible?',
    },
    evidence: ['internal-rules'],
  },
  {
    id: 'org-structure',
    category: 'organisational',
    section: '10-3(1)',
    ja: '組織体制の整備',
    en: 'An organisational structure',
    question: {
      ja: '責任者を置き、取扱う従業者とその役割・範囲を明確にし、報告連絡体制を整えているか。',
      en: 'Is a responsible officer appointed, and are the staff who handle personal data, their roles and their reporting lines defined?',
    },
    evidence: ['staff-accounts'],
  },
  {
    id: 'org-operation',
    category: 'organisational',
    section: '10-3(2)',
    ja: '個人データの取扱いに係る規律に従った運用',
    en: 'Operation according to the rules',
    question: {
      ja: '規程に従って個人データが取り扱われ、その状況を記録しているか。',
      en: 'Is personal data handled as the rules say, and is that handling recorded?',
    },
    evidence: ['internal-rules', 'access-log', 'exports'],
  },
  {
    id: 'org-handling-records',
    category: 'organisational',
    section: '10-3(3)',
    ja: '個人データの取扱状況を確認する手段の整備',
    en: 'Means to check how personal data is handled',
    question: {
      ja: '個人データの種類・利用目的・保管場所・保存期間・責任者等を確認できる手段があるか。',
      en: 'Can the kinds of personal data, their purposes, where and how long they are kept and who is responsible be checked?',
    },
    evidence: ['holders', 'access-log'],
  },
  {
    id: 'org-incident-response',
    category: 'organisational',
    section: '10-3(4)',
    ja: '漏えい等事案に対応する体制の整備',
    en: 'A structure to respond to leaks',
    question: {
      ja: '漏えい等の事案の発生時に、報告・調査・影響範囲の特定・再発防止・委員会への報告と本人への通知を行う体制があるか。',
      en: 'Is there a structure to report, investigate, scope and prevent a recurrence of a leak, and to report it to the PPC and notify the persons?',
    },
    evidence: ['incidents', 'access-alerts'],
  },
  {
    id: 'org-review',
    category: 'organisational',
    section: '10-3(5)',
    ja: '取扱状況の把握及び安全管理措置の見直し',
    en: 'Reviewing the handling and the security measures',
    question: {
      ja: '取扱状況を把握し、監査等により安全管理措置を評価・見直し・改善しているか。',
      en: 'Is the handling monitored, and are the measures assessed, reviewed and improved, through audits among other means?',
    },
    evidence: ['audits', 'holders'],
  },
  {
    id: 'human-training',
    category: 'human',
    section: '10-4',
    ja: '従業者の教育',
    en: 'Education of employees',
    question: {
      ja: '従業者に個人データの適正な取扱いを周知徹底し、定期的に研修を行っているか。',
      en: 'Are employees made aware of the proper handling of personal data and trained regularly?',
    },
    evidence: ['training', 'internal-rules'],
  },
  {
    id: 'physical-areas',
    category: 'physical',
    section: '10-5(1)',
    ja: '個人データを取り扱う区域の管理',
    en: 'Control of the areas where personal data is handled',
    question: {
      ja: '管理区域・取扱区域への入退室管理や覗き込み防止等の措置を講じているか。',
      en: 'Are entry to the areas where personal data is handled controlled, and is it kept from being seen by others?',
    },
    evidence: [],
  },
  {
    id: 'physical-theft',
    category: 'physical',
    section: '10-5(2)',
    ja: '機器及び電子媒体等の盗難等の防止',
    en: 'Preventing the theft or loss of equipment and media',
    question: {
      ja: '個人データを取り扱う機器・電子媒体・書類等の盗難・紛失を防ぐ措置を講じているか。',
      en: 'Are equipment, electronic media and papers holding personal data protected against theft and loss?',
    },
    evidence: [],
  },
  {
    id: 'physical-carrying',
    category: 'physical',
    section: '10-5(3)',
    ja: '電子媒体等を持ち運ぶ場合の漏えい等の防止',
    en: 'Preventing leaks when media are carried',
    question: {
      ja: '個人データを持ち出す場合に、承認・暗号化・パスワード保護等の措置を講じているか。',
      en: 'When personal data is taken out, is it approved and protected (encryption, passwords)?',
    },
    evidence: ['exports'],
  },
  {
    id: 'physical-disposal',
    category: 'physical',
    section: '10-5(4)',
    ja: '個人データの削除及び機器、電子媒体等の廃棄',
    en: 'Erasing personal data and disposing of equipment and media',
    question: {
      ja: '個人データの削除や機器等の廃棄を復元不可能な手段で行い、その記録を残しているか。',
      en: 'Is personal data erased, and equipment disposed of, so that it cannot be restored, and is that recorded?',
    },
    evidence: ['erasure-certificates'],
  },
  {
    id: 'technical-access-control',
    category: 'technical',
    section: '10-6(1)',
    ja: 'アクセス制御',
    en: 'Access control',
    question: {
      ja: '担当者と取り扱う個人データの範囲を限定するアクセス制御を行っているか。',
      en: 'Is access limited to the staff in charge and to the personal data they need?',
    },
    evidence: ['staff-accounts', 'access-log'],
  },
  {
    id: 'technical-authentication',
    category: 'technical',
    section: '10-6(2)',
    ja: 'アクセス者の識別と認証',
    en: 'Identifying and authenticating those with access',
    question: {
      ja: '個人データを取り扱う情報システムの利用者を識別・認証しているか。',
      en: 'Are the users of the systems handling personal data identified and authenticated?',
    },
    evidence: ['staff-accounts'],
  },
  {
    id: 'technical-external-access',
    category: 'technical',
    section: '10-6(3)',
    ja: '外部からの不正アクセス等の防止',
    en: 'Preventing unauthorised access from outside',
    question: {
      ja: '外部からの不正アクセスや不正ソフトウェアから情報システムを保護し、その状況を監視しているか。',
      en: 'Are the systems protected from unauthorised access and malicious software from outside, and is that monitored?',
    },
    evidence: ['access-alerts', 'access-log'],
  },
  {
    id: 'technical-system-leaks',
    category: 'technical',
    section: '10-6(4)',
    ja: '情報システムの使用に伴う漏えい等の防止',
    en: 'Preventing leaks through the use of the systems',
    question: {
      ja: '情報システムの使用に伴う漏えい等を防ぐ措置（脆弱性対策、通信の暗号化等）を講じているか。',
      en: 'Are leaks through the use of the systems prevented (vulnerabilities handled, communications encrypted)?',
    },
    evidence: ['exports', 'access-log'],
  },
  {
    id: 'external-environment',
    category: 'external-environment',
    section: '10-7',
    ja: '外的環境の把握',
    en: 'Understanding the external environment',
    question: {
      ja: '外国で個人データを取り扱う場合に、当該外国の個人情報の保護に関する制度等を把握しているか。',
      en: 'Where personal data is handled in a foreign country, is that country’s regime for personal information protection understood?',
    },
    evidence: ['holders', 'privacy-notice'],
  },
];
