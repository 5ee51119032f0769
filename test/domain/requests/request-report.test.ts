// The desk report as a use case: nearest-rank percentiles, desk days counted as due dates are, and
// the figures of a seeded set exactly; the range and its default; overdue open requests.

import { describe, expect, it } from 'vitest';
import type { RequestStatus } from '../../../functions/domain/requests/request';
import {
  type CreatedRange,
  deskDaysBetween,
  nearestRank,
  REPORT_DEFAULT_DAYS,
  type ReportedRequest,
  type RequestReportReader,
  reportRange,
  requestReport,
  type UndeliverableMessage,
} from '../../../functions/domain/requests/request-report';
import type { StaffActor } from '../../../functions/domain/staff';
import { DEMO_HOURS } from '../../support/company';
import { FixedClock, jst, problemOf, RecordingAccessLog } from '../doubles';
import { incidentAt } from '../incidents/fixture';

class ArrayReportReader implements RequestReportReader {
  readonly ranges: Array<{ status: RequestStatus; range: CreatedRange | undefined }> = [];
  constructor(private readonly items: ReportedRequest[]) {}
  async byStatus(status: RequestStatus, range: CreatedRange | undefined): Promise<ReportedRequest[]> {
    this.ranges.push({ status, range });
    return this.items.filter(
      (r) =>
        r.status === status &&
        (!range || (r.createdAt >= range.from.toISOString() && r.createdAt <= range.to.toISOString())),
    );
  }
}

const noneSetAside = { undeliverable: async (): Promise<UndeliverableMessage[]> => [] };
const noHolders = { unfinishedAtHolders: async () => [] };
const noIncidents = () => ({
  incidents: { list: async () => [] },
  audits: { allFindings: async () => [] },
  accessLog: new RecordingAccessLog(),
});
const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.9' };

const HOUR = 60 * 60 * 1000;
const hoursAfter = (start: Date, hours: number) => new Date(start.getTime() + hours * HOUR).toISOString();

describe('nearestRank', () => {
  it('is the ceil(p/100 × n)-th smallest observation', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(nearestRank(twenty, 50)).toBe(10);
    expect(nearestRank(twenty, 95)).toBe(19);
    const twentyOne = Array.from({ length: 21 }, (_, i) => i + 1);
    expect(nearestRank(twentyOne, 50)).toBe(11);
    expect(nearestRank(twentyOne, 95)).toBe(20);
  });

  it('of one value is that value, and of none is nothing', () => {
    expect(nearestRank([7], 50)).toBe(7);
    expect(nearestRank([7], 95)).toBe(7);
    expect(nearestRank([], 50)).toBeUndefined();
  });

  it('of an even count is the lower middle, always an observed value', () => {
    expect(nearestRank([4, 1, 3, 2], 50)).toBe(2);
  });
});

describe('deskDaysBetween', () => {
  it('is 0 within the same desk day', () => {
    expect(deskDaysBetween(jst(2026, 11, 9, 10), jst(2026, 11, 9, 16, 59), DEMO_HOURS)).toBe(0);
  });

  it('counts desk days as due dates do: Friday to the next Friday across the September holidays is 2', () => {
    expect(deskDaysBetween(jst(2026, 9, 18, 16), jst(2026, 9, 24, 17), DEMO_HOURS)).toBe(1);
    expect(deskDaysBetween(jst(2026, 9, 18, 16), jst(2026, 9, 25, 10), DEMO_HOURS)).toBe(2);
  });

  it('a request that arrived on Saturday and was decided at the next opening took 0 desk days', () => {
    expect(deskDaysBetween(jst(2026, 9, 19, 11), jst(2026, 9, 24, 9, 30), DEMO_HOURS)).toBe(0);
  });
});

describe('reportRange', () => {
  const now = new Date('2026-11-20T03:00:00.000Z');

  it('defaults to the last 90 days (desk policy)', () => {
    expect(REPORT_DEFAULT_DAYS).toBe(90);
    expect(reportRange(now, {})).toEqual({ from: new Date('2026-08-22T03:00:00.000Z'), to: now });
  });

  it('takes whole Japan calendar days', () => {
    expect(reportRange(now, { from: '2026-11-01', to: '2026-11-10' })).toEqual({
      from: new Date('2026-10-31T15:00:00.000Z'),
      to: new Date('2026-11-10T14:59:59.999Z'),
    });
  });

  it('refuses a range that ends before it starts', async () => {
    const problem = await problemOf(
      Promise.resolve().then(() => reportRange(now, { from: '2026-11-10', to: '2026-11-01' })),
    );
    expect(problem.kind).toBe('unprocessable');
  });
});

describe('requestReport on a seeded set', () => {
  const NOW = jst(2026, 11, 20, 12);
  // Five decisions, all received Monday 9 November 2026, 10:00 JST.
  const monday = jst(2026, 11, 9, 10);
  const decided = (requestId: string, type: string, status: RequestStatus, hours: number): ReportedRequest => ({
    requestId,
    type,
    status,
    createdAt: hoursAfter(monday, -0.1),
    receivedAt: monday.toISOString(),
    dueAt: jst(2026, 11, 20, 17).toISOString(),
    decidedAt: hoursAfter(monday, hours),
  });
  const seeded: ReportedRequest[] = [
    decided('d-2h', 'disclosure', 'fulfilled', 2),
    decided('d-5h', 'disclosure', 'refused', 5),
    decided('d-26h', 'correction', 'fulfilled', 26),
    decided('d-50h', 'disclosure', 'partially-fulfilled', 50),
    decided('d-100h', 'complaint', 'fulfilled', 100),
    {
      requestId: 'open-on-time',
      type: 'disclosure',
      status: 'received',
      createdAt: '2026-11-18T01:00:00.000Z',
      receivedAt: '2026-11-18T01:00:00.000Z',
      dueAt: jst(2026, 12, 2, 17).toISOString(),
    },
    {
      requestId: 'open-late',
      type: 'correction',
      status: 'in-progress',
      createdAt: '2026-11-02T01:00:00.000Z',
      receivedAt: '2026-11-02T01:00:00.000Z',
      dueAt: jst(2026, 11, 16, 17).toISOString(),
    },
    // Made 120 days ago: outside the default range, but an overdue open request is always listed.
    {
      requestId: 'open-ancient',
      type: 'complaint',
      status: 'received',
      createdAt: '2026-07-23T01:00:00.000Z',
      receivedAt: '2026-07-23T01:00:00.000Z',
      dueAt: jst(2026, 8, 5, 17).toISOString(),
    },
    {
      requestId: 'old-decided',
      type: 'disclosure',
      status: 'fulfilled',
      createdAt: '2026-07-01T01:00:00.000Z',
      receivedAt: '2026-07-01T01:00:00.000Z',
      dueAt: '2026-07-15T08:00:00.000Z',
      decidedAt: '2026-07-30T01:00:00.000Z',
    },
    {
      requestId: 'unverified',
      type: 'disclosure',
      status: 'awaiting-verification',
      createdAt: '2026-11-19T01:00:00.000Z',
    },
  ];

  it('counts by type and status, the requests made within the range', async () => {
    const report = await requestReport(
      {
        requests: new ArrayReportReader(seeded),
        outbox: noneSetAside,
        holders: noHolders,
        ...noIncidents(),
        clock: new FixedClock(NOW),
        deskHours: DEMO_HOURS,
      },
      {},
      OFFICER,
    );
    expect(report.counts.total).toBe(8);
    expect(report.counts.byType).toEqual({ disclosure: 5, correction: 2, complaint: 1 });
    expect(report.counts.byStatus).toEqual({
      fulfilled: 3,
      refused: 1,
      'partially-fulfilled': 1,
      received: 1,
      'in-progress': 1,
      'awaiting-verification': 1,
    });
    expect(report.counts.byTypeAndStatus).toEqual([
      { type: 'complaint', status: 'fulfilled', count: 1 },
      { type: 'correction', status: 'in-progress', count: 1 },
      { type: 'correction', status: 'fulfilled', count: 1 },
      { type: 'disclosure', status: 'awaiting-verification', count: 1 },
      { type: 'disclosure', status: 'received', count: 1 },
      { type: 'disclosure', status: 'fulfilled', count: 1 },
      { type: 'disclosure', status: 'partially-fulfilled', count: 1 },
      { type: 'disclosure', status: 'refused', count: 1 },
    ]);
  });

  it('gives the nearest-rank median and 95th percentile of time to decision, in hours and desk days', async () => {
    const report = await requestReport(
      {
        requests: new ArrayReportReader(seeded),
        outbox: noneSetAside,
        holders: noHolders,
        ...noIncidents(),
        clock: new FixedClock(NOW),
        deskHours: DEMO_HOURS,
      },
      {},
      OFFICER,
    );
    // Hours 2, 5, 26, 50, 100: median the 3rd, p95 the 5th. Desk days 0, 0, 1, 2, 4 (Mon to Fri 14:00 is 4).
    expect(report.timeToDecision).toEqual({
      decided: 5,
      medianHours: 26,
      p95Hours: 100,
      medianDeskDays: 1,
      p95DeskDays: 4,
    });
  });

  it('lists the overdue open requests, most overdue first, with calendar days overdue and no personal data', async () => {
    const report = await requestReport(
      {
        requests: new ArrayReportReader(seeded),
        outbox: noneSetAside,
        holders: noHolders,
        ...noIncidents(),
        clock: new FixedClock(NOW),
        deskHours: DEMO_HOURS,
      },
      {},
      OFFICER,
    );
    expect(report.overdue).toEqual([
      {
        requestId: 'open-ancient',
        type: 'complaint',
        status: 'received',
        dueAt: jst(2026, 8, 5, 17).toISOString(),
        daysOverdue: 107,
      },
      {
        requestId: 'open-late',
        type: 'correction',
        status: 'in-progress',
        dueAt: jst(2026, 11, 16, 17).toISOString(),
        daysOverdue: 4,
      },
    ]);
  });

  it('reads open statuses whole and the others within the range', async () => {
    const reader = new ArrayReportReader(seeded);
    const report = await requestReport(
      {
        requests: reader,
        outbox: noneSetAside,
        holders: noHolders,
        ...noIncidents(),
        clock: new FixedClock(NOW),
        deskHours: DEMO_HOURS,
      },
      { from: '2026-07-01', to: '2026-07-31' },
      OFFICER,
    );
    for (const { status, range } of reader.ranges) {
      expect(range, status).toEqual(
        status === 'received' || status === 'in-progress'
          ? undefined
          : { from: jst(2026, 7, 1), to: new Date(jst(2026, 8, 1).getTime() - 1) },
      );
    }
    expect(report.counts).toMatchObject({ total: 2, byType: { disclosure: 1, complaint: 1 } });
    expect(report.timeToDecision).toMatchObject({ decided: 1, medianHours: 696, p95Hours: 696 });
  });

  it('has no figures for time to decision when nothing was decided', async () => {
    const report = await requestReport(
      {
        requests: new ArrayReportReader([]),
        outbox: noneSetAside,
        holders: noHolders,
        ...noIncidents(),
        clock: new FixedClock(NOW),
        deskHours: DEMO_HOURS,
      },
      {},
      OFFICER,
    );
    expect(report.timeToDecision).toEqual({
      decided: 0,
      medianHours: null,
      p95Hours: null,
      medianDeskDays: null,
      p95DeskDays: null,
    });
    expect(report.overdue).toEqual([]);
  });

  it('lists the e-mails set aside as undeliverable, oldest first, by kind, request, time and attempts; no address or body', async () => {
    const setAside: UndeliverableMessage[] = [
      {
        messageId: 'm2',
        topic: 'decision-fulfilled',
        requestId: 'req-2',
        createdAt: '2026-11-18T01:00:00.000Z',
        setAsideAt: '2026-11-18T02:00:00.000Z',
        attempts: 12,
        lastError: 'MessageRejected',
      },
      {
        messageId: 'm1',
        topic: 'staff-account',
        createdAt: '2026-11-17T01:00:00.000Z',
        attempts: 0,
        lastError: 'SendOutcomeUnknown',
      },
    ];
    const report = await requestReport(
      {
        requests: new ArrayReportReader([]),
        outbox: { undeliverable: async () => setAside },
        holders: noHolders,
        ...noIncidents(),
        clock: new FixedClock(NOW),
        deskHours: DEMO_HOURS,
      },
      {},
      OFFICER,
    );
    expect(report.undeliverable).toEqual([
      {
        messageId: 'm1',
        kind: 'staff-account',
        requestId: null,
        createdAt: '2026-11-17T01:00:00.000Z',
        setAsideAt: null,
        attempts: 0,
        reason: 'SendOutcomeUnknown',
      },
      {
        messageId: 'm2',
        kind: 'decision-fulfilled',
        requestId: 'req-2',
        createdAt: '2026-11-18T01:00:00.000Z',
        setAsideAt: '2026-11-18T02:00:00.000Z',
        attempts: 12,
        reason: 'MessageRejected',
      },
    ]);
  });

  it('lists decided requests past due whose holders have not all finished, most overdue first', async () => {
    const holders = {
      unfinishedAtHolders: async () => [
        { requestId: 'req-late', type: 'cessation-of-use', dueAt: '2026-11-18T08:00:00.000Z', unfinished: 2 },
        { requestId: 'req-later', type: 'disclosure', dueAt: '2026-11-10T08:00:00.000Z', unfinished: 1 },
        { requestId: 'req-not-due', type: 'correction', dueAt: '2099-01-01T00:00:00.000Z', unfinished: 1 },
      ],
    };
    const report = await requestReport(
      {
        requests: new ArrayReportReader([]),
        outbox: noneSetAside,
        holders,
        ...noIncidents(),
        clock: new FixedClock(NOW),
        deskHours: DEMO_HOURS,
      },
      {},
      OFFICER,
    );
    expect(report.overdueAtHolders.map((r) => [r.requestId, r.holdersNotFinished])).toEqual([
      ['req-later', 1],
      ['req-late', 2],
    ]);
    expect(report.overdueAtHolders[0]!.daysOverdue).toBeGreaterThan(0);
  });

  it('lists the reports to the PPC past due with no submission recorded, most overdue first, and logs the read of the register', async () => {
    // Aware on Monday 2 November 2026: the final report is due at the end of 1 December (day 30).
    const aware = jst(2026, 11, 2, 10);
    const submitted = {
      kind: 'preliminary' as const,
      submittedAt: aware.toISOString(),
      receiptReference: 'PPC-1',
      recordedBy: 'officer',
      recordedAt: aware.toISOString(),
      fromVersion: 1,
    };
    const incidents = [
      incidentAt('INC-B', aware),
      incidentAt('INC-A', aware, undefined, { reports: { preliminary: submitted } }),
      incidentAt('INC-NOT-REPORTABLE', aware, {}),
      incidentAt('INC-CLOSED', aware, undefined, { state: 'closed' }),
      incidentAt('INC-RECENT', jst(2026, 11, 19, 10)),
    ];
    const accessLog = new RecordingAccessLog();
    const report = await requestReport(
      {
        requests: new ArrayReportReader([]),
        outbox: noneSetAside,
        holders: noHolders,
        incidents: { list: async () => incidents },
        audits: { allFindings: async () => [] },
        accessLog,
        clock: new FixedClock(new Date('2026-12-03T03:00:00.000Z')),
        deskHours: DEMO_HOURS,
      },
      {},
      OFFICER,
    );
    expect(report.overdueIncidentReports).toEqual([
      // 3 November is Culture Day: the third desk day after the 2nd is Friday the 6th.
      { incidentId: 'INC-B', report: 'preliminary', dueAt: '2026-11-06T14:59:59.999Z', daysOverdue: 27 },
      // Aware Thursday 19 November: the 23rd is a holiday, so the third desk day is Wednesday the 25th.
      { incidentId: 'INC-RECENT', report: 'preliminary', dueAt: '2026-11-25T14:59:59.999Z', daysOverdue: 8 },
      { incidentId: 'INC-A', report: 'final', dueAt: '2026-12-01T14:59:59.999Z', daysOverdue: 2 },
      { incidentId: 'INC-B', report: 'final', dueAt: '2026-12-01T14:59:59.999Z', daysOverdue: 2 },
    ]);
    expect(accessLog.entries).toEqual([
      expect.objectContaining({ actor: 'staff-officer-1', action: 'read', subjects: [], fields: ['incidents'] }),
    ]);
  });

  it('lists corrective actions of audits not done by the end of their due day, most overdue first', async () => {
    const finding = (findingId: string, dueOn: string, status: 'open' | 'in-progress' | 'done') => ({
      auditId: 'AUD-2026-11-01-ABC123',
      findingId,
      version: 1,
      itemId: 'human-training',
      description: 'Training lapsed.',
      action: { description: 'Train.', owner: 'operator', dueOn, status },
      raisedBy: 'auditor',
      raisedAt: '2026-11-01T01:00:00.000Z',
    });
    const report = await requestReport(
      {
        requests: new ArrayReportReader([]),
        outbox: noneSetAside,
        holders: noHolders,
        incidents: { list: async () => [] },
        deskHours: DEMO_HOURS,
        audits: {
          allFindings: async () => [
            finding('F-LATER0', '2026-12-02', 'in-progress'),
            finding('F-EARLY0', '2026-11-20', 'open'),
            finding('F-DONE00', '2026-11-01', 'done'),
            // Due today in Japan (12:00 JST): not overdue until the day ends.
            finding('F-TODAY0', '2026-12-03', 'open'),
          ],
        },
        accessLog: new RecordingAccessLog(),
        clock: new FixedClock(new Date('2026-12-03T03:00:00.000Z')),
      },
      {},
      OFFICER,
    );
    expect(report.overdueCorrectiveActions).toEqual([
      {
        auditId: 'AUD-2026-11-01-ABC123',
        findingId: 'F-EARLY0',
        owner: 'operator',
        dueOn: '2026-11-20',
        daysOverdue: 13,
      },
      {
        auditId: 'AUD-2026-11-01-ABC123',
        findingId: 'F-LATER0',
        owner: 'operator',
        dueOn: '2026-12-02',
        daysOverdue: 1,
      },
    ]);
  });
});
