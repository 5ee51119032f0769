// The desk's calendar (policy §7): 9:00-17:00 Japan time; closed on Saturdays, Sundays,
// national holidays and 29 December-3 January. Every instant here is an explicit UTC instant built
// from a Japan wall-clock time, and the last block re-asks the questions in other process zones.

import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  administrativePeriodEndsAt,
  answerDueAt,
  countingStart,
  dueAfterDeskDays,
  endOfDeskDaysAfter,
  endOfJapanDay,
  isAdministrativeHoliday,
  isDeskDay,
  isDeskOpen,
  isNationalHoliday,
  isYearEndHoliday,
  latestAnswerAt,
  responseDeskDays,
} from '../../../functions/domain/kernel/calendar';
import { LATEST_ANSWER_CALENDAR_DAYS, RESPONSE_TARGET_DESK_DAYS } from '../../../functions/domain/kernel/law';
import { DEMO_HOURS } from '../../support/company';
import { jst } from '../doubles';

const day = (year: number, month: number, dayOfMonth: number) => ({ year, month, day: dayOfMonth });

describe('desk hours, 9:00-17:00 Japan time', () => {
  // Tuesday 10 November 2026, an ordinary working day.
  it('opens at 9:00 sharp and is closed the millisecond before', () => {
    expect(isDeskOpen(new Date('2026-11-10T00:00:00.000Z'), DEMO_HOURS)).toBe(true); // 9:00 JST
    expect(isDeskOpen(new Date('2026-11-09T23:59:59.999Z'), DEMO_HOURS)).toBe(false); // 8:59:59.999 JST
  });

  it('closes at 17:00 sharp', () => {
    expect(isDeskOpen(new Date('2026-11-10T07:59:59.999Z'), DEMO_HOURS)).toBe(true); // 16:59:59.999 JST
    expect(isDeskOpen(new Date('2026-11-10T08:00:00.000Z'), DEMO_HOURS)).toBe(false); // 17:00 JST
  });

  it("reads the date on Japan's clock: 23:30 UTC on Monday is 8:30 on Tuesday in Tokyo, before opening", () => {
    expect(isDeskOpen(new Date('2026-11-09T23:30:00.000Z'), DEMO_HOURS)).toBe(false);
    expect(countingStart(new Date('2026-11-09T23:30:00.000Z'), DEMO_HOURS)).toEqual(
      new Date('2026-11-10T00:00:00.000Z'),
    );
  });

  it('treats 00:30 Saturday in Tokyo (Friday 15:30 UTC) as the weekend', () => {
    const saturdayInTokyo = new Date('2026-11-13T15:30:00.000Z');
    expect(isDeskOpen(saturdayInTokyo, DEMO_HOURS)).toBe(false);
    expect(countingStart(saturdayInTokyo, DEMO_HOURS)).toEqual(jst(2026, 11, 16, 9));
  });
});

describe('days the desk works', () => {
  it('is open on an ordinary weekday', () => {
    expect(isDeskDay(day(2026, 11, 10), DEMO_HOURS)).toBe(true);
    expect(isDeskOpen(jst(2026, 11, 10, 12), DEMO_HOURS)).toBe(true);
  });

  it('is closed on Saturdays and Sundays, even during desk hours', () => {
    expect(isDeskDay(day(2026, 11, 14), DEMO_HOURS)).toBe(false); // Saturday
    expect(isDeskDay(day(2026, 11, 15), DEMO_HOURS)).toBe(false); // Sunday
    expect(isDeskOpen(jst(2026, 11, 14, 12), DEMO_HOURS)).toBe(false);
    expect(isDeskOpen(jst(2026, 11, 15, 12), DEMO_HOURS)).toBe(false);
  });

  it('is closed on national holidays: Culture Day (Tue 3 Nov 2026) and Labour Thanksgiving Day (Mon 23 Nov 2026)', () => {
    expect(isNationalHoliday(day(2026, 11, 3))).toBe(true);
    expect(isNationalHoliday(day(2026, 11, 23))).toBe(true);
    expect(isDeskDay(day(2026, 11, 3), DEMO_HOURS)).toBe(false);
    expect(isDeskDay(day(2026, 11, 23), DEMO_HOURS)).toBe(false);
    expect(isDeskOpen(jst(2026, 11, 3, 10), DEMO_HOURS)).toBe(false);
    expect(isDeskOpen(jst(2026, 11, 23, 10), DEMO_HOURS)).toBe(false);
    // The weekdays around them are ordinary.
    expect(isNationalHoliday(day(2026, 11, 4))).toBe(false);
    expect(isDeskDay(day(2026, 11, 24), DEMO_HOURS)).toBe(true);
  });

  it("is closed on a substitute holiday and on a citizens' holiday between two holidays", () => {
    // 3 May 2026 (Constitution Day) is a Sunday, so Wednesday 6 May is a substitute holiday;
    // Tuesday 22 Sep 2026 lies between Respect for the Aged Day and Autumnal Equinox Day.
    expect(isDeskDay(day(2026, 5, 6), DEMO_HOURS)).toBe(false);
    expect(isDeskDay(day(2026, 9, 22), DEMO_HOURS)).toBe(false);
    expect(isDeskDay(day(2026, 5, 7), DEMO_HOURS)).toBe(true);
    expect(isDeskDay(day(2026, 9, 24), DEMO_HOURS)).toBe(true);
  });

  it('is closed from 29 December to 3 January, both ends inclusive', () => {
    // 2026-27: 28 Dec is a Monday, 4 Jan a Monday.
    expect(isDeskDay(day(2026, 12, 28), DEMO_HOURS)).toBe(true);
    for (const [y, m, d] of [
      [2026, 12, 29],
      [2026, 12, 30],
      [2026, 12, 31],
      [2027, 1, 1],
      [2027, 1, 2],
      [2027, 1, 3],
    ] as const) {
      expect(isYearEndHoliday(day(y, m, d), DEMO_HOURS), `${y}-${m}-${d}`).toBe(true);
      expect(isDeskDay(day(y, m, d), DEMO_HOURS), `${y}-${m}-${d}`).toBe(false);
    }
    expect(isDeskDay(day(2027, 1, 4), DEMO_HOURS)).toBe(true);
    expect(isYearEndHoliday(day(2026, 12, 28), DEMO_HOURS)).toBe(false);
    expect(isYearEndHoliday(day(2027, 1, 4), DEMO_HOURS)).toBe(false);
  });

  it('keeps the year-end holidays when their ends fall on weekdays (29 Dec 2028 is a Friday, 3 Jan 2029 a Wednesday)', () => {
    expect(isDeskDay(day(2028, 12, 28), DEMO_HOURS)).toBe(true); // Thursday
    expect(isDeskDay(day(2028, 12, 29), DEMO_HOURS)).toBe(false); // Friday, first closed day
    expect(isDeskDay(day(2029, 1, 3), DEMO_HOURS)).toBe(false); // Wednesday, last closed day
    expect(isDeskDay(day(2029, 1, 4), DEMO_HOURS)).toBe(true); // Thursday
    expect(isDeskOpen(jst(2029, 1, 3, 10), DEMO_HOURS)).toBe(false);
    expect(isDeskOpen(jst(2029, 1, 4, 10), DEMO_HOURS)).toBe(true);
  });
});

describe('countingStart: when the desk starts counting a request', () => {
  it('is the next opening the same day for an arrival before 9:00', () => {
    expect(countingStart(jst(2026, 11, 10, 7, 45), DEMO_HOURS)).toEqual(jst(2026, 11, 10, 9));
  });

  it('is the arrival itself during desk hours', () => {
    const arrival = jst(2026, 11, 10, 14, 23, 5);
    expect(countingStart(arrival, DEMO_HOURS)).toEqual(arrival);
  });

  it('is 9:00 the next desk day for an arrival after 17:00, and at 17:00 sharp', () => {
    expect(countingStart(jst(2026, 11, 10, 18, 30), DEMO_HOURS)).toEqual(jst(2026, 11, 11, 9));
    expect(countingStart(jst(2026, 11, 10, 17), DEMO_HOURS)).toEqual(jst(2026, 11, 11, 9));
    expect(countingStart(jst(2026, 11, 10, 23, 59, 59), DEMO_HOURS)).toEqual(jst(2026, 11, 11, 9));
  });

  it('is Monday 9:00 for a Friday-evening arrival', () => {
    expect(countingStart(jst(2026, 11, 13, 19), DEMO_HOURS)).toEqual(jst(2026, 11, 16, 9));
  });

  it('skips a Monday holiday: Friday evening 20 Nov 2026 counts from Tuesday 24 Nov', () => {
    expect(countingStart(jst(2026, 11, 20, 19), DEMO_HOURS)).toEqual(jst(2026, 11, 24, 9));
  });

  it('is the next desk day for an arrival on a weekend morning or on a holiday', () => {
    expect(countingStart(jst(2026, 11, 14, 8), DEMO_HOURS)).toEqual(jst(2026, 11, 16, 9)); // Saturday, before 9:00
    expect(countingStart(jst(2026, 11, 3, 12), DEMO_HOURS)).toEqual(jst(2026, 11, 4, 9)); // Culture Day
  });

  it('carries a 28 December evening arrival over the year-end holidays to Monday 4 January 2027', () => {
    // 4 January 2027 is a Monday and not a national holiday, so the desk reopens then (not on the 5th).
    expect(countingStart(jst(2026, 12, 28, 18), DEMO_HOURS)).toEqual(jst(2027, 1, 4, 9));
    expect(countingStart(jst(2026, 12, 31, 12), DEMO_HOURS)).toEqual(jst(2027, 1, 4, 9));
  });
});

describe(`dueAfterDeskDays(…, RESPONSE_TARGET_DESK_DAYS = ${RESPONSE_TARGET_DESK_DAYS})`, () => {
  it('is 17:00 on the tenth desk day after the day counting starts, skipping a national holiday', () => {
    // Arrives Mon 2 Nov 2026 10:00. Desk days after it: 4,5,6,9,10,11,12,13,16,17 (3 Nov is Culture Day).
    expect(dueAfterDeskDays(jst(2026, 11, 2, 10), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 11, 17, 17),
    );
  });

  it('skips Labour Thanksgiving Day (Mon 23 Nov 2026)', () => {
    // Arrives Mon 16 Nov: 17,18,19,20,24,25,26,27,30 Nov, 1 Dec.
    expect(dueAfterDeskDays(jst(2026, 11, 16, 10), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 12, 1, 17),
    );
  });

  it('skips the year-end holidays and the Coming of Age Day after them', () => {
    // Arrives Mon 21 Dec 2026: 22,23,24,25,28 Dec, 4,5,6,7,8 Jan 2027.
    expect(dueAfterDeskDays(jst(2026, 12, 21, 10), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2027, 1, 8, 17));
    // Arrives Mon 28 Dec 2026 after closing: counting starts Mon 4 Jan; 5,6,7,8,12,13,14,15,18,19 Jan
    // (11 Jan 2027 is Coming of Age Day).
    expect(dueAfterDeskDays(jst(2026, 12, 28, 18), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      jst(2027, 1, 19, 17),
    );
  });

  it('counts from the next opening for a request that arrives after hours', () => {
    // Tue 10 Nov 18:00 counts from Wed 11 Nov, the same as an arrival on Wed 11 Nov at 9:00.
    expect(dueAfterDeskDays(jst(2026, 11, 10, 18), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      dueAfterDeskDays(jst(2026, 11, 11, 9), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS),
    );
  });

  it('with zero desk days is the closing time of the day counting starts', () => {
    expect(dueAfterDeskDays(jst(2026, 11, 13, 19), 0, DEMO_HOURS)).toEqual(jst(2026, 11, 16, 17));
  });
});

describe(`latestAnswerAt: the last desk closing on or before the ${LATEST_ANSWER_CALENDAR_DAYS}th calendar day after arrival (Art. 39)`, () => {
  it('is 17:00 on that day when the desk works then', () => {
    // Fri 13 Nov 2026 + 13 = Thu 26 Nov.
    expect(latestAnswerAt(jst(2026, 11, 13, 19), LATEST_ANSWER_CALENDAR_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 11, 26, 17),
    );
  });

  it('moves back over a closed day to the last closing before it', () => {
    // Tue 10 Nov 2026 + 13 = Mon 23 Nov, Labour Thanksgiving Day; 21-22 are a weekend: Fri 20 Nov.
    expect(latestAnswerAt(jst(2026, 11, 10, 12), LATEST_ANSWER_CALENDAR_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 11, 20, 17),
    );
    // Sun 27 Dec 2026 + 13 = Sat 9 Jan 2027: Fri 8 Jan.
    expect(latestAnswerAt(jst(2026, 12, 27, 12), LATEST_ANSWER_CALENDAR_DAYS, DEMO_HOURS)).toEqual(jst(2027, 1, 8, 17));
  });

  it('counts calendar days from the Japan date of arrival: midnight in Tokyo, not in UTC, starts a new day', () => {
    // Fri 13 Nov 23:59 JST is still the 13th: Thu 26 Nov. Sat 14 Nov 0:00 JST (Fri 15:00 UTC): Fri 27 Nov.
    expect(latestAnswerAt(jst(2026, 11, 13, 23, 59), LATEST_ANSWER_CALENDAR_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 11, 26, 17),
    );
    expect(latestAnswerAt(new Date('2026-11-13T15:00:00.000Z'), LATEST_ANSWER_CALENDAR_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 11, 27, 17),
    );
  });

  it("is that day's closing hour itself when the desk does not close once between arrival and then", () => {
    // Mon 28 Dec 2026 18:00 with a 5-day window: 29 Dec-2 Jan are all closed, and 28 Dec closed before arrival.
    expect(latestAnswerAt(jst(2026, 12, 28, 18), 5, DEMO_HOURS)).toEqual(jst(2027, 1, 2, 17));
    // At 16:00 the same day the desk still closes once after arrival.
    expect(latestAnswerAt(jst(2026, 12, 28, 16), 5, DEMO_HOURS)).toEqual(jst(2026, 12, 28, 17));
  });
});

describe(`answerDueAt: the desk-day target, never later than ${LATEST_ANSWER_CALENDAR_DAYS} calendar days after arrival`, () => {
  it('with the default 10 desk days is always the cap: ten desk days need at least 14 calendar days', () => {
    // Tue 10 Nov 12:00: 10 desk days would be Wed 25 Nov; the cap is Fri 20 Nov 17:00.
    expect(dueAfterDeskDays(jst(2026, 11, 10, 12), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 11, 25, 17),
    );
    expect(answerDueAt(jst(2026, 11, 10, 12), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2026, 11, 20, 17));
  });

  it('16:59 and 17:00: the desk-day count moves by a day, the cap (by arrival date) does not', () => {
    expect(answerDueAt(jst(2026, 11, 10, 16, 59), 5, DEMO_HOURS)).toEqual(jst(2026, 11, 17, 17)); // 11, 12, 13, 16, 17
    expect(answerDueAt(jst(2026, 11, 10, 17), 5, DEMO_HOURS)).toEqual(jst(2026, 11, 18, 17)); // counting from Wed 11: 12, 13, 16, 17, 18
    expect(answerDueAt(jst(2026, 11, 10, 16, 59), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 11, 20, 17),
    );
    expect(answerDueAt(jst(2026, 11, 10, 17), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2026, 11, 20, 17));
  });

  it('Friday evening: counting starts Monday, the cap runs from Friday', () => {
    // Fri 13 Nov 19:00. 5 desk days: 17, 18, 19, 20, 24 Nov (23rd a holiday), within the cap.
    expect(answerDueAt(jst(2026, 11, 13, 19), 5, DEMO_HOURS)).toEqual(jst(2026, 11, 24, 17));
    // 10 desk days would be Tue 1 Dec; capped to Thu 26 Nov.
    expect(dueAfterDeskDays(jst(2026, 11, 13, 19), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      jst(2026, 12, 1, 17),
    );
    expect(answerDueAt(jst(2026, 11, 13, 19), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2026, 11, 26, 17));
  });

  it('Golden Week 2026 shortens even a 5-desk-day target', () => {
    // Tue 28 Apr 18:00; 29 Apr and 3-6 May are holidays, so counting starts Thu 30 Apr:
    // 5 desk days are 1, 7, 8, 11, 12 May, past the cap of Mon 11 May (28 Apr + 13).
    expect(dueAfterDeskDays(jst(2026, 4, 28, 18), 5, DEMO_HOURS)).toEqual(jst(2026, 5, 12, 17));
    expect(answerDueAt(jst(2026, 4, 28, 18), 5, DEMO_HOURS)).toEqual(jst(2026, 5, 11, 17));
    expect(answerDueAt(jst(2026, 4, 28, 18), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2026, 5, 11, 17));
  });

  it('the sandwiched holiday of 22 Sep 2026: a Friday 17:00 arrival counts from Thursday 24th', () => {
    // 19-20 weekend, 21 Respect for the Aged Day, 22 citizens' holiday, 23 Autumnal Equinox Day.
    expect(countingStart(jst(2026, 9, 18, 17), DEMO_HOURS)).toEqual(jst(2026, 9, 24, 9));
    // 5 desk days: 25, 28, 29, 30 Sep, 1 Oct, exactly the cap (18 Sep + 13 = Thu 1 Oct).
    expect(answerDueAt(jst(2026, 9, 18, 17), 5, DEMO_HOURS)).toEqual(jst(2026, 10, 1, 17));
    // A minute earlier counting starts on the 18th itself: 24, 25, 28, 29, 30 Sep.
    expect(answerDueAt(jst(2026, 9, 18, 16, 59), 5, DEMO_HOURS)).toEqual(jst(2026, 9, 30, 17));
    expect(answerDueAt(jst(2026, 9, 18, 17), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2026, 10, 1, 17));
  });

  it('year-end: 28 Dec 2026 16:00 would be due 18 Jan 2027 by desk days; the cap makes it Fri 8 Jan', () => {
    expect(dueAfterDeskDays(jst(2026, 12, 28, 16), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(
      jst(2027, 1, 18, 17),
    );
    // 28 Dec + 13 = Sun 10 Jan 2027; the last closing before it is Fri 8 Jan.
    expect(answerDueAt(jst(2026, 12, 28, 16), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS)).toEqual(jst(2027, 1, 8, 17));
    expect(answerDueAt(jst(2026, 12, 28, 16), 5, DEMO_HOURS)).toEqual(jst(2027, 1, 8, 17)); // 4-8 Jan
  });
});

describe('responseDeskDays: the configured desk-day target (DESK_RESPONSE_DESK_DAYS)', () => {
  it('is the default when unset or blank', () => {
    expect(responseDeskDays(undefined)).toBe(RESPONSE_TARGET_DESK_DAYS);
    expect(responseDeskDays('  ')).toBe(RESPONSE_TARGET_DESK_DAYS);
  });

  it('takes a whole number from 1 to the calendar-day cap', () => {
    expect(responseDeskDays('1')).toBe(1);
    expect(responseDeskDays(' 8 ')).toBe(8);
    expect(responseDeskDays(String(LATEST_ANSWER_CALENDAR_DAYS))).toBe(LATEST_ANSWER_CALENDAR_DAYS);
  });

  it.each(['0', '-3', '7.5', 'ten', '14', '1e3'])('refuses %j', (setting) => {
    expect(() => responseDeskDays(setting)).toThrow(
      /DESK_RESPONSE_DESK_DAYS must be a whole number of desk days from 1 to 13/,
    );
  });
});

describe('independence from the process time zone', () => {
  // The same questions, asked in this process and in child processes whose zone is Los Angeles
  // (UTC-8) or Kiritimati (UTC+14, where the local date is ahead of both UTC and Tokyo). A child
  // process is used because a zone change inside a running worker does not reliably take effect.
  const calendarUrl = pathToFileURL(
    fileURLToPath(new URL('../../../functions/domain/kernel/calendar.ts', import.meta.url)),
  ).href;
  const questions = `
    const c = await import(${JSON.stringify(calendarUrl)});
    const at = (iso) => new Date(iso);
    const H = ${JSON.stringify(DEMO_HOURS)};
    console.log(JSON.stringify({
      zoneOffsetMinutes: new Date('2026-11-10T00:00:00.000Z').getTimezoneOffset(),
      openAt9: c.isDeskOpen(at('2026-11-10T00:00:00.000Z'), H),
      openAt17: c.isDeskOpen(at('2026-11-10T08:00:00.000Z'), H),
      saturdayInTokyo: c.countingStart(at('2026-11-13T15:30:00.000Z'), H).toISOString(),
      yearEnd: c.countingStart(at('2026-12-28T09:00:00.000Z'), H).toISOString(),
      due: c.dueAfterDeskDays(at('2026-11-02T01:00:00.000Z'), 10, H).toISOString(),
      dueOverYearEnd: c.dueAfterDeskDays(at('2026-12-21T01:00:00.000Z'), 10, H).toISOString(),
      answerDueOverYearEnd: c.answerDueAt(at('2026-12-28T07:00:00.000Z'), 10, H).toISOString(),
      answerDueAfterSandwich: c.answerDueAt(at('2026-09-18T08:00:00.000Z'), 5, H).toISOString(),
    }));`;
  const expected = {
    openAt9: true,
    openAt17: false,
    saturdayInTokyo: '2026-11-16T00:00:00.000Z',
    yearEnd: '2027-01-04T00:00:00.000Z',
    due: '2026-11-17T08:00:00.000Z',
    dueOverYearEnd: '2027-01-08T08:00:00.000Z',
    answerDueOverYearEnd: '2027-01-08T08:00:00.000Z',
    answerDueAfterSandwich: '2026-10-01T08:00:00.000Z',
  };

  it.each([
    ['UTC', 0],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
  ])('gives the same answers when the process runs in %s', (zone, offset) => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', questions], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8',
    });
    const answers = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(answers.zoneOffsetMinutes).toBe(offset); // the zone really was switched
    const { zoneOffsetMinutes: _offset, ...calendarAnswers } = answers;
    expect(calendarAnswers).toEqual(expected);
  });

  it('gives the same answers in this process', () => {
    expect({
      openAt9: isDeskOpen(new Date('2026-11-10T00:00:00.000Z'), DEMO_HOURS),
      openAt17: isDeskOpen(new Date('2026-11-10T08:00:00.000Z'), DEMO_HOURS),
      saturdayInTokyo: countingStart(new Date('2026-11-13T15:30:00.000Z'), DEMO_HOURS).toISOString(),
      yearEnd: countingStart(new Date('2026-12-28T09:00:00.000Z'), DEMO_HOURS).toISOString(),
      due: dueAfterDeskDays(new Date('2026-11-02T01:00:00.000Z'), RESPONSE_TARGET_DESK_DAYS, DEMO_HOURS).toISOString(),
      dueOverYearEnd: dueAfterDeskDays(
        new Date('2026-12-21T01:00:00.000Z'),
        RESPONSE_TARGET_DESK_DAYS,
        DEMO_HOURS,
      ).toISOString(),
      answerDueOverYearEnd: answerDueAt(
        new Date('2026-12-28T07:00:00.000Z'),
        RESPONSE_TARGET_DESK_DAYS,
        DEMO_HOURS,
      ).toISOString(),
      answerDueAfterSandwich: answerDueAt(new Date('2026-09-18T08:00:00.000Z'), 5, DEMO_HOURS).toISOString(),
    }).toEqual(expected);
  });
});

describe('properties over 2026-2030', () => {
  const instants = fc.date({
    min: new Date('2026-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  it('countingStart is never earlier than the arrival and always falls while the desk is open', () => {
    fc.assert(
      fc.property(instants, (arrival) => {
        const start = countingStart(arrival, DEMO_HOURS);
        expect(start.getTime()).toBeGreaterThanOrEqual(arrival.getTime());
        expect(isDeskOpen(start, DEMO_HOURS)).toBe(true);
        if (isDeskOpen(arrival, DEMO_HOURS)) expect(start).toEqual(arrival);
        // Nothing earlier is open: one second before a 9:00 start, the desk is closed.
        if (start.getTime() !== arrival.getTime())
          expect(isDeskOpen(new Date(start.getTime() - 1000), DEMO_HOURS)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('the due date is 17:00 Japan time on a desk day, later than the counting start', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 15 }), (arrival, deskDays) => {
        const due = dueAfterDeskDays(arrival, deskDays, DEMO_HOURS);
        expect(due.getUTCHours()).toBe(8); // 17:00 JST
        expect(due.getUTCMinutes()).toBe(0);
        expect(isDeskOpen(new Date(due.getTime() - 1), DEMO_HOURS)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(countingStart(arrival, DEMO_HOURS).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it(`the answer is due after arrival, no later than the desk-day count, and at most ${LATEST_ANSWER_CALENDAR_DAYS} Japan calendar days after arrival`, () => {
    const japanDay = (instant: Date) => Math.floor((instant.getTime() + 9 * 3_600_000) / 86_400_000);
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: LATEST_ANSWER_CALENDAR_DAYS }), (arrival, deskDays) => {
        const due = answerDueAt(arrival, deskDays, DEMO_HOURS);
        expect(due.getTime()).toBeGreaterThan(arrival.getTime());
        expect(due.getTime()).toBeLessThanOrEqual(dueAfterDeskDays(arrival, deskDays, DEMO_HOURS).getTime());
        expect(japanDay(due) - japanDay(arrival)).toBeLessThanOrEqual(LATEST_ANSWER_CALENDAR_DAYS);
        expect(due.getUTCHours()).toBe(8); // 17:00 JST on a day the desk works
        expect(isDeskOpen(new Date(due.getTime() - 1), DEMO_HOURS)).toBe(true);
        if (deskDays >= 10) expect(due).toEqual(latestAnswerAt(arrival, LATEST_ANSWER_CALENDAR_DAYS, DEMO_HOURS));
      }),
      { numRuns: 300 },
    );
  });
});

describe('days the administrative offices are closed (行政機関の休日に関する法律 Art. 1)', () => {
  it('are Saturdays, Sundays, national holidays and 29 December-3 January', () => {
    expect(isAdministrativeHoliday(day(2026, 12, 5))).toBe(true); // Saturday
    expect(isAdministrativeHoliday(day(2026, 12, 6))).toBe(true); // Sunday
    expect(isAdministrativeHoliday(day(2026, 11, 23))).toBe(true); // Labour Thanksgiving Day
    expect(isAdministrativeHoliday(day(2026, 5, 6))).toBe(true); // substitute holiday
    expect(isAdministrativeHoliday(day(2026, 12, 29))).toBe(true);
    expect(isAdministrativeHoliday(day(2027, 1, 3))).toBe(true);
    expect(isAdministrativeHoliday(day(2026, 12, 28))).toBe(false); // Monday
    expect(isAdministrativeHoliday(day(2027, 1, 4))).toBe(false); // Monday
  });
});

describe('administrativePeriodEndsAt: a period set by law, day one the day it starts (Art. 2 of that Act)', () => {
  it('ends at 23:59:59.999 Japan time on the last day', () => {
    expect(endOfJapanDay(day(2026, 12, 10)).toISOString()).toBe('2026-12-10T14:59:59.999Z');
    // Monday 7 December 2026: day 30 is Tuesday 5 January 2027.
    expect(administrativePeriodEndsAt(jst(2026, 12, 7, 10), 30).toISOString()).toBe('2027-01-05T14:59:59.999Z');
    expect(administrativePeriodEndsAt(jst(2026, 12, 7, 10), 1).toISOString()).toBe('2026-12-07T14:59:59.999Z');
  });

  it('moves a last day on a Sunday to Monday', () => {
    // Saturday 7 November 2026 + 29 = Sunday 6 December.
    expect(administrativePeriodEndsAt(jst(2026, 11, 7, 12), 30).toISOString()).toBe('2026-12-07T14:59:59.999Z');
  });

  it('moves a last day on 29 December to 4 January, or past a weekend after it', () => {
    expect(administrativePeriodEndsAt(jst(2026, 11, 30, 12), 30).toISOString()).toBe('2027-01-04T14:59:59.999Z');
    // 4 January 2026 is a Sunday: Monday the 5th.
    expect(administrativePeriodEndsAt(jst(2025, 11, 30, 12), 30).toISOString()).toBe('2026-01-05T14:59:59.999Z');
  });

  it('moves a last day in Golden Week past it', () => {
    // Thursday 5 March 2026 + 59 = Sunday 3 May; 4-6 May are holidays.
    expect(administrativePeriodEndsAt(jst(2026, 3, 5, 12), 60).toISOString()).toBe('2026-05-07T14:59:59.999Z');
  });

  it('takes the Japan day, not the UTC one, as day one', () => {
    expect(administrativePeriodEndsAt(jst(2026, 12, 7, 23, 30), 30).toISOString()).toBe('2027-01-05T14:59:59.999Z');
    // 00:30 on 8 December in Japan is still 7 December in UTC.
    const earlyMorning = jst(2026, 12, 8, 0, 30);
    expect(earlyMorning.toISOString().slice(0, 10)).toBe('2026-12-07');
    expect(administrativePeriodEndsAt(earlyMorning, 30).toISOString()).toBe('2027-01-06T14:59:59.999Z');
  });
});

describe('endOfDeskDaysAfter: the end of the n-th desk day after the Japan day of an instant', () => {
  it('counts desk days from the next day, skipping weekends and closures', () => {
    expect(endOfDeskDaysAfter(jst(2026, 12, 7, 10), 3, DEMO_HOURS).toISOString()).toBe('2026-12-10T14:59:59.999Z');
    expect(endOfDeskDaysAfter(jst(2026, 12, 4, 18), 3, DEMO_HOURS).toISOString()).toBe('2026-12-09T14:59:59.999Z');
    expect(endOfDeskDaysAfter(jst(2026, 12, 28, 10), 3, DEMO_HOURS).toISOString()).toBe('2027-01-06T14:59:59.999Z');
  });
});
