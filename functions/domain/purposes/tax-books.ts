// Books and vouchers kept under corporation tax law (billing and settlement records): seven years
// from the day after the filing deadline of the fiscal year's final return (Corporation Tax Act
// Art. 126(1), Enforcement Regulations Art. 59), ten for a year whose loss is carried forward
// (Corporation Tax Act Art. 57; Enforcement Regulations Art. 26-3: nine where that fiscal
// year began before 1 April 2018). The fiscal year and any extension of the deadline are the
// company's, so they are deployment settings.
import {
  type CalendarDay,
  dayAfter,
  endOfYears,
  isoDay,
  lastDayOfMonth,
  lastDayOfYears,
  nextTaxOfficeDay,
} from '../kernel/statutory-periods';

/** Corporation Tax Act Art. 74(1): the final return is filed within two months after the fiscal year ends. */
export const CORPORATE_TAX_FILING_MONTHS = 2;
/** Corporation Tax Act Art. 75-2(1): an extension granted by the tax office, at most this many months. */
export const CORPORATE_TAX_FILING_EXTENSION_MAX_MONTHS = 4;
/** Corporation Tax Act Enforcement Regulations Art. 59: books and vouchers are kept seven years. */
export const TAX_BOOKS_RETENTION_YEARS = 7;
/** Corporation Tax Act Art. 57, Enforcement Regulations Art. 26-3: a loss year's books, ten years. */
export const TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS = 10;
/** The same for a loss year that began before 1 April 2018 (the 2015/2016 amendments' transitional rule). */
export const TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS_BEFORE_2018 = 9;
const TEN_YEAR_LOSS_RULE_FROM = '2018-04-01';

export interface FiscalYearSettings {
  /** The month the company's fiscal year ends in (1-12); it ends on that month's last day. */
  endMonth: number;
  /** Months by which the tax office extended the filing deadline (Art. 75-2); 0 when none. */
  filingExtensionMonths: number;
  /** Fiscal years, named by the calendar year they end in, whose loss is carried forward. */
  lossYears: readonly number[];
}

/** Mecara's fiscal year: April to March, no extension, no loss carried forward. */
export const DEFAULT_FISCAL_YEAR: FiscalYearSettings = { endMonth: 3, filingExtensionMonths: 0, lossYears: [] };

/** The fiscal year a day falls in, named by the calendar year it ends in. */
export function fiscalYearOf(day: CalendarDay, settings: FiscalYearSettings): number {
  return day.month <= settings.endMonth ? day.year : day.year + 1;
}

/** The filing deadline of that fiscal year's final return, moved off a closed tax-office day. */
export function corporateFilingDeadline(fiscalYear: number, settings: FiscalYearSettings): CalendarDay {
  const months = settings.endMonth + CORPORATE_TAX_FILING_MONTHS + settings.filingExtensionMonths;
  return nextTaxOfficeDay(lastDayOfMonth(fiscalYear, months));
}

function retentionYears(fiscalYear: number, settings: FiscalYearSettings): number {
  if (!settings.lossYears.includes(fiscalYear)) return TAX_BOOKS_RETENTION_YEARS;
  const began = dayAfter(lastDayOfMonth(fiscalYear - 1, settings.endMonth));
  return isoDay(began) < TEN_YEAR_LOSS_RULE_FROM
    ? TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS_BEFORE_2018
    : TAX_BOOKS_LOSS_YEAR_RETENTION_YEARS;
}

export interface TaxBooksRetention {
  fiscalYear: number;
  filingDeadline: string;
  years: number;
  /** The last day the books must be kept. */
  lastDay: string;
  /** Midnight Japan time after that day: when the record may go. */
  endsAt: Date;
}

/** How long the books of the fiscal year that `day` (a Japan date) falls in must be kept. */
export function taxBooksRetention(day: CalendarDay, settings: FiscalYearSettings): TaxBooksRetention {
  const fiscalYear = fiscalYearOf(day, settings);
  const deadline = corporateFilingDeadline(fiscalYear, settings);
  const years = retentionYears(fiscalYear, settings);
  const start = dayAfter(deadline);
  return {
    fiscalYear,
    filingDeadline: isoDay(deadline),
    years,
    lastDay: isoDay(lastDayOfYears(start, years)),
    endsAt: endOfYears(start, years),
  };
}

/**
 * The settings as a deployment gives them (JSON), checked: a wrong fiscal year would erase books
 * early, so a bad value stops the start with the field named. Unset: the default.
 */
export function fiscalYearSettings(value: unknown): FiscalYearSettings {
  if (value === undefined) return DEFAULT_FISCAL_YEAR;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('fiscalYear must be an object with endMonth, filingExtensionMonths and lossYears');
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) {
    if (!['endMonth', 'filingExtensionMonths', 'lossYears'].includes(key))
      throw new Error(`fiscalYear.${key} is not a setting: give endMonth, filingExtensionMonths or lossYears`);
  }
  const { endMonth = 3, filingExtensionMonths = 0, lossYears = [] } = given;
  if (!Number.isInteger(endMonth) || (endMonth as number) < 1 || (endMonth as number) > 12)
    throw new Error('fiscalYear.endMonth must be the month (1-12) the fiscal year ends in');
  if (
    !Number.isInteger(filingExtensionMonths) ||
    (filingExtensionMonths as number) < 0 ||
    (filingExtensionMonths as number) > CORPORATE_TAX_FILING_EXTENSION_MAX_MONTHS
  )
    throw new Error(
      `fiscalYear.filingExtensionMonths must be a whole number of months from 0 to ${CORPORATE_TAX_FILING_EXTENSION_MAX_MONTHS} (Corporation Tax Act Art. 75-2)`,
    );
  if (!Array.isArray(lossYears) || !lossYears.every((y) => Number.isInteger(y) && y >= 2000 && y <= 2100))
    throw new Error(
      'fiscalYear.lossYears must list fiscal years (the calendar year each ends in, e.g. 2026) whose loss is carried forward',
    );
  return {
    endMonth: endMonth as number,
    filingExtensionMonths: filingExtensionMonths as number,
    lossYears: [...new Set(lossYears as number[])].sort(),
  };
}
