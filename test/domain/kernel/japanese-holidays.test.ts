import holidayJp from '@holiday-jp/holiday_jp';
import { describe, expect, it } from 'vitest';
import { isNationalHoliday } from '../../../functions/domain/kernel/calendar';
import { HOLIDAY_TABLE_YEARS, NATIONAL_HOLIDAYS } from '../../../functions/domain/kernel/japanese-holidays';

describe('the generated holiday table', () => {
  it('is exactly @holiday-jp/holiday_jp for the years it covers (run npm run holidays if not)', () => {
    const fromPackage = Object.keys(holidayJp.holidays)
      .filter((d) => Number(d.slice(0, 4)) >= HOLIDAY_TABLE_YEARS.first)
      .sort();
    const fromTable = Object.entries(NATIONAL_HOLIDAYS)
      .flatMap(([year, days]) => days.map((d) => `${year}-${d}`))
      .sort();
    expect(fromTable).toEqual(fromPackage);
  });

  it('refuses a year it does not cover instead of guessing', () => {
    expect(() => isNationalHoliday({ year: HOLIDAY_TABLE_YEARS.last + 1, month: 1, day: 1 })).toThrow(
      /npm run holidays/,
    );
  });
});
