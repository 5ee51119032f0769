// How a consent was given, in the words the receipts use (in a sentence: "given by …"). A leaf (no
// imports), so the Privacy Center names the methods in these very words.

export const CONSENT_METHOD_LABELS = {
  'web-button': { ja: 'ウェブ上のボタンの操作', en: 'a button on the web' },
  written: { ja: '書面', en: 'in writing' },
  oral: { ja: '口頭', en: 'orally' },
} as const satisfies Record<string, { ja: string; en: string }>;
