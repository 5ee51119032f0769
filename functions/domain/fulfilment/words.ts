// What the person is told a holder did, in the desk's two languages. A leaf with no imports, so the
// web apps may bundle it.

/** What a holder did for each instruction, as a clause after its name. */
export const TASK_DONE_WORDS = {
  disclosure: { ja: '保有する個人データを確認しました', en: 'checked the personal data it holds' },
  correction: { ja: '訂正等を行いました', en: 'made the corrections' },
  'cessation-of-use': { ja: '利用を停止しました', en: 'stopped using the data' },
  erasure: { ja: '消去しました', en: 'erased the data' },
} as const;

export const HOLDER_SECTION_WORDS = {
  heading: {
    ja: '当社のほかのシステム・委託先での対応',
    en: 'What was done in our other systems and by our contractors',
  },
  pending: { ja: '対応の完了をまだ確認できていません', en: 'has not yet confirmed it has finished' },
  partial: {
    ja: '一部の対応の完了を確認できていませんが、現時点で判明している内容でご回答いたします。完了を確認できていないもの:',
    en: 'We answer now with what is known; some have not yet confirmed they have finished:',
  },
} as const;
