// The desk's calendar (policy §7): the configured hours in Japan time (Mecara's 9:00-17:00), closed
// on Saturdays, Sundays, national holidays and the configured year-end/New Year closure. Computed on
// Japan's clock whatever the process's zone is. The hours are the company's (functions/domain/company.ts),
// passed in by each caller.
import type { DeskHours } from '../company';
import { HOLIDAY_TABLE_SOURCE, HOLIDAY_TABLE_YEARS, NATIONAL_HOLIDAYS } from './japanese-holidays';
import { ADMINISTRATIVE_YEAR_END_CLOSURE, LATEST_ANSWER_CALENDAR_DAYS, RESPONSE_TARGET_DESK_DAYS } from './law';

/** Japan Standard Time is UTC+9 all year: Japan keeps no daylight saving time. */
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface JapanDate {
  year: number;
  month: number;
  day: number;
}

/** The Japan calendar date of an instant, YYYY-MM-DD. */
export const japanDay = (instant: Date): string =>
  new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);

export function japanDateOf(instant: Date): JapanDate {
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

export function isoDate(date: JapanDate): string {
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

/** Whether the date falls in the desk's year-end and New Year closure (both ends included, across 1 January when it runs so). */
export function isYearEndHoliday({ month, day }: JapanDate, hours: DeskHours): boolean {
  const at = month * 100 + day;
  const from = hours.yearEndClosure.from.month * 100 + hours.yearEndClosure.from.day;
  const to = hours.yearEndClosure.to.month * 100 + hours.yearEndClosure.to.day;
  return from <= to ? at >= from && at <= to : at >= from || at <= to;
}

const isWeekend = (date: JapanDate) =>
  [0, 6].includes(new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay());

/** Whether the desk works on this Japanese calendar date. */
export function isDeskDay(date: JapanDate, hours: DeskHours): boolean {
  if (isWeekend(date)) return false;
  return !isNationalHoliday(date) && !isYearEndHoliday(date, hours);
}

/**
 * Whether the administrative offices (the PPC among them) are closed on this Japanese calendar date:
 * Saturdays, Sundays, national holidays and 29 December-3 January (行政機関の休日に関する法律 Art. 1(1)).
 * Kept apart from isDeskDay: today the two close on the same days, but the desk's are its own policy.
 */
export function isAdministrativeHoliday(date: JapanDate): boolean {
  const { from, to } = ADMINISTRATIVE_YEAR_END_CLOSURE;
  const yearEnd =
    (date.month === from.month && date.day >= from.day) || (date.month === to.month && date.day <= to.day);
  return isWeekend(date) || yearEnd || isNationalHoliday(date);
}

/** The last instant of a Japan calendar day, 23:59:59.999 Japan time. */
export function endOfJapanDay(date: JapanDate): Date {
  return new Date(japanInstant(nextJapanDate(date), 0).getTime() - 1);
}

/**
 * The end of the last day of a period of `days` days set by law for a report to an administrative
 * organ, counting the Japan day of `start` as day one (as the PPC counts its report periods: PPC
 * General Guidelines 3-5-3-4); a last day on which the offices are closed moves to the next day
 * they are open (行政機関の休日に関する法律 Art. 2).
 */
export function administrativePeriodEndsAt(start: Date, days: number): Date {
  let date = shiftJapanDate(japanDateOf(start), days - 1);
  while (isAdministrativeHoliday(date)) date = nextJapanDate(date);
  return endOfJapanDay(date);
}

/**
 * The desk's opening on the `deskDays`-th desk day before the Japan day of `instant` (the desk day
 * itself when `deskDays` is 0 and it is one), so a warning lands while someone is there to act on it.
 */
export function deskOpeningBefore(instant: Date, deskDays: number, hours: DeskHours): Date {
  let date = japanDateOf(instant);
  for (let counted = 0; counted < deskDays || !isDeskDay(date, hours); ) {
    date = shiftJapanDate(date, -1);
    if (isDeskDay(date, hours)) counted += 1;
  }
  return japanInstant(date, hours.opensAtHour);
}

/** The end of the Japan day that is the `deskDays`-th desk day after the Japan day of `start`. */
export function endOfDeskDaysAfter(start: Date, deskDays: number, hours: DeskHours): Date {
  let date = japanDateOf(start);
  for (let counted = 0; counted < deskDays; ) {
    date = nextJapanDate(date);
    if (isDeskDay(date, hours)) counted += 1;
  }
  return endOfJapanDay(date);
}

export function isDeskOpen(instant: Date, hours: DeskHours): boolean {
  const date = japanDateOf(instant);
  return (
    isDeskDay(date, hours) &&
    instant >= japanInstant(date, hours.opensAtHour) &&
    instant < japanInstant(date, hours.closesAtHour)
  );
}

/** When the desk starts counting a request that arrived at `instant`: then, or at the next opening. */
export function countingStart(instant: Date, hours: DeskHours): Date {
  if (isDeskOpen(instant, hours)) return instant;
  let date = japanDateOf(instant);
  if (!isDeskDay(date, hours) || instant >= japanInstant(date, hours.opensAtHour)) date = nextJapanDate(date);
  while (!isDeskDay(date, hours)) date = nextJapanDate(date);
  return japanInstant(date, hours.opensAtHour);
}

/** Closing time of the `deskDays`-th desk day after the day counting starts. */
export function dueAfterDeskDays(receivedAt: Date, deskDays: number, hours: DeskHours): Date {
  let date = japanDateOf(countingStart(receivedAt, hours));
  for (let counted = 0; counted < deskDays; ) {
    date = nextJapanDate(date);
    if (isDeskDay(date, hours)) counted += 1;
  }
  return japanInstant(date, hours.closesAtHour);
}

/**
 * The latest time an answer may be due for a request that arrived at `arrivedAt`: the desk's
 * closing time on the last desk day on or before the Japan calendar day `calendarDays` after the
 * day of arrival. If the desk does not close even once between arrival and that day, the closing
 * hour of that day itself.
 */
export function latestAnswerAt(arrivedAt: Date, calendarDays: number, hours: DeskHours): Date {
  const lastDay = shiftJapanDate(japanDateOf(arrivedAt), calendarDays);
  for (let date = lastDay; ; date = shiftJapanDate(date, -1)) {
    const closing = japanInstant(date, hours.closesAtHour);
    if (closing <= arrivedAt) return japanInstant(lastDay, hours.closesAtHour);
    if (isDeskDay(date, hours)) return closing;
  }
}

/**
 * When the answer to a request that arrived at `arrivedAt` is due (policy §7, APPI Art. 39): the
 * closing time of the `deskDays`-th desk day after counting starts, but never later than
 * latestAnswerAt(arrivedAt, LATEST_ANSWER_CALENDAR_DAYS), so the person has the answer before
 * they could sue. Long closures (Golden Week, year-end) therefore shorten the desk-day count.
 */
export function answerDueAt(arrivedAt: Date, deskDays: number, hours: DeskHours): Date {
  const counted = dueAfterDeskDays(arrivedAt, deskDays, hours);
  const latest = latestAnswerAt(arrivedAt, LATEST_ANSWER_CALENDAR_DAYS, hours);
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
