// The queue's due-date marks, days left on Japan's calendar, dates, and the filters it keeps in the
// page's address (never the search term).
import { describe, expect, it } from 'vitest';
import {
  DUE_SOON_DAYS,
  dueMark,
  dueState,
  japanDate,
  japanDaysUntil,
  queueFiltersOf,
  queueQuery,
} from '../../web/src/desk/queue';
import { hrefOfDeskRoute, parseDeskRoute } from '../../web/src/desk/routes';

/** Instant of a Japan wall-clock time (UTC+9). */
const jst = (month: number, day: number, hour = 0, minute = 0) =>
  new Date(Date.UTC(2026, month - 1, day, hour - 9, minute)).toISOString();
// Thursday 26 November 2026, 12:00 in Japan.
const now = new Date(jst(11, 26, 12));

describe('queue', () => {
  it('marks an open request overdue once its due time has passed, even on its due day', () => {
    expect(dueMark({ status: 'received', dueAt: jst(11, 26, 11, 59) }, now)).toBe('overdue');
    expect(dueMark({ status: 'in-progress', dueAt: jst(10, 27, 17) }, now)).toBe('overdue');
  });

  it('marks an open request due soon within the desk policy of three Japan days, and not after', () => {
    // Desk policy (not law): three days' warning before a request falls overdue.
    expect(DUE_SOON_DAYS).toBe(3);
    expect(dueMark({ status: 'received', dueAt: jst(11, 26, 17) }, now)).toBe('due-soon');
    expect(dueMark({ status: 'received', dueAt: jst(11, 29, 23, 59) }, now)).toBe('due-soon');
    expect(dueMark({ status: 'received', dueAt: jst(11, 30, 0) }, now)).toBeUndefined();
  });

  it('does not mark a closed request or one without a due date', () => {
    for (const status of ['fulfilled', 'partially-fulfilled', 'refused', 'withdrawn', 'expired']) {
      expect(dueMark({ status, dueAt: jst(11, 20) }, now)).toBeUndefined();
      expect(dueState({ status, dueAt: jst(11, 20) }, now)).toBeUndefined();
    }
    expect(dueMark({ status: 'awaiting-verification' }, now)).toBeUndefined();
  });

  it('counts days left on Japan calendar days, as the API filters "due within"', () => {
    expect(japanDaysUntil(jst(11, 26, 23, 59), now)).toBe(0);
    expect(japanDaysUntil(jst(11, 27, 0, 0), now)).toBe(1);
    expect(japanDaysUntil(jst(11, 24, 17), now)).toBe(-2);
    expect(dueState({ status: 'received', dueAt: jst(11, 26, 17) }, now)).toEqual({ kind: 'today' });
    expect(dueState({ status: 'received', dueAt: jst(12, 1, 17) }, now)).toEqual({ kind: 'left', days: 5 });
    expect(dueState({ status: 'received', dueAt: jst(11, 24, 17) }, now)).toEqual({ kind: 'overdue', days: 2 });
    // Overdue since this morning: overdue, not "due today".
    expect(dueState({ status: 'received', dueAt: jst(11, 26, 9) }, now)).toEqual({ kind: 'overdue', days: 0 });
  });

  it('gives the day in Japan time', () => {
    expect(japanDate('2026-11-24T14:59:59.000Z')).toBe('2026-11-24');
    expect(japanDate('2026-11-24T15:00:00.000Z')).toBe('2026-11-25');
    expect(japanDate(undefined)).toBe('');
  });

  it('keeps the filters in the address and sends the search term only in the API call', () => {
    const route = { page: 'queue' as const, status: 'in-progress', assignee: 'me', due: '3' };
    expect(hrefOfDeskRoute(route)).toBe('#/?status=in-progress&assignee=me&due=3');
    expect(parseDeskRoute('#/?due=3&assignee=me&status=in-progress&q=hanako')).toEqual(route);
    expect(queueFiltersOf(new URLSearchParams('type=&status=refused'))).toEqual({ status: 'refused' });
    expect(queueQuery({ type: 'complaint', due: '0' }, '  山田  ')).toBe(
      `?type=complaint&dueWithinDays=0&q=${encodeURIComponent('山田').replace(/%20/g, '+')}`,
    );
    expect(queueQuery({}, ' ')).toBe('');
    expect(hrefOfDeskRoute({ page: 'queue' })).toBe('#/');
  });
});
