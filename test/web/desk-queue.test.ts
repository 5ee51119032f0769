// The queue's due-date marks and dates.
import { describe, expect, it } from 'vitest';
import { DUE_SOON_DAYS, dueMark, japanDate } from '../../web/src/desk/queue';

const now = new Date('2026-11-26T03:00:00.000Z');
const inDays = (days: number) => new Date(now.getTime() + days * 24 * 60 * 60 * 1000).toISOString();

describe('queue', () => {
  it('marks an open request overdue once its due time has passed', () => {
    expect(dueMark({ status: 'received', dueAt: inDays(-0.001) }, now)).toBe('overdue');
    expect(dueMark({ status: 'in-progress', dueAt: inDays(-30) }, now)).toBe('overdue');
  });

  it('marks an open request due soon within the desk policy of three days, and not after', () => {
    // Desk policy (not law): three days' warning before a request falls overdue.
    expect(DUE_SOON_DAYS).toBe(3);
    expect(dueMark({ status: 'received', dueAt: now.toISOString() }, now)).toBe('due-soon');
    expect(dueMark({ status: 'received', dueAt: inDays(DUE_SOON_DAYS) }, now)).toBe('due-soon');
    expect(dueMark({ status: 'received', dueAt: inDays(DUE_SOON_DAYS + 0.001) }, now)).toBeUndefined();
  });

  it('does not mark a closed request or one without a due date', () => {
    for (const status of ['fulfilled', 'partially-fulfilled', 'refused', 'withdrawn', 'expired'])
      expect(dueMark({ status, dueAt: inDays(-5) }, now)).toBeUndefined();
    expect(dueMark({ status: 'awaiting-verification' }, now)).toBeUndefined();
  });

  it('gives the day in Japan time', () => {
    expect(japanDate('2026-11-24T14:59:59.000Z')).toBe('2026-11-24');
    expect(japanDate('2026-11-24T15:00:00.000Z')).toBe('2026-11-25');
    expect(japanDate(undefined)).toBe('');
  });
});
