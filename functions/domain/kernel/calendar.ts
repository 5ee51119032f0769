// The desk's calendar (policy §7): 9:00-17:00 Japan time, closed on Saturdays, Sundays,
// national holidays and the year-end/New Year holidays. Computed on Japan's clock whatever the
// process's zone is.
import { DESK_CLOSES_AT_HOUR, DESK_OPENS_AT_HOUR, YEAR_END_HOLIDAYS } from '../desk';
import { HOLIDAY_TABLE_SOURCE, HOLIDAY_TABLE_YEARS, NATIONAL_HOLIDAYS } from './japanese-holidays';
import { LATEST_ANSWER_CALENDAR_DAYS, RESPONSE_TARGET_DESK_DAYS } from './law';

/** Japan Standard Time is UTC+9 all year: Japan keeps no daylight saving time. */
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface JapanDate {
  year: number;
  month: number;
  day: number;
}

/** The Japan calendar date of an instant, YYYY-MM-DD. */
export const japanDay = (instant: Date): string =>
  new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);

function japanDateOf(instant: Date): JapanDate {
  const shifted = new Date(instant.getTime() + JST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function japanInstant(date: JapanDate, hour: number): Date {
  return new Date(Date.UTC(date.year, date.month - 1, date.day, hour) - JST_OFFSET_MS);
}

function shiftJapanDate(date: JapanDate, days: number): JapanDate {
  return japanDateOf(new Date(japanInstant(date, 12).getTime() + days * DAY_MS));
}

const nextJapanDate = (date: JapanDate) => shiftJapanDate(date, 1);

function isoDate(date: JapanDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function isNationalHoliday(date: JapanDate): boolean {
  const days = NATIONAL_HOLIDAYS[date.year];
  if (!days) {
    // A wrong answer would move due dates silently; an unknown year must be loud.
    throw new Error(
      `The holiday table (${HOLIDAY_TABLE_SOURCE}) covers ${HOLIDAY_TABLE_YEARS.first}-${HOLIDAY_TABLE_YEARS.last}, not ${date.year}: update the package and run npm run holidays.`,
    );
  }
  return days.includes(isoDate(date).slice(5));
}

export function isYearEndHoliday({ month, day }: JapanDate): boolean {
  return (
    (month === YEAR_END_HOLIDAYS.from.month && day >= YEAR_END_HOLIDAYS.from.day) ||
    (month === YEAR_END_HOLIDAYS.to.month && day <= YEAR_END_HOLIDAYS.to.day)
  );
}

/** Whether the desk works on this Japanese calendar date. */
export function isDeskDay(date: JapanDate): boolean {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !isNationalHoliday(date) && !isYearEndHoliday(date);
}

export function isDeskOpen(instant: Date): boolean {
  const date = japanDateOf(instant);
  return (
    isDeskDay(date) &&
    instant >= japanInstant(date, DESK_OPENS_AT_HOUR) &&
    instant < japanInstant(date, DESK_CLOSES_AT_HOUR)
  );
}

/** When the desk starts counting a request that arrived at `instant`: then, or at the next opening. */
export function countingStart(instant: Date): Date {
  if (isDeskOpen(instant)) return instant;
  let date = japanDateOf(instant);
  if (!isDeskDay(date) || instant >= japanInstant(date, DESK_OPENS_AT_HOUR)) date = nextJapanDate(date);
  while (!isDeskDay(date)) date = nextJapanDate(date);
  return japanInstant(date, DESK_OPENS_AT_HOUR);
}

/** Closing time of the `deskDays`-th desk day after the day counting starts. */
export function dueAfterDeskDays(receivedAt: Date, deskDays: number): Date {
  let date = japanDateOf(countingStart(receivedAt));
  for (let counted = 0; counted < deskDays; ) {
    date = nextJapanDate(date);
    if (isDeskDay(date)) counted += 1;
  }
  return japanInstant(date, DESK_CLOSES_AT_HOUR);
}

/**
 * The latest time an answer may be due for a request that arrived at `arrivedAt`: the desk's
 * closing time on the last desk day on or before the Japan calendar day `calendarDays` after the
 * day of arrival. If the desk does not close even once between arrival and that day, the closing
 * hour of that day itself.
 */
export function latestAnswerAt(arrivedAt: Date, calendarDays: number): Date {
  const lastDay = shiftJapanDate(japanDateOf(arrivedAt), calendarDays);
  for (let date = lastDay; ; date = shiftJapanDate(date, -1)) {
    const closing = japanInstant(date, DESK_CLOSES_AT_HOUR);
    if (closing <= arrivedAt) return japanInstant(lastDay, DESK_CLOSES_AT_HOUR);
    if (isDeskDay(date)) return closing;
  }
}

/**
 * When the answer to a request that arrived at `arrivedAt` is due (policy §7, APPI Art. 39): the
 * closing time of the `deskDays`-th desk day after counting starts, but never later than
 * latestAnswerAt(arrivedAt, LATEST_ANSWER_CALENDAR_DAYS), so the person has the answer before
 * they could sue. Long closures (Golden Week, year-end) therefore shorten the desk-day count.
 */
export function answerDueAt(arrivedAt: Date, deskDays: number): Date {
  const counted = dueAfterDeskDays(arrivedAt, deskDays);
  const latest = latestAnswerAt(arrivedAt, LATEST_ANSWER_CALENDAR_DAYS);
  return counted < latest ? counted : latest;
}

/**
 * The desk-day target as configured (DESK_RESPONSE_DESK_DAYS), or RESPONSE_TARGET_DESK_DAYS when
 * unset. More desk days than LATEST_ANSWER_CALENDAR_DAYS could never be reached, so it is refused.
 */
export function responseDeskDays(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return RESPONSE_TARGET_DESK_DAYS;
  const days = Number(setting);
  if (!Number.isInteger(days) || days < 1 || days > LATEST_ANSWER_CALENDAR_DAYS) {
    throw new Error(
      `DESK_RESPONSE_DESK_DAYS must be a whole number of desk days from 1 to ${LATEST_ANSWER_CALENDAR_DAYS}, not "${setting}"`,
    );
  }
  return days;
}
