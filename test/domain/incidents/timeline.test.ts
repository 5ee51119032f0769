// An incident's timeline, pure: the Japan days a page reads (from today, or before a day, back to
// the incident's first day, a month at a time), and the entries merged newest first.
import { describe, expect, it } from 'vitest';
import type { ListedAccessLogEntry } from '../../../functions/domain/access-log/ports';
import type { Incident } from '../../../functions/domain/incidents/incident';
import {
  dayBefore,
  INCIDENT_TIMELINE_DAYS_PER_PAGE,
  incidentTimeline,
  timelineDays,
} from '../../../functions/domain/incidents/timeline';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { FixedClock, jst } from '../doubles';

describe('timelineDays', () => {
  it('reads a month of days a page', () => expect(INCIDENT_TIMELINE_DAYS_PER_PAGE).toBe(31));

  it('from today back to the first day, across a month and a year end', () => {
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(timelineDays('2026-12-30', '2027-01-02', undefined)).toEqual([
      '2027-01-02',
      '2027-01-01',
      '2026-12-31',
      '2026-12-30',
    ]);
  });

  it('at most 31 days, continued before the oldest; nothing before the first day; a future before is today', () => {
    const first = timelineDays('2026-10-01', '2026-12-07', undefined);
    expect(first).toHaveLength(31);
    expect(first[0]).toBe('2026-12-07');
    expect(first.at(-1)).toBe('2026-11-07');
    expect(timelineDays('2026-10-01', '2026-12-07', '2026-11-07')[0]).toBe('2026-11-06');
    expect(timelineDays('2026-10-01', '2026-12-07', '2026-10-01')).toEqual([]);
    expect(timelineDays('2026-12-01', '2026-12-07', '2027-06-01')[0]).toBe('2026-12-07');
  });
});

describe('incidentTimeline', () => {
  const entry = (at: Date, seq: number): ListedAccessLogEntry => ({
    chainId: 'chain-1',
    seq,
    actor: 'officer-1',
    role: 'officer',
    action: 'write',
    subjects: [],
    fields: ['incidents'],
    reason: 'incident',
    sourceIp: '203.0.113.1',
    at: at.toISOString(),
    incidentId: 'INC-2026-11-01-7KQ2MX',
    incidentVersion: seq,
  });
  // Registered on 1 November (Japan); read on 2 and 20 November and on 7 December.
  const byDay = new Map([
    ['2026-11-01', [entry(jst(2026, 11, 1, 9), 1)]],
    ['2026-11-20', [entry(jst(2026, 11, 20, 10), 2)]],
    ['2026-12-07', [entry(jst(2026, 12, 7, 8), 4), entry(jst(2026, 12, 7, 11), 5)]],
  ]);
  const read: string[] = [];
  const deps = {
    incidents: {
      get: async (id: string) =>
        id === 'INC-2026-11-01-7KQ2MX' ? ({ createdAt: jst(2026, 11, 1, 9).toISOString() } as Incident) : undefined,
    },
    search: {
      incidentEntries: async (day: string) => {
        read.push(day);
        return byDay.get(day) ?? [];
      },
    },
    clock: new FixedClock(jst(2026, 12, 7, 12)),
  };

  it('pages from today back to the day it was registered, newest first, then stops', async () => {
    const page = await incidentTimeline(deps, 'INC-2026-11-01-7KQ2MX', undefined);
    expect(page).toMatchObject({ from: '2026-11-07', to: '2026-12-07', nextBefore: '2026-11-07' });
    expect(page.items.map((e) => e.incidentVersion)).toEqual([5, 4, 2]);
    expect(read).toHaveLength(31);
    const older = await incidentTimeline(deps, 'INC-2026-11-01-7KQ2MX', page.nextBefore);
    expect(older).toEqual({
      incidentId: 'INC-2026-11-01-7KQ2MX',
      from: '2026-11-01',
      to: '2026-11-06',
      items: [byDay.get('2026-11-01')![0]],
    });
    expect(read).toHaveLength(37);
  });

  it('an incident not in the register: 404 naming incidentId, nothing read', async () => {
    const before = read.length;
    const problem = await incidentTimeline(deps, 'INC-2026-11-01-AAAAAA', undefined).catch((e) => e);
    expect(problem).toBeInstanceOf(DeskProblem);
    expect(problem).toMatchObject({ kind: 'not-found', errors: [{ field: 'incidentId' }] });
    expect(read).toHaveLength(before);
  });
});
