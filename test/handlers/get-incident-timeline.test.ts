// GET /v1/staff/incidents/{incidentId}/timeline against DynamoDB Local: the access log's entries that
// read or wrote one incident, newest first, a month of Japan days a page back to the day it was
// registered; the officer and auditors only; the entries still verify as a hash chain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoAccessLog } from '../../functions/adapters/access-log-repository';
import { handler } from '../../functions/handlers/get-incident-timeline';
import { handler as verify } from '../../functions/handlers/verify-access-log';
import { handler as viewIncident } from '../../functions/handlers/view-incident';
import { seedDemoStaff } from '../../local/seed';
import { freshBuckets, logEntry } from '../support/access-log';
import { freshTables, invoke } from '../support/desk';
import { addIncident, incidentFixture, newIncidentId } from '../support/incident-fixture';
import { dropTables, expectProblem, staffClaims } from '../support/requests';

let prefix: string;
const DAY = 24 * 3_600_000;
const now = Date.now();
const daysAgo = (d: number) => new Date(now - d * DAY).toISOString();
const incidentId = newIncidentId();
const otherId = newIncidentId();

beforeAll(async () => {
  prefix = await freshTables();
  await freshBuckets();
  await seedDemoStaff('test-password');
  await addIncident(incidentFixture({ incidentId, createdAt: daysAgo(40) }));
  await addIncident(incidentFixture({ incidentId: otherId, createdAt: daysAgo(2) }));
  const about = (id: string, version: number, at: string, action: 'read' | 'write' = 'write') =>
    dynamoAccessLog.append(
      logEntry(version, { at, action, actor: 'officer', role: 'officer', incidentId: id, incidentVersion: version }),
    );
  await about(incidentId, 1, daysAgo(40));
  await about(incidentId, 2, daysAgo(35));
  await about(incidentId, 2, daysAgo(3), 'read');
  await about(incidentId, 3, daysAgo(1));
  await about(otherId, 1, daysAgo(1));
  await dynamoAccessLog.append(logEntry(7, { at: daysAgo(1) }));
});

afterAll(() => dropTables(prefix));

const timeline = (id: string, query: Record<string, string> = {}, claims = staffClaims('officer')) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/staff/incidents/${id}/timeline`,
    resource: '/v1/staff/incidents/{incidentId}/timeline',
    pathParameters: { incidentId: id },
    query,
    claims,
  });

describe('get-incident-timeline', () => {
  it("lists the incident's entries newest first, a month of days, then the older ones back to its first day", async () => {
    const first = await timeline(incidentId);
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(
      first.json.items.map((e: { incidentVersion: number; action: string }) => [e.incidentVersion, e.action]),
    ).toEqual([
      [3, 'write'],
      [2, 'read'],
    ]);
    expect(first.json.items[0]).toMatchObject({ actor: 'officer', role: 'officer', incidentId, at: daysAgo(1) });
    expect(first.json.items[0]).not.toHaveProperty('hash');
    expect(first.json.nextBefore).toBe(first.json.from);
    const older = await timeline(incidentId, { before: first.json.nextBefore });
    expect(older.status).toBe(200);
    expect(older.json.items.map((e: { incidentVersion: number }) => e.incidentVersion)).toEqual([2, 1]);
    expect(older.json.nextBefore).toBeUndefined();
  });

  it("a read through the register's own route is on the timeline at once, with the version read", async () => {
    const read = await invoke(viewIncident, {
      method: 'GET',
      path: `/v1/staff/incidents/${otherId}`,
      resource: '/v1/staff/incidents/{incidentId}',
      pathParameters: { incidentId: otherId },
      claims: staffClaims('auditor'),
    });
    expect(read.status, JSON.stringify(read.json)).toBe(200);
    const shown = await timeline(otherId);
    expect(shown.json.items[0]).toMatchObject({
      actor: 'auditor',
      action: 'read',
      incidentId: otherId,
      incidentVersion: 1,
    });
  });

  it('auditors read it too; operators and callers without a token do not', async () => {
    expect((await timeline(otherId, {}, staffClaims('auditor'))).json.items).toHaveLength(2);
    expectProblem(await timeline(otherId, {}, staffClaims('operator')), 403);
  });

  it('an unknown incident is 404, a malformed id or day 400 naming the field', async () => {
    const unknown = await timeline(newIncidentId());
    expectProblem(unknown, 404);
    expect(unknown.json.errors).toEqual([expect.objectContaining({ field: 'incidentId' })]);
    const malformed = await timeline('INC-1');
    expectProblem(malformed, 400);
    expect(JSON.stringify(malformed.json.errors)).toContain('incidentId');
    const badDay = await timeline(incidentId, { before: 'yesterday' });
    expectProblem(badDay, 400);
    expect(JSON.stringify(badDay.json.errors)).toContain('before');
  });

  it('entries carrying an incident still verify as hash chains', async () => {
    const result = await invoke(verify, {
      method: 'POST',
      path: '/v1/staff/access-log/verify',
      resource: '/v1/staff/access-log/verify',
      claims: staffClaims('auditor'),
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.verified).toBe(true);
  });
});
