// How a consent was given, in the words the receipts use (in a sentence: "given by …"). A leaf (no
// imports), so the Privacy Center names the methods in these very words.

export const CONSENT_METHOD_LABELS = {
  'web-button': { ja: 'ウェブ上のボタンの操作', en: 'a button on the web' },
  written: { ja: '書面', en: 'in writing' },
  oral: { ja: '口頭', en: 'orally' },
} as const satisfies Record<string, { ja: string; en: string }>;

/** What a consent event records (ConsentEvent.action), as a heading names it. */
export const CONSENT_ACTION_LABELS = {
  given: { ja: '同意', en: 'Consent given' },
  withdrawn: { ja: '同意の撤回', en: 'Consent withdrawn' },
} as const satisfies Record<string, { ja: string; en: string }>;

/** A consent to linking access information to the person (policy §1; APPI Art. 31), as what it covers. */
export const CONSENT_LINKAGE_LABEL = {
  ja: 'Cookie等により取得したアクセス情報とお客様の個人データとの紐付け',
  en: 'Linking access information (cookies and the like) to your personal data',
} as const;
