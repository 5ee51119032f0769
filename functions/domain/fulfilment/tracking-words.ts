// How a decided request's progress at the holders (the company's own systems and its subcontractors)
// is named to the desk's staff and to the person, ja/en. A leaf with no imports: the console and the
// Privacy Center bundle it, the e-mails and the dossier use the same words.

interface Label {
  ja: string;
  en: string;
}

/** A fulfilment task's state (task.ts TASK_STATES) as a desk person reads it. */
export const TASK_STATE_LABELS: Record<string, Label> = {
  'to-send': { ja: '送信待ち（再試行を含む）', en: 'Waiting to be sent (or to be retried)' },
  sent: { ja: '依頼済み・保有先の対応待ち', en: 'Sent; the holder is carrying it out' },
  completed: { ja: '完了', en: 'Done' },
  'cancel-pending': { ja: '取消しを送信中', en: 'Cancellation being sent' },
  cancelled: { ja: '取消し済み', en: 'Cancelled' },
  'needs-person': {
    ja: '担当者の対応が必要（保有先が受け付けなかった、または自動では依頼できない）',
    en: 'A person must act (the holder refused it, or it cannot be asked for automatically)',
  },
};

/** What the holder is asked to do (task.ts TaskInstruction). */
export const INSTRUCTION_LABELS: Record<string, Label> = {
  disclosure: { ja: '保有データの開示', en: 'Disclose the data it holds' },
  correction: { ja: '訂正', en: 'Correct' },
  'cessation-of-use': { ja: '利用停止', en: 'Stop using' },
  erasure: { ja: '消去', en: 'Erase' },
};

/** A contact with the holder (task.ts TaskContact kind). */
export const CONTACT_KIND_LABELS: Record<string, Label> = {
  send: { ja: '依頼の送信', en: 'Request sent' },
  poll: { ja: '状況の確認', en: 'Status checked' },
  cancel: { ja: '取消しの送信', en: 'Cancellation sent' },
  callback: { ja: '保有先からの通知', en: 'Notice from the holder' },
  person: { ja: '担当者による記録', en: 'Recorded by staff' },
};

/** Where the answer to the person stands while, and after, the holders act. */
export const ANSWER_STATES = ['awaiting-holders', 'sent', 'sent-partial', 'withdrawn'] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

export const ANSWER_STATE_LABELS: Record<AnswerState, Label> = {
  'awaiting-holders': {
    ja: '回答は保有先の対応の完了を待っています（まだ送られていません）',
    en: 'The answer waits for the holders to finish (not sent yet)',
  },
  sent: { ja: '回答は送信済みです（すべての保有先で完了）', en: 'The answer was sent (every holder finished)' },
  'sent-partial': {
    ja: '回答は、その時点で分かっていた内容で送信済みです',
    en: 'The answer was sent with what was known at the time',
  },
  withdrawn: {
    ja: '請求が取り下げられたため、回答は送られません（取下げの確認を送信済み）',
    en: 'The request was withdrawn: no answer is sent (the withdrawal was acknowledged)',
  },
};

/** Task states that are finished: nothing more is asked of the holder. */
export const FINISHED_TASK_STATES: readonly string[] = ['completed', 'cancelled'];

/**
 * The Privacy Center's status page, while the answer waits for the holders: the decision is taken
 * and being carried out where the data is held (APPI Art. 34-35, policy §8(1)).
 */
export const AWAITING_HOLDERS_NOTE: Label = {
  ja: 'ご請求への対応を決定し、現在、お客様のデータを保有するシステムと委託先で実施しています。すべての実施が終わりましたら、結果をメールでお知らせします。',
  en: 'Your request has been decided and is being carried out at the systems and subcontractors that hold your data. We will e-mail you the result when they have all finished.',
};

/** A disclosure's section of data a holder returned, and a holder whose data could not be fetched. */
export const HOLDER_RESULTS_WORDS = {
  heading: { ja: '{holder}が保有するデータ', en: 'Data held by {holder}' },
  notAvailable: {
    ja: '{holder}が保有するデータは、取得できなかったため、この開示に含まれていません。',
    en: 'The data held by {holder} could not be obtained and is not part of this disclosure.',
  },
} satisfies Record<string, Label>;
