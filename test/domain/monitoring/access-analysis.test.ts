// Monitoring of staff access, pure: which hours a run analyses, what it flags, the e-mail it writes,
// and that a rerun or a run that lost the cursor to another alerts nothing twice.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import {
  accessAlertText,
  alertMessageId,
  analyseStaffAccess,
  findAccessAnomalies,
  hoursToAnalyse,
  MONITORING_MAX_HOURS_PER_RUN,
  MONITORING_MAX_LISTED_READS,
  MONITORING_MAX_SUBJECTS_PER_HOUR,
  MONITORING_SETTLE_MINUTES,
  type MonitoredAccess,
  type MonitoringCursor,
  type MonitoringStore,
  maxSubjectsPerHour,
  type RaisedAlert,
} from '../../../functions/domain/monitoring/access-analysis';
import type { AccessAlert } from '../../../functions/domain/monitoring/alerts';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import { DEMO_COMPANY, DEMO_HOURS } from '../../support/company';
import { FixedClock, jst } from '../doubles';

const HOUR_MS = 60 * 60 * 1000;
const subjects = (n: number, prefix = 'subj') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const read = (
  actor: string,
  at: Date,
  subjectIds: string[],
  overrides: Partial<MonitoredAccess> = {},
): MonitoredAccess => ({
  actor,
  role: 'operator',
  action: 'read',
  subjects: subjectIds,
  at: at.toISOString(),
  ...overrides,
});

describe('the desk policy constants', () => {
  it('flags more than 30 subjects an hour, waits 5 minutes after an hour, catches up a day per run, lists 20 reads', () => {
    expect(MONITORING_MAX_SUBJECTS_PER_HOUR).toBe(30);
    expect(MONITORING_SETTLE_MINUTES).toBe(5);
    expect(MONITORING_MAX_HOURS_PER_RUN).toBe(24);
    expect(MONITORING_MAX_LISTED_READS).toBe(20);
  });

  it('DESK_MONITOR_MAX_SUBJECTS_PER_HOUR sets the limit; unset is the default; nonsense is refused', () => {
    expect(maxSubjectsPerHour(undefined)).toBe(30);
    expect(maxSubjectsPerHour(' ')).toBe(30);
    expect(maxSubjectsPerHour('50')).toBe(50);
    for (const bad of ['0', '-1', '2.5', 'many'])
      expect(() => maxSubjectsPerHour(bad), bad).toThrow(/DESK_MONITOR_MAX_SUBJECTS_PER_HOUR/);
  });
});

describe('hoursToAnalyse', () => {
  it('first run: only the last hour that ended at least 5 minutes ago', () => {
    expect(hoursToAnalyse(undefined, jst(2026, 11, 10, 11, 5))).toEqual([jst(2026, 11, 10, 10)]);
    expect(hoursToAnalyse(undefined, jst(2026, 11, 10, 11, 4, 59))).toEqual([jst(2026, 11, 10, 9)]);
  });

  it('after the cursor: every closed hour, oldest first, never the cursor hour again', () => {
    const cursor = { analysedThrough: jst(2026, 11, 10, 7).toISOString() };
    expect(hoursToAnalyse(cursor, jst(2026, 11, 10, 11, 20))).toEqual([
      jst(2026, 11, 10, 8),
      jst(2026, 11, 10, 9),
      jst(2026, 11, 10, 10),
    ]);
    expect(hoursToAnalyse({ analysedThrough: jst(2026, 11, 10, 10).toISOString() }, jst(2026, 11, 10, 11, 50))).toEqual(
      [],
    );
  });

  it('property: consecutive runs cover every closed hour exactly once, however late or early they run', () => {
    const start = jst(2026, 11, 1).getTime();
    const steps = fc.array(fc.integer({ min: 0, max: 3 * 24 * 60 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(steps, (minutes) => {
        let cursor: MonitoringCursor | undefined = { analysedThrough: new Date(start).toISOString() };
        let now = start;
        const seen: number[] = [];
        for (const step of minutes) {
          now += step * 60_000;
          const hours = hoursToAnalyse(cursor, new Date(now));
          expect(hours.length).toBeLessThanOrEqual(MONITORING_MAX_HOURS_PER_RUN);
          for (const hour of hours) {
            expect(hour.getTime() + HOUR_MS + MONITORING_SETTLE_MINUTES * 60_000).toBeLessThanOrEqual(now);
            seen.push(hour.getTime());
          }
          if (hours.length > 0) cursor = { analysedThrough: hours.at(-1)!.toISOString() };
        }
        const expected = seen.map((_, i) => start + (i + 1) * HOUR_MS);
        expect(seen).toEqual(expected);
      }),
    );
  });
});

describe('findAccessAnomalies', () => {
  // Tuesday 10 November 2026, a desk day.
  const inHours = jst(2026, 11, 10, 10, 15);

  it('more than the limit of distinct subjects in an hour is flagged; the limit itself is not', () => {
    const entries = [
      read('op-a', inHours, subjects(20, 'a')),
      read('op-a', new Date(inHours.getTime() + 60_000), [...subjects(10, 'a'), 'extra']),
      read('op-b', inHours, subjects(30, 'b')),
      read('op-b', new Date(inHours.getTime() + 120_000), subjects(30, 'b')),
    ];
    expect(findAccessAnomalies(entries, 20, DEMO_HOURS)).toEqual([
      {
        kind: 'many-subjects',
        actor: 'op-a',
        roles: ['operator'],
        hour: jst(2026, 11, 10, 10).toISOString(),
        subjects: 21,
        subjectIds: [...subjects(20, 'a'), 'extra'],
      },
      {
        kind: 'many-subjects',
        actor: 'op-b',
        roles: ['operator'],
        hour: jst(2026, 11, 10, 10).toISOString(),
        subjects: 30,
        subjectIds: subjects(30, 'b'),
      },
    ]);
    expect(findAccessAnomalies(entries, 30, DEMO_HOURS)).toEqual([]);
  });

  it('counts per hour: the same reads spread over two hours are not flagged', () => {
    const entries = [
      read('op-a', jst(2026, 11, 10, 10, 59), subjects(20, 'x')),
      read('op-a', jst(2026, 11, 10, 11, 0), subjects(20, 'y')),
    ];
    expect(findAccessAnomalies(entries, 30, DEMO_HOURS)).toEqual([]);
  });

  it('reads outside desk hours: evenings, weekends, holidays, year-end; listed with time and subject ids', () => {
    const outside = [
      jst(2026, 11, 10, 8, 59), // before opening
      jst(2026, 11, 10, 17, 0), // closing time
      jst(2026, 11, 14, 11), // Saturday
      jst(2026, 11, 23, 11), // Labour Thanksgiving Day
      jst(2026, 12, 29, 11), // year-end holidays
    ];
    for (const at of outside) {
      expect(findAccessAnomalies([read('op-a', at, ['s-1', 's-2'])], 30, DEMO_HOURS), at.toISOString()).toEqual([
        {
          kind: 'outside-desk-hours',
          actor: 'op-a',
          roles: ['operator'],
          hour: new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS).toISOString(),
          reads: [{ at: at.toISOString(), subjects: ['s-1', 's-2'] }],
        },
      ]);
    }
    expect(findAccessAnomalies([read('op-a', jst(2026, 11, 10, 16, 59), ['s-1'])], 30, DEMO_HOURS)).toEqual([]);
  });

  it('writes and company systems are not counted: only reads by people', () => {
    const night = jst(2026, 11, 10, 23);
    expect(
      findAccessAnomalies(
        [
          read('op-a', night, ['s-1'], { action: 'write' }),
          read('arn:aws:iam::1:role/payroll', night, subjects(100), { role: 'system' }),
        ],
        30,
        DEMO_HOURS,
      ),
    ).toEqual([]);
  });

  it('one person in two roles in an hour (a role change) is one finding naming both', () => {
    const night = jst(2026, 11, 10, 23);
    const [finding] = findAccessAnomalies(
      [read('p', night, ['s-1']), read('p', new Date(night.getTime() + 1000), ['s-2'], { role: 'officer' })],
      30,
      DEMO_HOURS,
    );
    expect(finding).toMatchObject({ kind: 'outside-desk-hours', roles: ['officer', 'operator'] });
  });
});

describe('the alert e-mail', () => {
  const from = jst(2026, 11, 10, 22);
  const findings = findAccessAnomalies(
    [
      read('op-night', jst(2026, 11, 10, 22, 10), ['subj-1', 'subj-2']),
      ...subjects(25).map((s, i) => read('op-bulk', new Date(jst(2026, 11, 10, 22, 20).getTime() + i * 1000), [s])),
    ],
    20,
    DEMO_HOURS,
  );

  it('is bilingual, names staff ids, roles, times and subject ids, and says where to look', () => {
    const { subject, text } = accessAlertText(findings, from, new Date(from.getTime() + HOUR_MS), 20, DEMO_COMPANY);
    expect(subject).toContain('アクセス監視');
    expect(subject).toContain('Access monitoring');
    expect(text).toContain('op-night (operator)');
    expect(text).toContain('subj-1, subj-2');
    expect(text).toContain('25人分');
    expect(text).toContain('read the data of 25 people');
    expect(text).toContain('デスクの画面の「アクセスログ」');
    expect(text).toContain('the access log in the desk console');
    expect(text).toMatch(/22:10/);
  });

  it('lists at most 20 reads per person and hour, then says how many more', () => {
    const many = findAccessAnomalies(
      subjects(23).map((s, i) => read('op-x', new Date(jst(2026, 11, 10, 22).getTime() + i * 1000), [s])),
      30,
      DEMO_HOURS,
    );
    const { text } = accessAlertText(many, from, new Date(from.getTime() + HOUR_MS), 30, DEMO_COMPANY);
    expect(text).toContain('ほか3件');
    expect(text).toContain('and 3 more');
    expect(text).not.toContain('subj-22');
  });
});

class MemoryStore implements MonitoringStore {
  state: MonitoringCursor | undefined;
  alerts: OutboxMessage[] = [];
  records: AccessAlert[] = [];
  /** Runs before the conditional write: lets a test move the cursor under a run. */
  beforeAdvance?: () => void;
  constructor(cursor?: MonitoringCursor) {
    this.state = cursor;
  }
  async cursor() {
    return this.state;
  }
  async advance(previous: MonitoringCursor | undefined, analysedThrough: string, alert: RaisedAlert | undefined) {
    const hook = this.beforeAdvance;
    this.beforeAdvance = undefined;
    hook?.();
    if (this.state?.analysedThrough !== previous?.analysedThrough) throw new StaleWriteError();
    if (alert && this.alerts.some((a) => a.messageId === alert.message.messageId)) throw new StaleWriteError();
    this.state = { analysedThrough };
    if (alert) {
      this.alerts.push(alert.message);
      this.records.push(alert.record);
    }
  }
}

describe('analyseStaffAccess', () => {
  const entries = [read('op-night', jst(2026, 11, 10, 20, 30), ['subj-9'])];
  const log = {
    entriesBetween: async (from: Date, to: Date) =>
      entries.filter((e) => e.at >= from.toISOString() && e.at < to.toISOString()),
  };
  const deps = (store: MonitoringStore, clock: FixedClock) => ({
    log,
    store,
    clock,
    company: DEMO_COMPANY,
    officerEmail: 'officer@desk.example.jp',
    maxSubjectsPerHour: 30,
  });

  it('a late run catches up on every hour since the cursor and alerts once; a rerun alerts nothing', async () => {
    const store = new MemoryStore({ analysedThrough: jst(2026, 11, 10, 17).toISOString() });
    const clock = new FixedClock(jst(2026, 11, 11, 1, 10));
    const tally = await analyseStaffAccess(deps(store, clock));
    expect(tally).toEqual({
      hours: 7,
      findings: 1,
      alert: alertMessageId(jst(2026, 11, 10, 18)),
      alertId: 'alert-20261110T09Z',
    });
    expect(store.state).toEqual({ analysedThrough: jst(2026, 11, 11, 0).toISOString() });
    expect(store.alerts).toHaveLength(1);
    expect(store.alerts[0]).toMatchObject({ to: ['officer@desk.example.jp'], topic: 'access-monitoring' });
    // The record kept with it: the facts of the e-mail, by staff and subject ids, raised at the run.
    expect(store.records).toEqual([
      {
        alertId: 'alert-20261110T09Z',
        raisedAt: jst(2026, 11, 11, 1, 10).toISOString(),
        from: jst(2026, 11, 10, 18).toISOString(),
        to: jst(2026, 11, 11, 1).toISOString(),
        limit: 30,
        messageId: alertMessageId(jst(2026, 11, 10, 18)),
        findings: [
          {
            kind: 'outside-desk-hours',
            actor: 'op-night',
            roles: ['operator'],
            hour: jst(2026, 11, 10, 20).toISOString(),
            subjectCount: 1,
            subjects: ['subj-9'],
            reads: 1,
          },
        ],
        findingCount: 1,
        subjects: ['subj-9'],
        subjectCount: 1,
      },
    ]);
    expect(await analyseStaffAccess(deps(store, clock))).toEqual({ hours: 0, findings: 0 });
    expect(store.alerts).toHaveLength(1);
  });

  it('a run that lost the cursor to an overlapping run re-reads it and alerts nothing twice', async () => {
    const store = new MemoryStore({ analysedThrough: jst(2026, 11, 10, 19).toISOString() });
    const clock = new FixedClock(jst(2026, 11, 10, 21, 10));
    store.beforeAdvance = () => {
      store.state = { analysedThrough: jst(2026, 11, 10, 20).toISOString() };
      store.alerts.push({ messageId: alertMessageId(jst(2026, 11, 10, 20)) } as OutboxMessage);
    };
    expect(await analyseStaffAccess(deps(store, clock))).toEqual({ hours: 0, findings: 0 });
    expect(store.alerts).toHaveLength(1);
  });

  it('hours without findings still move the cursor, with no e-mail', async () => {
    const store = new MemoryStore({ analysedThrough: jst(2026, 11, 10, 8).toISOString() });
    expect(await analyseStaffAccess(deps(store, new FixedClock(jst(2026, 11, 10, 12, 30))))).toEqual({
      hours: 3,
      findings: 0,
    });
    expect(store.state).toEqual({ analysedThrough: jst(2026, 11, 10, 11).toISOString() });
    expect(store.alerts).toEqual([]);
  });
});
