// Dates a caller supplies are refused when they lie in the future beyond the allowed clock drift:
// worked examples at the edge, for instants and for Japan calendar dates.
import { describe, expect, it } from 'vitest';
import type { ProblemField } from '../../../functions/domain/kernel/problems';
import {
  ALLOWED_CLOCK_SKEW_SECONDS,
  futureInstantFault,
  futureJapanDateFault,
  refuseFutureDates,
} from '../../../functions/domain/kernel/supplied-dates';
import { problemOf } from '../doubles';

// Thursday 12 November 2026, 11:00 in Japan.
const NOW = new Date('2026-11-12T02:00:00.000Z');

describe('ALLOWED_CLOCK_SKEW_SECONDS', () => {
  it('is five minutes', () => {
    expect(ALLOWED_CLOCK_SKEW_SECONDS).toBe(300);
  });
});

describe('futureInstantFault', () => {
  it.each([
    ['now', '2026-11-12T02:00:00.000Z'],
    ['a year ago', '2025-11-12T02:00:00.000Z'],
    ['exactly five minutes ahead (a drifting clock)', '2026-11-12T02:05:00.000Z'],
    ['five minutes ahead, written in Japan time', '2026-11-12T11:05:00+09:00'],
  ])('takes %s', (_, instant) => {
    expect(futureInstantFault(instant, NOW)).toBeUndefined();
  });

  it.each([
    ['a millisecond past the allowed drift', '2026-11-12T02:05:00.001Z'],
    ['tomorrow', '2026-11-13T02:00:00.000Z'],
    ['2099', '2099-01-01T00:00:00.000Z'],
    ['2199', '2199-01-01T00:00:00Z'],
  ])("refuses %s, saying what the desk's clock reads", (_, instant) => {
    const fault = futureInstantFault(instant, NOW);
    expect(fault).toContain(`${instant} is in the future`);
    expect(fault).toContain('2026-11-12T02:00:00.000Z');
  });
});

describe('futureJapanDateFault', () => {
  it('takes today and earlier days in Japan', () => {
    expect(futureJapanDateFault('2026-11-12', NOW)).toBeUndefined();
    expect(futureJapanDateFault('2026-11-11', NOW)).toBeUndefined();
  });

  it('refuses tomorrow in Japan', () => {
    expect(futureJapanDateFault('2026-11-13', NOW)).toContain('2026-11-13 is later than today in Japan (2026-11-12)');
  });

  it('takes tomorrow when it begins in Japan within the allowed drift', () => {
    // 23:57 in Japan: a caller's clock five minutes fast already reads the next day.
    const beforeMidnight = new Date('2026-11-12T14:57:00.000Z');
    expect(futureJapanDateFault('2026-11-13', beforeMidnight)).toBeUndefined();
    expect(futureJapanDateFault('2026-11-14', beforeMidnight)).toContain('later than today in Japan (2026-11-12)');
  });
});

describe('refuseFutureDates', () => {
  it('passes when no date is in the future, ignoring fields left out', () => {
    expect(() =>
      refuseFutureDates(
        'Event not recorded',
        [
          { field: 'body.at', instant: '2026-11-01T00:00:00Z' },
          { field: 'body.other', instant: undefined },
        ],
        NOW,
      ),
    ).not.toThrow();
  });

  it('throws one 422 naming every future field, and says nothing was stored', async () => {
    const problem = await problemOf(
      (async () =>
        refuseFutureDates(
          'Event not recorded',
          [
            { field: 'body.at', instant: '2099-01-01T00:00:00Z' },
            { field: 'body.notifiedOn', date: '2027-01-01' },
            { field: 'body.startsOn', date: '2026-11-01' },
          ],
          NOW,
        ))(),
    );
    expect(problem.kind).toBe('unprocessable');
    expect(problem.title).toBe('Event not recorded');
    expect(problem.errors!.map((e: ProblemField) => e.field)).toEqual(['body.at', 'body.notifiedOn']);
    expect(problem.detail).toContain('body.at: 2099-01-01T00:00:00Z is in the future');
    expect(problem.detail).toContain('body.notifiedOn: 2027-01-01 is later than today in Japan');
    expect(problem.detail).toContain('Nothing was stored');
  });
});
