// GET /v1/staff/reports/requests against DynamoDB Local: for the officer and the auditor only, the
// figures of a seeded set of requests exactly, the range, and no personal data in the answer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoIncidents } from '../../functions/adapters/incident-repository';
import type { DeskRequest, RequestStatus } from '../../functions/domain/requests/request';
import { handler } from '../../functions/handlers/get-request-report';
import { seedDemoStaff } from '../../local/seed';
import { incidentAt } from '../domain/incidents/fixture';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putItem, scanAll, staffClaims } from '../support/requests';

let prefix: string;
const run = randomUUID().slice(0, 8);
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const NOW = Date.now();
const iso = (ms: number) => new Date(ms).toISOString();

function seeded(
  requestId: string,
  type: string,
  status: RequestStatus,
  createdDaysAgo: number,
  extra: Partial<DeskRequest> = {},
): DeskRequest {
  const createdAt = iso(NOW - createdDaysAgo * DAY_MS);
  return {
    requestId: `${requestId}-${run}`,
    type,
    status,
    requester: { kind: 'self', name: '山田 花子', email: `hanako.${run}@example.jp` },
    subject: { email: `hanako.${run}@example.jp`, name: '山田 花子' },
    language: 'ja',
    createdAt,
    ...(status === 'awaiting-verification'
      ? {}
      : { receivedAt: createdAt, dueAt: iso(NOW - createdDaysAgo * DAY_MS + 14 * DAY_MS) }),
    history: [{ at: createdAt, event: 'submitted' }],
    version: 2,
    ...extra,
  };
}

function decided(
  requestId: string,
  type: string,
  status: 'fulfilled' | 'refused' | 'partially-fulfilled',
  createdDaysAgo: number,
  hours: number,
): DeskRequest {
  const request = seeded(requestId, type, status, createdDaysAgo);
  const decidedAt = iso(Date.parse(request.receivedAt!) + hours * HOUR_MS);
  return {
    ...request,
    decision: { outcome: status, grounds: [], decidedAt, decidedBy: 'operator' },
    expiresAt: Math.floor(NOW / 1000) + 3600,
  };
}

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  const items = [
    decided('d1', 'disclosure', 'fulfilled', 30, 3),
    decided('d2', 'disclosure', 'refused', 20, 48),
    decided('d3', 'disclosure', 'fulfilled', 10, 24),
    decided('d4', 'correction', 'partially-fulfilled', 5, 100),
    seeded('open', 'disclosure', 'received', 2),
    // Overdue by 5 days and 23 hours: a started day counts, so 6.
    seeded('late', 'correction', 'in-progress', 20, { dueAt: iso(NOW - 6 * DAY_MS + HOUR_MS) }),
    // Made 200 days ago: outside the default range; still listed as overdue.
    seeded('ancient', 'disclosure', 'received', 200, { dueAt: iso(NOW - 186 * DAY_MS + HOUR_MS) }),
    seeded('old-closed', 'disclosure', 'fulfilled', 200),
    // Past its expiresAt: never served, even before TTL removes it.
    seeded('expired', 'disclosure', 'fulfilled', 3, { expiresAt: Math.floor(NOW / 1000) - 60 }),
  ];
  for (const item of items) await putItem('requests', item);
  // A decision e-mail the desk gave up on, and one that went out.
  await putItem('outbox', {
    messageId: `lost-${run}`,
    to: [`hanako.${run}@example.jp`],
    subject: '山田 花子 様',
    text: 'ご請求への回答',
    createdAt: iso(NOW - DAY_MS),
    topic: 'decision-fulfilled',
    requestId: `d1-${run}`,
    outboxState: 'undeliverable',
    attempts: 12,
    lastError: 'MessageRejected',
    setAsideAt: iso(NOW - DAY_MS + HOUR_MS),
  });
  await putItem('outbox', {
    messageId: `sent-${run}`,
    to: [`hanako.${run}@example.jp`],
    subject: 's',
    text: 't',
    createdAt: iso(NOW - DAY_MS),
    topic: 'decision-refused',
    outboxState: 'sent',
    attempts: 1,
  });
});

afterAll(() => dropTables(prefix));

const report = (claims: Record<string, string>, query?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path: '/v1/staff/reports/requests',
    resource: '/v1/staff/reports/requests',
    claims,
    ...(query ? { query } : {}),
  });

describe('get-request-report', () => {
  it('refuses an operator: 403', async () => {
    expectProblem(await report(staffClaims('operator')), 403);
  });

  it('gives the officer the figures of the seeded requests, without personal data', async () => {
    const result = await report(staffClaims('officer'));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const body = result.json;
    expect(body.counts).toEqual({
      total: 6,
      byType: { disclosure: 4, correction: 2 },
      byStatus: { fulfilled: 2, refused: 1, 'partially-fulfilled': 1, received: 1, 'in-progress': 1 },
      byTypeAndStatus: [
        { type: 'correction', status: 'in-progress', count: 1 },
        { type: 'correction', status: 'partially-fulfilled', count: 1 },
        { type: 'disclosure', status: 'received', count: 1 },
        { type: 'disclosure', status: 'fulfilled', count: 2 },
        { type: 'disclosure', status: 'refused', count: 1 },
      ],
    });
    // Hours 3, 24, 48, 100: nearest-rank median is the 2nd, the 95th percentile the 4th.
    expect(body.timeToDecision).toMatchObject({ decided: 4, medianHours: 24, p95Hours: 100 });
    expect(body.timeToDecision.medianDeskDays).toEqual(expect.any(Number));
    expect(body.timeToDecision.p95DeskDays).toBeGreaterThanOrEqual(body.timeToDecision.medianDeskDays);
    expect(body.overdue.map((o: { requestId: string }) => o.requestId)).toEqual([`ancient-${run}`, `late-${run}`]);
    expect(body.overdue[1]).toEqual({
      requestId: `late-${run}`,
      type: 'correction',
      status: 'in-progress',
      dueAt: iso(NOW - 6 * DAY_MS + HOUR_MS),
      daysOverdue: 6,
    });
    expect(body.overdue[0].daysOverdue).toBe(186);
    expect(JSON.stringify(body)).not.toMatch(/hanako|山田|requester|subject/);
  });

  it('answers the auditor too, and takes a range of Japan calendar days', async () => {
    const day = (daysAgo: number) => new Date(NOW - daysAgo * DAY_MS + 9 * HOUR_MS).toISOString().slice(0, 10);
    const result = await report(staffClaims('auditor'), { from: day(201), to: day(199) });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.counts.total).toBe(2);
    expect(result.json.counts.byStatus).toEqual({ received: 1, fulfilled: 1 });
    expect(result.json.timeToDecision).toEqual({
      decided: 0,
      medianHours: null,
      p95Hours: null,
      medianDeskDays: null,
      p95DeskDays: null,
    });
  });

  it('refuses a range ending before it starts (400 naming to; 422 when to is the default now), and a malformed date with 400', async () => {
    const reversed = await report(staffClaims('officer'), { from: '2026-11-10', to: '2026-11-01' });
    expectProblem(reversed, 400);
    expect(reversed.json.errors).toEqual([{ field: 'query.to', message: 'must be on or after from (2026-11-10)' }]);
    expectProblem(await report(staffClaims('officer'), { from: '2999-01-01' }), 422);
    expectProblem(await report(staffClaims('officer'), { from: '10 November' }), 400);
  });

  it('lists the e-mails set aside as undeliverable: kind, request, when, attempts and reason, never the address or the text', async () => {
    const result = await report(staffClaims('officer'));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.undeliverable).toEqual([
      {
        messageId: `lost-${run}`,
        kind: 'decision-fulfilled',
        requestId: `d1-${run}`,
        createdAt: iso(NOW - DAY_MS),
        setAsideAt: iso(NOW - DAY_MS + HOUR_MS),
        attempts: 12,
        reason: 'MessageRejected',
      },
    ]);
    expect(JSON.stringify(result.json)).not.toMatch(/hanako|山田|回答/);
  });

  it('lists the reports to the PPC past due, ids and dates only, and logs the read of the register', async () => {
    await dynamoIncidents.add(incidentAt(`INC-LATE-${run}`, new Date(NOW - 40 * DAY_MS)), []);
    await dynamoIncidents.add(incidentAt(`INC-CALM-${run}`, new Date(NOW - 40 * DAY_MS), {}), []);
    const registerReads = async () =>
      (await scanAll('access-log')).filter((e) => e.role === 'auditor' && String(e.fields) === 'incidents');
    const before = (await registerReads()).length;
    const result = await report(staffClaims('auditor'));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.overdueIncidentReports).toEqual([
      expect.objectContaining({ incidentId: `INC-LATE-${run}`, report: 'preliminary' }),
      expect.objectContaining({ incidentId: `INC-LATE-${run}`, report: 'final', daysOverdue: expect.any(Number) }),
    ]);
    expect(JSON.stringify(result.json.overdueIncidentReports)).not.toMatch(/wrong recipient|misdirected/);
    const entries = await registerReads();
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({ action: 'read', subjects: [] });
  });
});
