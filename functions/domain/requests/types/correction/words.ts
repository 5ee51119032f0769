// The words of a correction, addition or deletion (APPI Art. 34): its name, the changes the person may
// ask for, the grounds for refusing, and the limits the form shows. No imports, so the web apps bundle
// it as it is.

export const CORRECTION_LABEL = { ja: '保有個人データの内容の訂正等', en: 'correction, addition or deletion' };

/** Desk policy: items one request may name, and changes one decision may make (one transaction holds 100 items). */
export const MAX_CORRECTION_ITEMS = 25;
/** Desk policy: the registry's limit for one record's value (MAX_RECORD_VALUE_CHARS of the registration contract). */
export const MAX_CORRECTION_CONTENT_CHARS = 2000;

/** APPI Art. 34(1): the person may ask for the content to be corrected, added to or deleted. */
export const CORRECTION_CHANGES = ['correct', 'add', 'delete'] as const;
export type CorrectionChangeKind = (typeof CORRECTION_CHANGES)[number];

/** Each change as the person asks for it on the form. */
export const CORRECTION_CHANGE_OPTIONS = {
  correct: { ja: '訂正', en: 'Correct it' },
  add: { ja: '追加', en: 'Add to it' },
  delete: { ja: '削除', en: 'Delete it' },
};

/** Each change as the result e-mail reports it. */
export const CORRECTION_CHANGE_LABELS = {
  correct: { ja: '訂正', en: 'corrected' },
  add: { ja: '追加', en: 'added' },
  delete: { ja: '削除', en: 'deleted' },
};

/**
 * APPI Art. 34(2): the business corrects, on investigation, content that is untrue, to the extent
 * necessary to achieve the purposes of use, unless another law prescribes a special procedure.
 */
export const CORRECTION_REFUSAL_GROUNDS = [
  'content-found-true',
  'not-necessary-for-purposes',
  'special-procedure-under-other-law',
] as const;
export type CorrectionRefusalGround = (typeof CORRECTION_REFUSAL_GROUNDS)[number];

export const CORRECTION_REFUSAL_GROUND_LABELS = {
  'content-found-true': {
    ja: '調査の結果、保有個人データの内容が事実でないとは認められなかったため（第34条第1項・第2項）',
    en: 'Our investigation found that the content is not untrue, so there is nothing to correct (Art. 34(1),(2))',
  },
  'not-necessary-for-purposes': {
    ja: 'ご請求の訂正等が利用目的の達成に必要な範囲を超えるため（第34条第2項）',
    en: 'The correction asked for goes beyond what is necessary to achieve the purposes of use (Art. 34(2))',
  },
  'special-procedure-under-other-law': {
    ja: '当該内容の訂正等に関して他の法令の規定により特別の手続が定められているため（第34条第2項）',
    en: 'Another law prescribes a special procedure for correcting this content (Art. 34(2))',
  },
};
