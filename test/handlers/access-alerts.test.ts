// Access monitoring's alerts as the officer works them, against DynamoDB Local: the recent alerts
// listed (access-logged), and a draft incident opened from one with its facts: aware when the alert
// was raised, its summary in Japanese and English, the registry subjects it names linked, every
// factor false. One alert opens one incident: again, or two officers at once, is 409 naming it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoMonitoringStore } from '../../functions/adapters/access-monitoring-repository';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { ALERT_DRAFT_FACTORS, incidentIdFromAlert } from '../../functions/domain/incidents/from-alert';
import { accessAlertRecord } from '../../functions/domain/monitoring/alerts';
import { outboxMessage } from '../../functions/domain/outbox';
import { handler as timeline } from '../../functions/handlers/get-incident-timeline';
import { handler as list } from '../../functions/handlers/list-access-alerts';
import { handler as open } from '../../functions/handlers/open-incident-from-alert';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putItem, scanAll, staffClaims } from '../support/requests';

let prefix: string;
const HOUR = 3_600_000;
const registered = `subject-${randomUUID()}`;
const unknown = `subject-${randomUUID()}`;
const first = new Date(Math.floor((Date.now() - 30 * HOUR) / HOUR) * HOUR);
const second = new Date(first.getTime() + 3 * HOUR);
const raisedAt = (hour: Date) => new Date(hour.getTime() + 2 * HOUR);
let firstId: string;
let secondId: string;

/** Raises an alert as the monitoring run does: the cursor moved, the e-mail queued and the record kept, together. */
async function raise(hour: Date, previous: string | undefined, recent: string[]) {
  const findings = [
    {
      kind: 'many-subjects' as const,
      actor: 'operator',
      roles: ['operator'],
      hour: hour.toISOString(),
      subjects: 3,
      subjectIds: [registered, unknown, 'request:req-1'],
    },
  ];
  const now = raisedAt(hour);
  const message = outboxMessage(
    `access-monitoring-${hour.toISOString()}`,
    'officer@desk.example.jp',
    { subject: 's', text: 't' },
    now,
    'access-monitoring',
  );
  const record = accessAlertRecord(
    findings,
    { from: hour, to: new Date(hour.getTime() + HOUR) },
    2,
    message.messageId,
    now,
  );
  await dynamoMonitoringStore.advance(
    previous ? { analysedThrough: previous, recentAlerts: recent } : undefined,
    hour.toISOString(),
    { message, record },
    now,
  );
  return record.alertId;
}

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  const record = { subjectId: registered, recordId: `rec-${randomUUID()}`, category: 'email', value: 'a@example.jp' };
  await putItem('personal-data', {
    ...record,
    lookupKey: lookupKeyOf(record),
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2026-01-01T00:00:00.000Z',
  });
  firstId = await raise(first, undefined, []);
  secondId = await raise(second, first.toISOString(), [firstId]);
});

afterAll(() => dropTables(prefix));

const listAlerts = (claims = staffClaims('officer')) =>
  invoke(list, { method: 'GET', path: '/v1/staff/access-alerts', resource: '/v1/staff/access-alerts', claims });

const openFrom = (alertId: string, claims = staffClaims('officer')) =>
  invoke(open, {
    method: 'POST',
    path: `/v1/staff/access-alerts/${alertId}/incident`,
    resource: '/v1/staff/access-alerts/{alertId}/incident',
    pathParameters: { alertId },
    claims,
  });

const incidentItems = async () => scanAll<{ incidentId: string; itemKey: string }>('incidents');

describe('list-access-alerts', () => {
  it('lists the recent alerts newest first, by staff and subject ids, and logs the read naming each', async () => {
    const result = await listAlerts();
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.items.map((a: { alertId: string }) => a.alertId)).toEqual([secondId, firstId]);
    expect(result.json.items[1]).toMatchObject({
      raisedAt: raisedAt(first).toISOString(),
      findings: [{ kind: 'many-subjects', actor: 'operator', subjectCount: 3 }],
      subjects: [registered, unknown, 'request:req-1'],
    });
    expect(result.json.items[1]).not.toHaveProperty('incidentId');
    const logged = (await scanAll<{ reason: string; subjects: string[] }>('access-log')).filter(
      (e) => e.reason === 'access monitoring alerts',
    );
    expect(logged).toEqual([
      expect.objectContaining({ subjects: [`access-alert:${secondId}`, `access-alert:${firstId}`] }),
    ]);
  });

  it('is the officer’s alone', async () => {
    expectProblem(await listAlerts(staffClaims('operator')), 403);
    expectProblem(await listAlerts(staffClaims('auditor')), 403);
  });
});

describe('open-incident-from-alert', () => {
  it("opens a draft with the alert's facts, linking only the registry's subjects; the list and the timeline show it", async () => {
    const result = await openFrom(firstId);
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    const incidentId = incidentIdFromAlert({ alertId: firstId, raisedAt: raisedAt(first).toISOString() });
    expect(result.json).toMatchObject({
      incidentId,
      version: 1,
      state: 'draft',
      kinds: ['leak'],
      fromAlert: firstId,
      awareAt: raisedAt(first).toISOString(),
      occurredAt: first.toISOString(),
      factors: ALERT_DRAFT_FACTORS,
      // What the reads may have exposed: the categories the registry holds for the subject read.
      categories: ['email'],
      persons: { estimated: 1, linked: 1 },
      createdBy: 'officer',
      reportable: false,
    });
    expect(result.json.summary).toContain('アクセス監視');
    expect(result.json.summary).toContain('read the data of 3 people');
    expect(result.json.deadlines.finalDays).toBe(30);
    const items = (await incidentItems()).filter((i) => i.incidentId === incidentId).map((i) => i.itemKey);
    expect(items.sort()).toEqual(['incident', `subject#${registered}`, 'version#0001']);

    const listed = await listAlerts();
    expect(listed.json.items.find((a: { alertId: string }) => a.alertId === firstId).incidentId).toBe(incidentId);
    const history = await invoke(timeline, {
      method: 'GET',
      path: `/v1/staff/incidents/${incidentId}/timeline`,
      resource: '/v1/staff/incidents/{incidentId}/timeline',
      pathParameters: { incidentId },
      claims: staffClaims('auditor'),
    });
    expect(history.json.items).toEqual([
      expect.objectContaining({
        actor: 'officer',
        action: 'write',
        incidentVersion: 1,
        subjects: [`access-alert:${firstId}`, registered],
      }),
    ]);
  });

  it('again: 409 naming the incident already opened, nothing more written', async () => {
    const before = (await incidentItems()).length;
    const again = await openFrom(firstId);
    expectProblem(again, 409);
    const incidentId = incidentIdFromAlert({ alertId: firstId, raisedAt: raisedAt(first).toISOString() });
    expect(again.json.incidentId).toBe(incidentId);
    expect(again.json.detail).toContain(incidentId);
    expect((await incidentItems()).length).toBe(before);
  });

  it('two officers at once: one opens it, the other is told which incident stands', async () => {
    const results = await Promise.all([openFrom(secondId), openFrom(secondId)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const incidentId = results.find((r) => r.status === 201)!.json.incidentId;
    expect(results.find((r) => r.status === 409)!.json.incidentId).toBe(incidentId);
    expect((await incidentItems()).filter((i) => i.itemKey === 'incident' && i.incidentId === incidentId)).toHaveLength(
      1,
    );
  });

  it('an alert not kept is 404 naming alertId, a malformed id 400; operators and auditors may not; nothing written', async () => {
    const before = (await incidentItems()).length;
    const missing = await openFrom('alert-20200101T00Z');
    expectProblem(missing, 404);
    expect(missing.json.errors).toEqual([expect.objectContaining({ field: 'alertId' })]);
    const malformed = await openFrom('alert-yesterday');
    expectProblem(malformed, 400);
    expect(JSON.stringify(malformed.json.errors)).toContain('alertId');
    expectProblem(await openFrom(firstId, staffClaims('operator')), 403);
    expectProblem(await openFrom(firstId, staffClaims('auditor')), 403);
    expect((await incidentItems()).length).toBe(before);
  });
});
