// Periods the tax and insurance statutes set in years, counted the Civil Code way: a period "from"
// a day starts the next day (Art. 140) and ends with the day before the corresponding day of the
// last year, or with the last day of the month where there is none (Art. 143(2)). Calendar years,
// never multiples of 365 days: a leap day falls inside a period, it does not shorten it.
import { JST_OFFSET_MS } from './calendar';
import { NATIONAL_HOLIDAYS } from './japanese-holidays';
import { ADMINISTRATIVE_YEAR_END_CLOSURE } from './law';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const utc = ({ year, month, day }: CalendarDay) => new Date(Date.UTC(year, month - 1, day));
const dayOf = (date: Date): CalendarDay => ({
  year: date.getUTCFullYear(),
  month: date.getUTCMonth() + 1,
  day: date.getUTCDate(),
});

export const isoDay = ({ year, month, day }: CalendarDay) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

export function parseDay(date: string): CalendarDay {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** A period counted "from" an event starts the next day (Civil Code Art. 140). */
export function dayAfter(date: string | CalendarDay): CalendarDay {
  const start = typeof date === 'string' ? parseDay(date) : date;
  return dayOf(new Date(utc(start).getTime() + 24 * 60 * 60 * 1000));
}

/**
 * The midnight (Japan time) after a period of whole years starting on `start` has run out: it ends
 * with the day before the corresponding day, or with the last day of February when there is no
 * 29 February that year (Civil Code Art. 143(2)); Date.UTC rolls that missing day over to 1 March.
 */
export function endOfYears(start: CalendarDay, years: number): Date {
  return new Date(Date.UTC(start.year + years, start.month - 1, start.day) - JST_OFFSET_MS);
}

/** The last day a period of whole years starting on `start` covers (Civil Code Art. 143(2)). */
export function lastDayOfYears(start: CalendarDay, years: number): CalendarDay {
  return dayOf(new Date(Date.UTC(start.year + years, start.month - 1, start.day) - 24 * 60 * 60 * 1000));
}

/** The last day of a month (month 1-12; 13 and on run into the next years). */
export function lastDayOfMonth(year: number, month: number): CalendarDay {
  return dayOf(new Date(Date.UTC(year, month, 0)));
}

/**
 * A tax deadline that falls on a Sunday, a national holiday, a Saturday or 29-31 December (or
 * 1-3 January, general holidays) is the next day that is none of these (Act on General Rules for
 * National Taxes Art. 10(2), its Cabinet Order Art. 2(2)). Beyond the holiday table only weekends
 * and the year-end days are known; such a deadline lies decades away or long past.
 */
export function nextTaxOfficeDay(date: CalendarDay): CalendarDay {
  let day = date;
  for (;;) {
    const weekday = utc(day).getUTCDay();
    const { from, to } = ADMINISTRATIVE_YEAR_END_CLOSURE;
    const yearEnd = (day.month === from.month && day.day >= from.day) || (day.month === to.month && day.day <= to.day);
    const holiday = NATIONAL_HOLIDAYS[day.year]?.includes(isoDay(day).slice(5)) ?? false;
    if (weekday !== 0 && weekday !== 6 && !yearEnd && !holiday) return day;
    day = dayAfter(day);
  }
}
