// The items of a report to the PPC, as law-as-data: Enforcement Rules Art. 8(1) lists nine; the
// preliminary report (速報, Art. 8(1)) carries those known when it is made, the final report (確報,
// Art. 8(2)) all of them. Each item names the incident's fields that fill it.
import type { Incident } from './incident';
import { REPORT_ITEM_WORDS, type ReportItemKey } from './report-words';

export type { ReportItemKey } from './report-words';

export interface ReportItemDefinition {
  /** The item's number in Rules Art. 8(1): 1 for (i) … 9 for (ix). */
  number: number;
  /** The same as the Rules number it: 'i' … 'ix'. */
  numeral: string;
  key: ReportItemKey;
  /** As the Rules word it (report-words.ts). */
  heading: string;
  headingEn: string;
  source: string;
  /** The incident's fields that fill it. */
  fields: readonly (keyof Incident)[];
  /** Item (vi) also counts the notices recorded on the linked subjects (Art. 26(2), Rules Art. 10). */
  notices?: true;
  /**
   * Whether the final report may be made with it empty. Only (ix), "other matters for reference":
   * where there are none, the report says なし. Every other item is something the business must
   * find out and state (Art. 8(2): 前項各号に定める事項), if only that it remains unknown.
   */
  mayBeEmpty?: true;
}

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'] as const;

const item = (
  number: number,
  key: ReportItemKey,
  fields: readonly (keyof Incident)[],
  extra: Pick<ReportItemDefinition, 'notices' | 'mayBeEmpty'> = {},
): ReportItemDefinition => ({
  number,
  numeral: ROMAN[number - 1] as string,
  key,
  heading: REPORT_ITEM_WORDS[key].ja,
  headingEn: REPORT_ITEM_WORDS[key].en,
  source: `Enforcement Rules Art. 8(1)(${ROMAN[number - 1]})`,
  fields,
  ...extra,
});

/** Enforcement Rules Art. 8(1)(i)-(ix), in order. */
export const PPC_REPORT_ITEMS: readonly ReportItemDefinition[] = [
  item(1, 'overview', ['summary', 'kinds', 'occurredAt', 'awareAt', 'awareHow']),
  item(2, 'dataItems', ['categories', 'dataItems']),
  item(3, 'persons', ['persons']),
  item(4, 'cause', ['cause']),
  item(5, 'secondaryDamage', ['secondaryDamage']),
  item(6, 'responseToPersons', ['measuresTaken'], { notices: true }),
  item(7, 'publication', ['publication']),
  item(8, 'recurrencePrevention', ['recurrencePrevention']),
  item(9, 'other', ['other'], { mayBeEmpty: true }),
];

/** The items' keys in the Rules' order (the contract's enum). */
export const REPORT_ITEM_KEYS = PPC_REPORT_ITEMS.map((i) => i.key) as [ReportItemKey, ...ReportItemKey[]];

/** The items the final report may not leave empty (desk reading of Rules Art. 8(2); see mayBeEmpty). */
export const FINAL_REPORT_REQUIRED_ITEMS: readonly ReportItemKey[] = PPC_REPORT_ITEMS.filter((i) => !i.mayBeEmpty).map(
  (i) => i.key,
);
