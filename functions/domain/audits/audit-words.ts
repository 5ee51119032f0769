// The words an audit's states take, by the names the API takes. A leaf (no imports), so the console
// offers these very lists.

/** An auditor's answer for one checklist item. */
export const RESULT_OUTCOMES = ['conforms', 'does-not-conform', 'not-applicable'] as const;
export type ResultOutcome = (typeof RESULT_OUTCOMES)[number];

export const RESULT_OUTCOME_WORDS: Readonly<Record<ResultOutcome, { ja: string; en: string }>> = {
  conforms: { ja: '適合', en: 'Conforms' },
  'does-not-conform': { ja: '不適合', en: 'Does not conform' },
  'not-applicable': { ja: '該当なし', en: 'Not applicable' },
};

/** A corrective action moves forward only: open → in-progress → done. */
export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_WORDS: Readonly<Record<ActionStatus, { ja: string; en: string }>> = {
  open: { ja: '未着手', en: 'Open' },
  'in-progress': { ja: '対応中', en: 'In progress' },
  done: { ja: '完了', en: 'Done' },
};

/** planned: the auditor is recording results; closed: every item answered and the conclusion given. */
export const AUDIT_STATES = ['planned', 'closed'] as const;
export type AuditState = (typeof AUDIT_STATES)[number];

export const AUDIT_STATE_WORDS: Readonly<Record<AuditState, { ja: string; en: string }>> = {
  planned: { ja: '実施中', en: 'In progress' },
  closed: { ja: '完了', en: 'Closed' },
};

/** Longest free text an audit takes (a title, a note, a finding), so a page can say the limit. */
export const AUDIT_TEXT_MAX = 2000;
export const AUDIT_TITLE_MAX = 200;
