// Books kept under corporation tax law, against worked examples: the filing deadline of the fiscal
// year's final return, moved off closed tax-office days, then seven (or ten) calendar years.
import { describe, expect, it } from 'vitest';
import { lastDayOfYears } from '../../../functions/domain/kernel/statutory-periods';
import { achievementDate } from '../../../functions/domain/personal-data/expiry';
import { POLICY_PURPOSES } from '../../../functions/domain/purposes/registry';
import {
  corporateFilingDeadline,
  DEFAULT_FISCAL_YEAR,
  type FiscalYearSettings,
  fiscalYearOf,
  fiscalYearSettings,
  taxBooksRetention,
} from '../../../functions/domain/purposes/tax-books';

const day = (iso: string) => {
  const [year, month, d] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day: d };
};
const settings = (given: Partial<FiscalYearSettings> = {}) => ({ ...DEFAULT_FISCAL_YEAR, ...given });
const jstMidnight = (date: string) => new Date(`${date}T00:00:00+09:00`);

describe('the fiscal year and its filing deadline (Corporation Tax Act Art. 74(1), 75-2)', () => {
  it('names a fiscal year by the calendar year it ends in', () => {
    expect(fiscalYearOf(day('2026-03-31'), settings())).toBe(2026);
    expect(fiscalYearOf(day('2026-04-01'), settings())).toBe(2027);
    expect(fiscalYearOf(day('2026-12-31'), settings({ endMonth: 12 }))).toBe(2026);
  });

  it('is due two months after the year ends, on the last day of that month', () => {
    // FY ending 31 March 2027: due 31 May 2027, a Monday.
    expect(corporateFilingDeadline(2027, settings())).toEqual(day('2027-05-31'));
    // FY ending 28 February 2025: due 30 April 2025 (a Wednesday).
    expect(corporateFilingDeadline(2025, settings({ endMonth: 2 }))).toEqual(day('2025-04-30'));
    // FY ending 31 December 2027: due 29 February 2028, a leap day (a Tuesday).
    expect(corporateFilingDeadline(2027, settings({ endMonth: 12 }))).toEqual(day('2028-02-29'));
  });

  it('moves a deadline on a Saturday, Sunday or holiday to the next open day (Act on General Rules for National Taxes Art. 10(2))', () => {
    // FY ending 31 March 2026: 31 May 2026 is a Sunday, so the return is due Monday 1 June.
    expect(corporateFilingDeadline(2026, settings())).toEqual(day('2026-06-01'));
    // FY ending 31 March 2025: 31 May 2025 is a Saturday; due Monday 2 June.
    expect(corporateFilingDeadline(2025, settings())).toEqual(day('2025-06-02'));
    // FY ending 31 October 2026: 31 December is a year-end closing day; 1-3 January too, 4 January 2027 is a Monday.
    expect(corporateFilingDeadline(2026, settings({ endMonth: 10 }))).toEqual(day('2027-01-04'));
  });

  it('adds the extension the tax office granted', () => {
    // FY ending 31 March 2027, one month's extension: 30 June 2027 (a Wednesday).
    expect(corporateFilingDeadline(2027, settings({ filingExtensionMonths: 1 }))).toEqual(day('2027-06-30'));
  });
});

describe('how long the books are kept (Enforcement Regulations Art. 59; Civil Code Art. 140, 143)', () => {
  it('seven years from the day after the deadline', () => {
    const r = taxBooksRetention(day('2026-11-10'), settings());
    expect(r).toMatchObject({ fiscalYear: 2027, filingDeadline: '2027-05-31', years: 7, lastDay: '2034-05-31' });
    expect(r.endsAt).toEqual(jstMidnight('2034-06-01'));
    // The NTA's own example: a year ending 28 February 2025 is kept until 30 April 2032.
    expect(taxBooksRetention(day('2025-02-28'), settings({ endMonth: 2 })).lastDay).toBe('2032-04-30');
  });

  it('from the moved deadline when the deadline fell on a closed day', () => {
    // FY ending 31 March 2026: due 1 June 2026, so kept through 1 June 2033.
    expect(taxBooksRetention(day('2026-03-31'), settings()).lastDay).toBe('2033-06-01');
  });

  it('in calendar years: a leap day inside the period does not shorten it, unlike 7 × 365 days', () => {
    // Due 29 February 2028: the period starts 1 March 2028 and ends 28 February 2035.
    const r = taxBooksRetention(day('2027-06-30'), settings({ endMonth: 12 }));
    expect(r.lastDay).toBe('2035-02-28');
    const byDays = new Date(Date.UTC(2028, 2, 1) + (7 * 365 - 1) * 86_400_000).toISOString().slice(0, 10);
    expect(byDays).toBe('2035-02-27');
    // A period starting on 29 February ends with the last day of February (Civil Code Art. 143(2)).
    expect(lastDayOfYears(day('2028-02-29'), 7)).toEqual(day('2035-02-28'));
    expect(lastDayOfYears(day('2028-02-29'), 4)).toEqual(day('2032-02-28'));
  });

  it('ten years for a loss year, nine where that year began before 1 April 2018', () => {
    expect(taxBooksRetention(day('2026-11-10'), settings({ lossYears: [2027] }))).toMatchObject({
      years: 10,
      lastDay: '2037-05-31',
    });
    // FY April 2017-March 2018: due 31 May 2018 (a Thursday), kept nine years.
    expect(taxBooksRetention(day('2017-12-01'), settings({ lossYears: [2018] }))).toMatchObject({
      filingDeadline: '2018-05-31',
      years: 9,
      lastDay: '2027-05-31',
    });
    // Another year's loss changes nothing.
    expect(taxBooksRetention(day('2026-11-10'), settings({ lossYears: [2026] })).years).toBe(7);
  });
});

describe('billing data is achieved when the books of the year the contract ended in may go', () => {
  const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
  const record = { acquiredAt: '2024-05-01T00:00:00.000Z', purposes: ['billing'] };

  it('counts from the Japan date of the contract end, in the deployment fiscal year', () => {
    // 31 March 2026 23:30 Japan time is still fiscal year 2026 (due 1 June 2026).
    const late = achievementDate(billing, record, { subjectId: 's', contractEndedAt: '2026-03-31T14:30:00.000Z' });
    expect(late).toEqual(jstMidnight('2033-06-02'));
    // 15 minutes later it is 1 April: fiscal year 2027.
    const next = achievementDate(billing, record, { subjectId: 's', contractEndedAt: '2026-03-31T15:15:00.000Z' });
    expect(next).toEqual(jstMidnight('2034-06-01'));
    const december = settings({ endMonth: 12, lossYears: [2026] });
    expect(
      achievementDate(billing, record, { subjectId: 's', contractEndedAt: '2026-05-01T00:00:00Z' }, december),
    ).toEqual(jstMidnight('2037-03-02'));
  });

  it('has no date while the contract runs', () => {
    expect(achievementDate(billing, record, undefined)).toBeUndefined();
  });
});

describe('the fiscal-year setting', () => {
  it('defaults to April-March, no extension, no loss year', () => {
    expect(fiscalYearSettings(undefined)).toEqual(DEFAULT_FISCAL_YEAR);
    expect(fiscalYearSettings({ endMonth: 12 })).toEqual({ endMonth: 12, filingExtensionMonths: 0, lossYears: [] });
  });

  it.each([
    [{ endMonth: 13 }, /fiscalYear.endMonth/],
    [{ endMonth: '3' }, /fiscalYear.endMonth/],
    [{ filingExtensionMonths: 5 }, /fiscalYear.filingExtensionMonths/],
    [{ lossYears: ['2025'] }, /fiscalYear.lossYears/],
    [{ lossYear: [2025] }, /fiscalYear.lossYear is not a setting/],
    [[3], /fiscalYear must be an object/],
  ])('refuses %j naming the field', (value, message) => {
    expect(() => fiscalYearSettings(value)).toThrow(message);
  });
});
