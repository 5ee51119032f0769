// My Number (Individual Number): accepted only for the statutory affairs of My Number Act Art. 9
// (tax and social insurance, as the employer's own affairs), never on the basis of consent
// (Art. 19 closes the list of permitted provision), and kept only while a statute requires the
// document it appears on (Art. 20; PPC My Number guideline (business operators) §4-3-(3)): each
// document's retention is its TTL.
import { dayAfter, endOfYears } from '../kernel/statutory-periods';

export const MY_NUMBER_AFFAIRS = ['tax', 'social-insurance'] as const;
export type MyNumberAffair = (typeof MY_NUMBER_AFFAIRS)[number];

/** The statutory affairs (My Number Act Art. 9(1), Appended Table 1) as a person reads them. */
export const MY_NUMBER_AFFAIR_WORDS: Readonly<Record<MyNumberAffair, { ja: string; en: string }>> = {
  tax: { ja: '税務に関する事務', en: 'Tax affairs' },
  'social-insurance': { ja: '社会保険に関する事務', en: 'Social insurance affairs' },
};

/**
 * What a document's retention counts from. tax-year: the tax rules count from a date fixed by the
 * tax year the document is for, whatever day it was filed. completion: the insurance rules count from
 * the day the procedure was completed (完結の日), an event, not a year.
 */
export const RETENTION_COUNTED_FROM = ['tax-year', 'completion'] as const;
export type RetentionCountedFrom = (typeof RETENTION_COUNTED_FROM)[number];

/** What retention is counted from: the document's date and, for a tax document, its tax year. */
export interface DocumentDates {
  /** YYYY-MM-DD: the day it was filed, or the day its procedure was completed. */
  documentDate: string;
  taxYear?: number;
}

export interface MyNumberDocument {
  id: string;
  affair: MyNumberAffair;
  ja: string;
  en: string;
  source: string;
  countedFrom: RetentionCountedFrom;
  /**
   * The last moment the document (and so the number on it) may be kept. A tax-year document needs
   * its tax year (the register refuses one without it).
   */
  retainUntil(dates: DocumentDates): Date;
}

/**
 * Income Tax Act Enforcement Regulations Art. 76-3: the declaration is kept seven years from the day
 * after 10 January of the year after the year its filing deadline falls in. Its deadline is the day
 * before the first payment of the tax year it is for, so that is the tax year, even for a
 * declaration filed in the December before.
 */
export const DEPENDANT_DECLARATION_RETENTION_YEARS = 7;
/** Health Insurance Act Enforcement Regulations Art. 34 (and Employees' Pension Insurance Act Enforcement Regulations Art. 28). */
export const HEALTH_INSURANCE_DOCUMENT_RETENTION_YEARS = 2;
/** Employment Insurance Act Enforcement Regulations Art. 143: documents on an insured person, four years. */
export const EMPLOYMENT_INSURANCE_INSURED_DOCUMENT_RETENTION_YEARS = 4;

function taxYearOf(dates: DocumentDates): number {
  if (dates.taxYear === undefined) throw new Error('A tax-year document is counted from its tax year');
  return dates.taxYear;
}

export const MY_NUMBER_DOCUMENTS = [
  {
    id: 'dependant-deduction-declaration',
    affair: 'tax',
    ja: '給与所得者の扶養控除等申告書',
    en: "Employee's declaration for dependant deductions",
    source:
      'Income Tax Act Enforcement Regulations Art. 76-3: 7 years from the day after 10 January of the year after the tax year the declaration is for',
    countedFrom: 'tax-year',
    retainUntil: (dates: DocumentDates) =>
      endOfYears({ year: taxYearOf(dates) + 1, month: 1, day: 11 }, DEPENDANT_DECLARATION_RETENTION_YEARS),
  },
  {
    id: 'health-insurance-qualification',
    affair: 'social-insurance',
    ja: '健康保険・厚生年金保険被保険者資格取得届',
    en: 'Notification of health and pension insurance qualification',
    source:
      "Health Insurance Act Enforcement Regulations Art. 34 and Employees' Pension Insurance Act Enforcement Regulations Art. 28: 2 years from completion (counted from the next day, Civil Code Art. 140)",
    countedFrom: 'completion',
    retainUntil: ({ documentDate }: DocumentDates) =>
      endOfYears(dayAfter(documentDate), HEALTH_INSURANCE_DOCUMENT_RETENTION_YEARS),
  },
  {
    id: 'employment-insurance-qualification',
    affair: 'social-insurance',
    ja: '雇用保険被保険者資格取得届',
    en: 'Notification of employment insurance qualification',
    source:
      'Employment Insurance Act Enforcement Regulations Art. 143: 4 years from completion for a document on an insured person (counted from the next day, Civil Code Art. 140)',
    countedFrom: 'completion',
    retainUntil: ({ documentDate }: DocumentDates) =>
      endOfYears(dayAfter(documentDate), EMPLOYMENT_INSURANCE_INSURED_DOCUMENT_RETENTION_YEARS),
  },
] as const satisfies readonly MyNumberDocument[];

/**
 * Desk policy (My Number Act Art. 20 forbids keeping a number longer than needed): a document may be
 * dated at most this far ahead, as a declaration for next year is filed in December. A later date
 * would only stretch the number's retention.
 */
export const MY_NUMBER_DOCUMENT_DATE_MAX_DAYS_AHEAD = 366;

/**
 * Desk policy under My Number Act Art. 20: a tax year at most this many years after the current one
 * (a declaration for next year is filed in December), and after the document's own date. A later
 * year would only stretch the number's retention.
 */
export const MY_NUMBER_TAX_YEAR_MAX_YEARS_AHEAD = 1;

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
