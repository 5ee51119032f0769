// What a notice to the persons of a reportable leak, loss or damage must say, and what may be done
// instead where a person cannot be told (APPI Art. 26(2); Enforcement Rules Art. 10; PPC guidelines,
// General Rules 3-5-4). The words are in notice-words.ts, the leaf the console reads.
import type { AlternativeMeasureKind, Incident } from './incident';
import { ALTERNATIVE_MEASURE_WORDS, type NOTICE_ITEM_WORDS } from './notice-words';

export type NoticeItemId = keyof typeof NOTICE_ITEM_WORDS;

export interface NoticeItem {
  id: NoticeItemId;
  /** The item of Enforcement Rules Art. 8(1) it is. */
  source: string;
  /** The incident's fields that state it. */
  fields: ReadonlyArray<keyof Incident>;
  /** A notice without it is refused; an optional item is left out when empty. */
  required: boolean;
}

/**
 * Enforcement Rules Art. 10: the notice carries, as far as needed to protect the person's rights, the
 * items (i), (ii), (iv), (v) and (ix) of Art. 8(1); not the number of persons (iii), the response to
 * them (vi), publication (vii) or recurrence prevention (viii), which go to the PPC only. "Other"
 * (ix) is stated when the officer has something to say there (e.g. what the person can do to protect
 * themselves, guidelines 3-5-4-3).
 */
export const NOTICE_ITEMS: readonly NoticeItem[] = [
  { id: 'overview', source: 'Enforcement Rules Art. 8(1)(i)', fields: ['summary'], required: true },
  {
    id: 'data-items',
    source: 'Enforcement Rules Art. 8(1)(ii)',
    fields: ['categories', 'dataItems'],
    required: true,
  },
  { id: 'cause', source: 'Enforcement Rules Art. 8(1)(iv)', fields: ['cause'], required: true },
  {
    id: 'secondary-damage',
    source: 'Enforcement Rules Art. 8(1)(v)',
    fields: ['secondaryDamage'],
    required: true,
  },
  { id: 'other', source: 'Enforcement Rules Art. 8(1)(ix)', fields: ['other'], required: false },
];

export const NOTICE_ITEM_IDS = NOTICE_ITEMS.map((i) => i.id);

/**
 * APPI Art. 26(2) proviso: where notice to the person is difficult (no address the desk can reach),
 * the business takes instead a measure necessary to protect the person's rights. The PPC's guidelines
 * (General Rules 3-5-4-5) give these two; the officer names which, and says what was done.
 */
export const ALTERNATIVE_MEASURES = Object.keys(ALTERNATIVE_MEASURE_WORDS) as [
  AlternativeMeasureKind,
  ...AlternativeMeasureKind[],
];

/** Where the notice obligation comes from, for the e-mail, the docs and the law table. */
export const NOTICE_SOURCE = 'APPI Art. 26(2), Enforcement Rules Art. 10';
export const ALTERNATIVE_MEASURE_SOURCE = 'APPI Art. 26(2) proviso; PPC guidelines (General Rules) 3-5-4-5';

/** The items an incident cannot yet state: a notice is refused until the officer records them. */
export function missingNoticeItems(incident: Incident): NoticeItem[] {
  return NOTICE_ITEMS.filter((item) => item.required && !item.fields.some((f) => stated(incident[f])));
}

function stated(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return value !== undefined && value !== null;
}
