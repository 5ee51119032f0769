// The notice's words for the business (APPI Art. 32(1)) and for the security measures taken (Cabinet
// Order Art. 10(i); PPC General Guidelines 3-8-1 and 10), in Japanese and English. A leaf with no
// imports: the Privacy Center bundles the headings, and security-measures.ts fills the sentences with
// the values the desk enforces.

type Words = { ja: string; en: string };

/** Headings of the notice's section on the business and its safeguards. */
export const BUSINESS_NOTICE_WORDS = {
  business: { ja: '個人情報取扱事業者', en: 'The business handling your personal information' },
  name: { ja: '名称', en: 'Name' },
  address: { ja: '住所', en: 'Address' },
  representative: { ja: '代表者', en: 'Representative' },
  securityOfficer: { ja: '情報セキュリティ責任者', en: 'Information Security Officer' },
  officerSince: { ja: '就任日', en: 'In office since' },
  accreditedOrganisation: {
    ja: '認定個人情報保護団体',
    en: 'Accredited personal information protection organisation',
  },
  complaintsContact: { ja: '苦情の申出先', en: 'Where to complain' },
  noAccreditedOrganisation: {
    ja: '当社は認定個人情報保護団体の対象事業者ではありません。',
    en: 'We are not a member of an accredited personal information protection organisation.',
  },
  securityMeasures: { ja: '安全管理のために講じた措置', en: 'Security measures taken' },
} as const satisfies Record<string, Words>;

/** The kinds of measure, in the PPC General Guidelines' order (10-1 to 10-7). */
export const SECURITY_MEASURE_KIND_WORDS = {
  'basic-policy': { ja: '基本方針の策定', en: 'Basic policy' },
  rules: { ja: '個人データの取扱いに係る規律の整備', en: 'Rules for handling personal data' },
  organisational: { ja: '組織的安全管理措置', en: 'Organisational measures' },
  human: { ja: '人的安全管理措置', en: 'Human measures' },
  physical: { ja: '物理的安全管理措置', en: 'Physical measures' },
  technical: { ja: '技術的安全管理措置', en: 'Technical measures' },
  'external-environment': { ja: '外的環境の把握', en: 'Understanding the external environment' },
} as const satisfies Record<string, Words>;

export type SecurityMeasureKind = keyof typeof SECURITY_MEASURE_KIND_WORDS;

export const SECURITY_MEASURE_WORDS = {
  basicPolicy: {
    ja: '個人データの適正な取扱いの確保のため、関係法令及びガイドラインの遵守、質問及び苦情処理の窓口等について、プライバシーポリシーとして基本方針を定めています。',
    en: 'To ensure personal data is handled properly, our privacy policy sets the basic policy: compliance with the law and the guidelines, and a desk for questions and complaints.',
  },
  rules: {
    ja: '取得、利用、保存、提供、削除・廃棄等の段階ごとに、取扱方法、責任者・担当者及びその任務等について社内規程及びマニュアルを定め、全従業者が現に有効な版を確認しています。',
    en: 'Internal rules and manuals set, for each stage of handling (acquisition, use, storage, provision, erasure), how data is handled, who is responsible and their duties; every staff member acknowledges the version in force.',
  },
  organisationalOfficer: (officer: Words): Words => ({
    ja: `個人データの取扱いに関する責任者として${officer.ja}を設置し、従業者の役割と権限を定めています。`,
    en: `The ${officer.en} is responsible for handling personal data, and the roles and authority of staff are defined.`,
  }),
  organisationalAudit: {
    ja: '社内規程の遵守状況について、安全管理措置の項目ごとに監査を行い、指摘事項の是正を期限を定めて管理しています。',
    en: 'Compliance with the internal rules is audited item by item against the safety management measures, and findings are corrected by set dates.',
  },
  human: (validityMonths: number): Words => ({
    ja: `従業者に個人データの適正な取扱いに関する研修を実施しています。研修の修了は、研修ごとに定める場合を除き${validityMonths}か月間有効で、有効な研修の修了及び社内規程の確認のない従業者は、猶予期間の経過後、個人データを取り扱う機能を利用できません。`,
    en: `Staff are trained in handling personal data properly. A completion is valid for ${validityMonths} months unless the course sets otherwise, and after a grace period a staff member without a current training and an acknowledgement of the rules in force is refused every function that handles personal data.`,
  }),
  physical: {
    ja: '個人データは、クラウドサービス事業者（Amazon Web Services）のデータセンターに保存しており、その物理的な安全管理は同社が行っています。データの持出し（エクスポート）は、情報セキュリティ責任者の承認を得た場合に限ります。',
    en: "Personal data is stored in the data centres of the cloud provider (Amazon Web Services), which maintains their physical security. Taking data out (exports) requires the Information Security Officer's approval.",
  },
  technicalAccess: (passwordMaxAgeDays: number): Words => ({
    ja: `役割に応じたアクセス制御を行い、従業者のサインインには多要素認証を必須とし、パスワードは${passwordMaxAgeDays}日ごとに変更させています。異動又は退職した従業者のアカウントは、無効化した直後の操作から利用できなくなります。`,
    en: `Access is controlled by role; staff sign in with multi-factor authentication, and passwords are changed every ${passwordMaxAgeDays} days. The account of a staff member who moves or leaves stops working from the next action after it is disabled.`,
  }),
  technicalLog: (retentionDays: number): Words => ({
    ja: `従業者による個人データの閲覧及び変更はすべてアクセスログに記録し、改ざんを検知できる形で${retentionDays}日間保存しています。`,
    en: `Every read and change of personal data by staff is recorded in an access log, kept for ${retentionDays} days in a form that shows any tampering.`,
  }),
  technicalFirewall: {
    ja: '外部からの不正アクセスを防止するため、ウェブアプリケーションファイアウォールを導入しています。',
    en: 'A web application firewall guards against unauthorised access from outside.',
  },
  technicalAllowList: {
    ja: '従業者用の機能は、当社が許可したネットワークからのみ利用できます。',
    en: 'Staff functions can be used only from networks we have allowed.',
  },
  externalJapan: {
    ja: '個人データは日本国内のデータセンターに保存しています。',
    en: 'Personal data is stored in data centres in Japan.',
  },
  externalForeign: (country: Words): Words => ({
    ja: `個人データは${country.ja}のデータセンターに保存しています。同国の個人情報の保護に関する制度については、この通知では記載していません。当窓口にお問い合わせください。`,
    en: `Personal data is stored in data centres in ${country.en}. This notice does not describe that country's system for the protection of personal information; ask the desk.`,
  }),
  externalUnknown: {
    ja: '個人データを保存している国をこの通知では特定していません。当窓口にお問い合わせください。',
    en: 'This notice does not name the country where personal data is stored; ask the desk.',
  },
} as const;
