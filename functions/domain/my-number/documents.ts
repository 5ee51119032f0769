// My Number (Individual Number): accepted only for the statutory affairs of My Number Act Art. 9
// (tax and social insurance, as the employer's own affairs), never on the basis of consent
// (Art. 19 closes the list of permitted provision), and kept only while a statute requires the
// document it appears on (Art. 20; PPC My Number guideline (business operators) §4-3-(3)): each
// document's retention is its TTL.
import { JST_OFFSET_MS } from '../kernel/calendar';

export const MY_NUMBER_AFFAIRS = ['tax', 'social-insurance'] as const;
export type MyNumberAffair = (typeof MY_NUMBER_AFFAIRS)[number];

export interface MyNumberDocument {
  id: string;
  affair: MyNumberAffair;
  ja: string;
  en: string;
  source: string;
  /** The last moment the document (and so the number on it) may be kept, from its date. */
  retainUntil(documentDate: string): Date;
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** A period counted "from" an event starts the next day (Civil Code Art. 140). */
export function dayAfter(date: string): CalendarDay {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/**
 * The midnight (Japan time) after a period of whole years starting on `start` has run out: it ends
 * with the day before the corresponding day, or with the last day of February when there is no
 * 29 February that year (Civil Code Art. 143(2)); Date.UTC rolls that missing day over to 1 March.
 */
export function endOfYears(start: CalendarDay, years: number): Date {
  return new Date(Date.UTC(start.year + years, start.month - 1, start.day) - JST_OFFSET_MS);
}

const yearOf = (date: string) => Number(date.slice(0, 4));

export const MY_NUMBER_DOCUMENTS = [
  {
    id: 'dependant-deduction-declaration',
    affair: 'tax',
    ja: '給与所得者の扶養控除等申告書',
    en: "Employee's declaration for dependant deductions",
    source:
      'Income Tax Act Enforcement Regulations Art. 76-3: 7 years from the day after 10 January of the year following the filing year',
    retainUntil: (documentDate: string) => endOfYears({ year: yearOf(documentDate) + 1, month: 1, day: 11 }, 7),
  },
  {
    id: 'health-insurance-qualification',
    affair: 'social-insurance',
    ja: '健康保険・厚生年金保険被保険者資格取得届',
    en: 'Notification of health and pension insurance qualification',
    source:
      'Health Insurance Act Enforcement Regulations Art. 34: 2 years from completion (counted from the next day, Civil Code Art. 140)',
    retainUntil: (documentDate: string) => endOfYears(dayAfter(documentDate), 2),
  },
  {
    id: 'employment-insurance-qualification',
    affair: 'social-insurance',
    ja: '雇用保険被保険者資格取得届',
    en: 'Notification of employment insurance qualification',
    source:
      'Employment Insurance Act Enforcement Regulations Art. 143: 4 years from completion (counted from the next day, Civil Code Art. 140)',
    retainUntil: (documentDate: string) => endOfYears(dayAfter(documentDate), 4),
  },
] as const satisfies readonly MyNumberDocument[];

/**
 * Desk policy (My Number Act Art. 20 forbids keeping a number longer than needed): a document may be
 * dated at most this far ahead, as a declaration for next year is filed in December. A later date
 * would only stretch the number's retention.
 */
export const MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD = 366;

export type MyNumberDocumentId = (typeof MY_NUMBER_DOCUMENTS)[number]['id'];
export const MY_NUMBER_DOCUMENT_IDS = MY_NUMBER_DOCUMENTS.map((d) => d.id) as [
  MyNumberDocumentId,
  ...MyNumberDocumentId[],
];

export function myNumberDocument(id: string): MyNumberDocument | undefined {
  return (MY_NUMBER_DOCUMENTS as readonly MyNumberDocument[]).find((d) => d.id === id);
}

/**
 * The check digit of an Individual Number (Cabinet Order for the My Number Act, Art. 8): weights
 * n+1 for the first six digits from the right, n-5 for the rest, remainder mod 11.
 */
export function isValidIndividualNumber(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const check = digits.pop()!;
  let sum = 0;
  for (let n = 1; n <= 11; n++) sum += digits[11 - n]! * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return check === (remainder <= 1 ? 0 : 11 - remainder);
}
