// Policy §2: the purposes of use, as a versioned registry. Each version keeps its text in Japanese
// and English, its status, the legal basis of the use and the rule that says when the purpose is
// achieved for a record, which becomes the record's expiresAt (policy §2(4)).

/** What a purpose's achievement is counted from. */
export const ACHIEVEMENT_EVENTS = ['acquisition', 'contract-end', 'last-activity'] as const;
export type AchievementEvent = (typeof ACHIEVEMENT_EVENTS)[number];

/** Statutes that keep a record longer than a purpose needs it. */
export const RETENTION_STATUTES = ['corporate-tax-books'] as const;
export type RetentionStatute = (typeof RETENTION_STATUTES)[number];

/**
 * "N days after <event>": the purpose is achieved for a record that many days after the event. With a
 * statute, not before the statute's period for the event's fiscal year has run out either
 * (corporate-tax-books: tax-books.ts, counted in calendar years).
 */
export interface AchievementRule {
  after: AchievementEvent;
  days: number;
  statute?: RetentionStatute;
}

/**
 * notice: the purpose is published and the use is within it (APPI Art. 17, 21).
 * consent: the use rests on the person's consent and stops when it is withdrawn (e.g. advertising).
 */
export const PURPOSE_BASES = ['notice', 'consent'] as const;
export type PurposeBasis = (typeof PURPOSE_BASES)[number];

export const PURPOSE_STATUSES = ['active', 'retired'] as const;
export type PurposeStatus = (typeof PURPOSE_STATUSES)[number];

export interface PurposeVersion {
  purposeId: string;
  version: number;
  ja: string;
  en: string;
  status: PurposeStatus;
  basis: PurposeBasis;
  achievement: AchievementRule;
  /** When this version was published in the privacy notice and took effect. */
  effectiveFrom: string;
  /** Who published it: a staff id, or "policy" for the policy's own text. */
  publishedBy: string;
  /** Why this version exists: created, changed within the related scope (§2(3)), or retired (§2(4)). */
  change: { kind: 'created' | 'changed' | 'retired'; note: string };
  retiredAt?: string;
  /** The work a change or retirement leaves to the apply-purpose-change worker; never shown outside the desk. */
  rollout?: RolloutJob;
}

/** Where a rollout's Scan of personal data stands: the key of the last record it went through. */
export interface RolloutCursor {
  subjectId: string;
  recordId: string;
}

/**
 * notify: e-mail every affected person about a change (APPI Art. 21(3)) and recompute their records' expiry.
 * recompute: recompute the expiry of every record carrying a retired purpose (policy §2(4)).
 */
export interface RolloutJob {
  kind: 'notify' | 'recompute';
  state: 'pending' | 'done';
  cursor?: RolloutCursor;
  /** Records gone through so far. */
  processed: number;
}

const DAYS_PER_YEAR = 365;
const POLICY_EFFECTIVE_FROM = '2024-04-01T00:00:00.000+09:00';

const fromPolicy = (
  purposeId: string,
  ja: string,
  en: string,
  basis: PurposeBasis,
  achievement: AchievementRule,
): PurposeVersion => ({
  purposeId,
  version: 1,
  ja,
  en,
  status: 'active',
  basis,
  achievement,
  effectiveFrom: POLICY_EFFECTIVE_FROM,
  publishedBy: 'policy',
  change: { kind: 'created', note: 'Privacy policy §2(1)' },
});

/**
 * The eight purposes of policy §2(1), as first published. The Act sets no retention periods for
 * them: each achievement rule is the desk's policy, except billing (below).
 */
export const POLICY_PURPOSES: readonly PurposeVersion[] = [
  fromPolicy(
    'registration-screening',
    '当社サービスの利用登録の審査のため',
    'To screen registrations for use of our services',
    'notice',
    { after: 'acquisition', days: 180 },
  ),
  fromPolicy(
    'service-provision',
    '当社サービスの提供及び本人確認のため',
    'To provide our services and to confirm the identity of the customer',
    'notice',
    { after: 'contract-end', days: 90 },
  ),
  // Corporation Tax Act Art. 126(1) and its Enforcement Regulations Art. 59: books and vouchers
  // are kept 7 years from the day after the filing deadline of the fiscal year the contract ended in
  // (10 for a loss year): tax-books.ts counts it from the deployment's fiscal year.
  fromPolicy(
    'billing',
    '当社サービスの利用料金の請求及び決済のため',
    'To bill and settle usage fees for our services',
    'notice',
    { after: 'contract-end', days: 0, statute: 'corporate-tax-books' },
  ),
  fromPolicy(
    'information-and-inquiries',
    '当社サービスに関する情報提供及びお問い合わせへの対応のため',
    'To provide information on our services and to respond to inquiries',
    'notice',
    { after: 'last-activity', days: 3 * DAYS_PER_YEAR },
  ),
  fromPolicy(
    'important-notices',
    '利用規約・本ポリシーの変更、サービスの停止・終了、契約の解除その他重要なお知らせのため',
    'To notify you of changes to the Terms of Service or this Policy, suspension or discontinuation of our services, cancellation of contracts and other important notices',
    'notice',
    { after: 'contract-end', days: 90 },
  ),
  fromPolicy(
    'advertising',
    '当社又は第三者の商品・サービスに関する広告の配信のため',
    "To distribute advertisements regarding our or third parties' products and services",
    'consent',
    { after: 'last-activity', days: DAYS_PER_YEAR },
  ),
  fromPolicy(
    'service-improvement',
    '当社サービスの維持・改善及び新サービスの検討のため',
    'To maintain and improve our services and to consider new services',
    'notice',
    { after: 'last-activity', days: 2 * DAYS_PER_YEAR },
  ),
  fromPolicy(
    'usage-analysis',
    '当社サービスの利用状況の調査・分析のため',
    'To survey and analyse the usage of our services',
    'notice',
    { after: 'last-activity', days: 2 * DAYS_PER_YEAR },
  ),
];

/** The current version of each purpose, by id: what the privacy notice publishes today. */
export type PurposeRegistry = ReadonlyMap<string, PurposeVersion>;

export function registryOf(versions: readonly PurposeVersion[]): PurposeRegistry {
  const current = new Map<string, PurposeVersion>();
  for (const v of versions) {
    const held = current.get(v.purposeId);
    if (!held || v.version > held.version) current.set(v.purposeId, v);
  }
  return current;
}

/** A purpose's text in the reader's language, or its id if the registry no longer knows it. */
export function describePurpose(registry: PurposeRegistry, id: string, language: 'ja' | 'en'): string {
  return registry.get(id)?.[language] ?? id;
}

/** The shape of a purpose id: lower-case words joined by hyphens. */
export const PURPOSE_ID_PATTERN = /^[a-z][a-z0-9-]{1,63}$/;
