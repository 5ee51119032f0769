// The desk's calendar (DESIGN §6, policy §7): 9:00-17:00 Japan time; closed on Saturdays, Sundays,
// national holidays and 29 December-3 January. Every instant here is an explicit UTC instant built
// from a Japan wall-clock time, and the last block re-asks the questions in other process zones.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countingStart,
  dueAfterDeskDays,
  isDeskDay,
  isDeskOpen,
  isNationalHoliday,
  isYearEndHoliday,
} from '../../functions/domain/calendar';
import { RESPONSE_TARGET_DESK_DAYS } from '../../functions/domain/law';
import { jst } from './doubles';

const day = (year: number, month: number, dayOfMonth: number) => ({ year, month, day: dayOfMonth });

describe('desk hours, 9:00-17:00 Japan time', () => {
  // Tuesday 10 November 2026, an ordinary working day.
  it('opens at 9:00 sharp and is closed the millisecond before', () => {
    expect(isDeskOpen(new Date('2026-11-10T00:00:00.000Z'))).toBe(true); // 9:00 JST
    expect(isDeskOpen(new Date('2026-11-09T23:59:59.999Z'))).toBe(false); // 8:59:59.999 JST
  });

  it('closes at 17:00 sharp', () => {
    expect(isDeskOpen(new Date('2026-11-10T07:59:59.999Z'))).toBe(true); // 16:59:59.999 JST
    expect(isDeskOpen(new Date('2026-11-10T08:00:00.000Z'))).toBe(false); // 17:00 JST
  });

  it('reads the date on Japan\'s clock: 23:30 UTC on Monday is 8:30 on Tuesday in Tokyo, before opening', () => {
    expect(isDeskOpen(new Date('2026-11-09T23:30:00.000Z'))).toBe(false);
    expect(countingStart(new Date('2026-11-09T23:30:00.000Z'))).toEqual(new Date('2026-11-10T00:00:00.000Z'));
  });

  it('treats 00:30 Saturday in Tokyo (Friday 15:30 UTC) as the weekend', () => {
    const saturdayInTokyo = new Date('2026-11-13T15:30:00.000Z');
    expect(isDeskOpen(saturdayInTokyo)).toBe(false);
    expect(countingStart(saturdayInTokyo)).toEqual(jst(2026, 11, 16, 9));
  });
});

describe('days the desk works', () => {
  it('is open on an ordinary weekday', () => {
    expect(isDeskDay(day(2026, 11, 10))).toBe(true);
    expect(isDeskOpen(jst(2026, 11, 10, 12))).toBe(true);
  });

  it('is closed on Saturdays and Sundays, even during desk hours', () => {
    expect(isDeskDay(day(2026, 11, 14))).toBe(false); // Saturday
    expect(isDeskDay(day(2026, 11, 15))).toBe(false); // Sunday
    expect(isDeskOpen(jst(2026, 11, 14, 12))).toBe(false);
    expect(isDeskOpen(jst(2026, 11, 15, 12))).toBe(false);
  });

  it('is closed on national holidays: Culture Day (Tue 3 Nov 2026) and Labour Thanksgiving Day (Mon 23 Nov 2026)', () => {
    expect(isNationalHoliday(day(2026, 11, 3))).toBe(true);
    expect(isNationalHoliday(day(2026, 11, 23))).toBe(true);
    expect(isDeskDay(day(2026, 11, 3))).toBe(false);
    expect(isDeskDay(day(2026, 11, 23))).toBe(false);
    expect(isDeskOpen(jst(2026, 11, 3, 10))).toBe(false);
    expect(isDeskOpen(jst(2026, 11, 23, 10))).toBe(false);
    // The weekdays around them are ordinary.
    expect(isNationalHoliday(day(2026, 11, 4))).toBe(false);
    expect(isDeskDay(day(2026, 11, 24))).toBe(true);
  });

  it('is closed on a substitute holiday and on a citizens\' holiday between two holidays', () => {
    // 3 May 2026 (Constitution Day) is a Sunday, so Wednesday 6 May is a substitute holiday;
    // Tuesday 22 Sep 2026 lies between Respect for the Aged Day and Autumnal Equinox Day.
    expect(isDeskDay(day(2026, 5, 6))).toBe(false);
    expect(isDeskDay(day(2026, 9, 22))).toBe(false);
    expect(isDeskDay(day(2026, 5, 7))).toBe(true);
    expect(isDeskDay(day(2026, 9, 24))).toBe(true);
  });

  it('is closed from 29 December to 3 January, both ends inclusive', () => {
    // 2026-27: 28 Dec is a Monday, 4 Jan a Monday.
    expect(isDeskDay(day(2026, 12, 28))).toBe(true);
    for (const [y, m, d] of [[2026, 12, 29], [2026, 12, 30], [2026, 12, 31], [2027, 1, 1], [2027, 1, 2], [2027, 1, 3]] as const) {
      expect(isYearEndHoliday(day(y, m, d)), `${y}-${m}-${d}`).toBe(true);
      expect(isDeskDay(day(y, m, d)), `${y}-${m}-${d}`).toBe(false);
    }
    expect(isDeskDay(day(2027, 1, 4))).toBe(true);
    expect(isYearEndHoliday(day(2026, 12, 28))).toBe(false);
    expect(isYearEndHoliday(day(2027, 1, 4))).toBe(false);
  });

  it('keeps the year-end holidays when their ends fall on weekdays (29 Dec 2028 is a Friday, 3 Jan 2029 a Wednesday)', () => {
    expect(isDeskDay(day(2028, 12, 28))).toBe(true); // Thursday
    expect(isDeskDay(day(2028, 12, 29))).toBe(false); // Friday, first closed day
    expect(isDeskDay(day(2029, 1, 3))).toBe(false); // Wednesday, last closed day
    expect(isDeskDay(day(2029, 1, 4))).toBe(true); // Thursday
    expect(isDeskOpen(jst(2029, 1, 3, 10))).toBe(false);
    expect(isDeskOpen(jst(2029, 1, 4, 10))).toBe(true);
  });
});

describe('countingStart: when the desk starts counting a request', () => {
  it('is the next opening the same day for an arrival before 9:00', () => {
    expect(countingStart(jst(2026, 11, 10, 7, 45))).toEqual(jst(2026, 11, 10, 9));
  });

  it('is the arrival itself during desk hours', () => {
    const arrival = jst(2026, 11, 10, 14, 23, 5);
    expect(countingStart(arrival)).toEqual(arrival);
  });

  it('is 9:00 the next desk day for an arrival after 17:00, and at 17:00 sharp', () => {
    expect(countingStart(jst(2026, 11, 10, 18, 30))).toEqual(jst(2026, 11, 11, 9));
    expect(countingStart(jst(2026, 11, 10, 17))).toEqual(jst(2026, 11, 11, 9));
    expect(countingStart(jst(2026, 11, 10, 23, 59, 59))).toEqual(jst(2026, 11, 11, 9));
  });

  it('is Monday 9:00 for a Friday-evening arrival', () => {
    expect(countingStart(jst(2026, 11, 13, 19))).toEqual(jst(2026, 11, 16, 9));
  });

  it('skips a Monday holiday: Friday evening 20 Nov 2026 counts from Tuesday 24 Nov', () => {
    expect(countingStart(jst(2026, 11, 20, 19))).toEqual(jst(2026, 11, 24, 9));
  });

  it('is the next desk day for an arrival on a weekend morning or on a holiday', () => {
    expect(countingStart(jst(2026, 11, 14, 8))).toEqual(jst(2026, 11, 16, 9)); // Saturday, before 9:00
    expect(countingStart(jst(2026, 11, 3, 12))).toEqual(jst(2026, 11, 4, 9)); // Culture Day
  });

  it('carries a 28 December evening arrival over the year-end holidays to Monday 4 January 2027', () => {
    // 4 January 2027 is a Monday and not a national holiday, so the desk reopens then (not on the 5th).
    expect(countingStart(jst(2026, 12, 28, 18))).toEqual(jst(2027, 1, 4, 9));
    expect(countingStart(jst(2026, 12, 31, 12))).toEqual(jst(2027, 1, 4, 9));
  });
});

describe(`dueAfterDeskDays(…, RESPONSE_TARGET_DESK_DAYS = ${RESPONSE_TARGET_DESK_DAYS})`, () => {
  it('is 17:00 on the tenth desk day after the day counting starts, skipping a national holiday', () => {
    // Arrives Mon 2 Nov 2026 10:00. Desk days after it: 4,5,6,9,10,11,12,13,16,17 (3 Nov is Culture Day).
    expect(dueAfterDeskDays(jst(2026, 11, 2, 10), RESPONSE_TARGET_DESK_DAYS)).toEqual(jst(2026, 11, 17, 17));
  });

  it('skips Labour Thanksgiving Day (Mon 23 Nov 2026)', () => {
    // Arrives Mon 16 Nov: 17,18,19,20,24,25,26,27,30 Nov, 1 Dec.
    expect(dueAfterDeskDays(jst(2026, 11, 16, 10), RESPONSE_TARGET_DESK_DAYS)).toEqual(jst(2026, 12, 1, 17));
  });

  it('skips the year-end holidays and the Coming of Age Day after them', () => {
    // Arrives Mon 21 Dec 2026: 22,23,24,25,28 Dec, 4,5,6,7,8 Jan 2027.
    expect(dueAfterDeskDays(jst(2026, 12, 21, 10), RESPONSE_TARGET_DESK_DAYS)).toEqual(jst(2027, 1, 8, 17));
    // Arrives Mon 28 Dec 2026 after closing: counting starts Mon 4 Jan; 5,6,7,8,12,13,14,15,18,19 Jan
    // (11 Jan 2027 is Coming of Age Day).
    expect(dueAfterDeskDays(jst(2026, 12, 28, 18), RESPONSE_TARGET_DESK_DAYS)).toEqual(jst(2027, 1, 19, 17));
  });

  it('counts from the next opening for a request that arrives after hours', () => {
    // Tue 10 Nov 18:00 counts from Wed 11 Nov, the same as an arrival on Wed 11 Nov at 9:00.
    expect(dueAfterDeskDays(jst(2026, 11, 10, 18), RESPONSE_TARGET_DESK_DAYS))
      .toEqual(dueAfterDeskDays(jst(2026, 11, 11, 9), RESPONSE_TARGET_DESK_DAYS));
  });

  it('with zero desk days is the closing time of the day counting starts', () => {
    expect(dueAfterDeskDays(jst(2026, 11, 13, 19), 0)).toEqual(jst(2026, 11, 16, 17));
  });
});

describe('independence from the process time zone', () => {
  // The same questions, asked in this process and in child processes whose zone is Los Angeles
  // (UTC-8) or Kiritimati (UTC+14, where the local date is ahead of both UTC and Tokyo). A child
  // process is used because a zone change inside a running worker does not reliably take effect.
  const calendarUrl = pathToFileURL(fileURLToPath(new URL('../../functions/domain/calendar.ts', import.meta.url))).href;
  const questions = `
    const c = await import(${JSON.stringify(calendarUrl)});
    const at = (iso) => new Date(iso);
    console.log(JSON.stringify({
      zoneOffsetMinutes: new Date('2026-11-10T00:00:00.000Z').getTimezoneOffset(),
      openAt9: c.isDeskOpen(at('2026-11-10T00:00:00.000Z')),
      openAt17: c.isDeskOpen(at('2026-11-10T08:00:00.000Z')),
      saturdayInTokyo: c.countingStart(at('2026-11-13T15:30:00.000Z')).toISOString(),
      yearEnd: c.countingStart(at('2026-12-28T09:00:00.000Z')).toISOString(),
      due: c.dueAfterDeskDays(at('2026-11-02T01:00:00.000Z'), 10).toISOString(),
      dueOverYearEnd: c.dueAfterDeskDays(at('2026-12-21T01:00:00.000Z'), 10).toISOString(),
    }));`;
  const expected = {
    openAt9: true,
    openAt17: false,
    saturdayInTokyo: '2026-11-16T00:00:00.000Z',
    yearEnd: '2027-01-04T00:00:00.000Z',
    due: '2026-11-17T08:00:00.000Z',
    dueOverYearEnd: '2027-01-08T08:00:00.000Z',
  };

  it.each([
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
      openAt9: isDeskOpen(new Date('2026-11-10T00:00:00.000Z')),
      openAt17: isDeskOpen(new Date('2026-11-10T08:00:00.000Z')),
      saturdayInTokyo: countingStart(new Date('2026-11-13T15:30:00.000Z')).toISOString(),
      yearEnd: countingStart(new Date('2026-12-28T09:00:00.000Z')).toISOString(),
      due: dueAfterDeskDays(new Date('2026-11-02T01:00:00.000Z'), RESPONSE_TARGET_DESK_DAYS).toISOString(),
      dueOverYearEnd: dueAfterDeskDays(new Date('2026-12-21T01:00:00.000Z'), RESPONSE_TARGET_DESK_DAYS).toISOString(),
    }).toEqual(expected);
  });
});

describe('properties over 2026-2030', () => {
  const instants = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

  it('countingStart is never earlier than the arrival and always falls while the desk is open', () => {
    fc.assert(fc.property(instants, (arrival) => {
      const start = countingStart(arrival);
      expect(start.getTime()).toBeGreaterThanOrEqual(arrival.getTime());
      expect(isDeskOpen(start)).toBe(true);
      if (isDeskOpen(arrival)) expect(start).toEqual(arrival);
      // Nothing earlier is open: one second before a 9:00 start, the desk is closed.
      if (start.getTime() !== arrival.getTime()) expect(isDeskOpen(new Date(start.getTime() - 1000))).toBe(false);
    }), { numRuns: 500 });
  });

  it('the due date is 17:00 Japan time on a desk day, later than the counting start', () => {
    fc.assert(fc.property(instants, fc.integer({ min: 1, max: 15 }), (arrival, deskDays) => {
      const due = dueAfterDeskDays(arrival, deskDays);
      expect(due.getUTCHours()).toBe(8); // 17:00 JST
      expect(due.getUTCMinutes()).toBe(0);
      expect(isDeskOpen(new Date(due.getTime() - 1))).toBe(true);
      expect(due.getTime()).toBeGreaterThan(countingStart(arrival).getTime());
    }), { numRuns: 300 });
  });
});
