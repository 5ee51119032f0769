// GET /v1/staff/subjects/{subjectId} against DynamoDB Local: the subject's lifecycle and live records,
// consents and provision records, never an expired one; each read access-logged with its reason
// first; one reason required; operator and officer only; the My Number table never read.
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tableName } from '../../functions/adapters/clients';
import { systemClock } from '../../functions/adapters/system';
import { tableEnvVar } from '../../functions/adapters/tables';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { handler } from '../../functions/handlers/view-subject';
import { seedDemoStaff } from '../../local/seed';
import { reportableIncident } from '../domain/incidents/doubles';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  dropTables,
  expectProblem,
  putItem,
  putOpenRequestAbout,
  putOpenRequests,
  scanAll,
  staffClaims,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoStaff('test-password'), putOpenRequests('req-42', 'req-43')]);
});

afterEach(() => vi.restoreAllMocks());

afterAll(() => dropTables(prefix));

const DAY = 86_400;
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
/** "Expired" by a clock ten days ahead for items expiring in five: DynamoDB Local TTL-deletes items expired in real time. */
const clockTenDaysAhead = () => vi.spyOn(systemClock, 'now').mockReturnValue(new Date(Date.now() + 10 * DAY * 1000));

const view = (
  subjectId: string,
  query: Record<string, string> | undefined,
  claims: Record<string, string> | null = staffClaims('operator'),
) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/staff/subjects/${subjectId}`,
    resource: '/v1/staff/subjects/{subjectId}',
    pathParameters: { subjectId },
    ...(query ? { query } : {}),
    ...(claims ? { claims } : {}),
  });

const logEntriesAbout = async (subjectId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.subjects.includes(subjectId));

async function putRecord(subjectId: string, fields: { category: string; value: string } & Record<string, unknown>) {
  const item = {
    subjectId,
    recordId: `rec-${randomUUID().slice(0, 8)}`,
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2025-04-01T00:00:00.000Z',
    ...fields,
  };
  await putItem('personal-data', { ...item, lookupKey: lookupKeyOf(item) });
  return item;
}

/** A subject with something of everything, and an expired twin of each kind, expiring in five days. */
async function seedSubject() {
  const subjectId = `subject-${randomUUID()}`;
  const email = uniqueEmail('viewed');
  const expiring = inSeconds(30 * DAY);
  const records = await Promise.all([
    putRecord(subjectId, {
      category: 'email',
      value: email,
      sourceDetail: 'Web sign-up form',
      registeredBy: 'arn:aws:iam::000000000000:role/crm',
    }),
    putRecord(subjectId, {
      category: 'advertising-identifier',
      value: 'ad-7c1f',
      source: 'service-use',
      purposes: ['advertising'],
      expiresAt: expiring,
    }),
    putRecord(subjectId, {
      category: 'medical-history',
      value: 'asthma',
      basis: { kind: 'consent', consentId: 'ev-med' },
      registeredBy: 'operator',
    }),
    putRecord(subjectId, { category: 'phone', value: '03-5555-0000', expiresAt: inSeconds(5 * DAY) }),
  ]);
  await Promise.all([
    putItem('subjects', { subjectId, contractEndedAt: '2026-03-31T00:00:00.000Z' }),
    putItem('consents', {
      subjectId,
      eventId: 'ev-med',
      action: 'given',
      purpose: 'service-provision',
      noticeVersion: 'v1',
      method: 'paper',
      at: '2025-04-01T00:00:00.000Z',
    }),
    putItem('consents', {
      subjectId,
      eventId: 'ev-old',
      action: 'given',
      purpose: 'advertising',
      noticeVersion: 'v1',
      method: 'web',
      at: '2020-01-01T00:00:00.000Z',
      expiresAt: inSeconds(5 * DAY),
    }),
    putItem('provision-records', {
      subjectId,
      recordId: 'prov-live',
      direction: 'provided',
      counterparty: 'Example Payments K.K.',
      items: ['name'],
      basis: 'consent',
      date: '2025-05-01',
      expiresAt: expiring,
    }),
    putItem('provision-records', {
      subjectId,
      recordId: 'prov-old',
      direction: 'provided',
      counterparty: 'Old Partner K.K.',
      items: ['phone'],
      basis: 'consent',
      date: '2019-05-01',
      expiresAt: inSeconds(5 * DAY),
    }),
  ]);
  // The open request req-view-<subject> is about this person: a read for it may read them.
  const requestId = await putOpenRequestAbout(`req-view-${subjectId.slice(8, 16)}`, email);
  return { subjectId, email, expiring, records, requestId };
}

describe('view-subject', () => {
  it('shows the lifecycle, live records with their flags and expiry, live consents and provision records; nothing expired', async () => {
    const { subjectId, email, expiring, records, requestId } = await seedSubject();
    clockTenDaysAhead();
    const result = await view(subjectId, { requestId });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.subjectId).toBe(subjectId);
    expect(result.json.lifecycle).toEqual({ contractEndedAt: '2026-03-31T00:00:00.000Z' });
    const byCategory = Object.fromEntries(result.json.records.map((r: { category: string }) => [r.category, r]));
    expect(Object.keys(byCategory).sort()).toEqual(['advertising-identifier', 'email', 'medical-history']);
    expect(byCategory.email).toEqual({
      recordId: records[0]!.recordId,
      category: 'email',
      value: email,
      source: 'from-customer',
      sourceDetail: 'Web sign-up form',
      purposes: ['service-provision'],
      acquiredAt: '2025-04-01T00:00:00.000Z',
      linkedAccessInformation: false,
      specialCare: false,
      registeredBy: 'arn:aws:iam::000000000000:role/crm',
    });
    expect(byCategory['advertising-identifier']).toMatchObject({
      linkedAccessInformation: true,
      specialCare: false,
      expiresAt: new Date(expiring * 1000).toISOString(),
    });
    expect(byCategory['medical-history']).toMatchObject({
      linkedAccessInformation: false,
      specialCare: true,
      basis: { kind: 'consent', consentId: 'ev-med' },
      registeredBy: 'operator',
    });
    expect(byCategory['medical-history']).not.toHaveProperty('expiresAt');
    expect(result.json.consents.map((c: { eventId: string }) => c.eventId)).toEqual(['ev-med']);
    expect(result.json.provisionRecords).toEqual([
      {
        recordId: 'prov-live',
        direction: 'provided',
        counterparty: 'Example Payments K.K.',
        items: ['name'],
        basis: 'consent',
        date: '2025-05-01',
        expiresAt: new Date(expiring * 1000).toISOString(),
      },
    ]);
    const text = JSON.stringify(result.json);
    for (const expired of ['03-5555-0000', 'ev-old', 'Old Partner K.K.', 'lookupKey'])
      expect(text).not.toContain(expired);
  });

  it('access-logs the read first, with actor, role, source address, the subject, the categories shown and the request', async () => {
    const { subjectId, requestId } = await seedSubject();
    clockTenDaysAhead();
    expect((await view(subjectId, { requestId }, staffClaims('officer'))).status).toBe(200);
    const [entry, ...more] = await logEntriesAbout(subjectId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: 'officer',
      role: 'officer',
      action: 'read',
      subjects: [subjectId],
      fields: ['advertising-identifier', 'email', 'medical-history', 'consents', 'provision-records'],
      reason: `request ${requestId}`,
      sourceIp: '203.0.113.10',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('lists the incidents that involved the subject, newest first, with the notice this person was given', async () => {
    const { subjectId, requestId } = await seedSubject();
    const older = reportableIncident({ incidentId: 'INC-2026-11-02-VIEW01', awareAt: '2026-11-02T01:00:00.000Z' });
    const newer = reportableIncident({
      incidentId: 'INC-2026-12-01-VIEW02',
      kinds: ['loss'],
      state: 'draft',
      awareAt: '2026-12-01T01:00:00.000Z',
    });
    for (const incident of [older, newer]) await putItem('incidents', { ...incident, itemKey: 'incident' });
    const link = { subjectId, linkedAt: '2026-12-01T02:00:00.000Z', linkedBy: 'officer' };
    await putItem('incidents', {
      ...link,
      incidentId: older.incidentId,
      itemKey: `subject#${subjectId}`,
      notice: {
        state: 'sent',
        decidedAt: '2026-12-02T03:00:00.000Z',
        decidedBy: 'officer',
        messageId: 'incident-notice-x',
        sentAt: '2026-12-02T03:00:00.000Z',
      },
    });
    await putItem('incidents', { ...link, incidentId: newer.incidentId, itemKey: `subject#${subjectId}` });
    // Another person of the same incident is never shown here.
    await putItem('incidents', {
      ...link,
      subjectId: 'subject-someone-else',
      incidentId: older.incidentId,
      itemKey: 'subject#subject-someone-else',
    });
    clockTenDaysAhead();
    const result = await view(subjectId, { requestId });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.incidents).toEqual([
      { incidentId: newer.incidentId, kinds: ['loss'], awareAt: newer.awareAt, state: 'draft' },
      {
        incidentId: older.incidentId,
        kinds: ['leak'],
        awareAt: older.awareAt,
        state: 'open',
        notice: { state: 'sent', decidedAt: '2026-12-02T03:00:00.000Z', sentAt: '2026-12-02T03:00:00.000Z' },
      },
    ]);
    expect(JSON.stringify(result.json)).not.toContain('subject-someone-else');
    const [entry] = await logEntriesAbout(subjectId);
    expect(entry!.fields).toContain('incidents');
  });

  it('logs a purpose of use as the reason when the read serves one', async () => {
    const { subjectId } = await seedSubject();
    expect((await view(subjectId, { purpose: 'billing' })).status).toBe(200);
    expect((await logEntriesAbout(subjectId)).map((e) => [e.actor, e.reason])).toEqual([
      ['operator', 'purpose billing'],
    ]);
  });

  it.each([
    ['no reason', undefined],
    ['both reasons', { requestId: 'req-42', purpose: 'billing' }],
    ['a reason that is not one', { purpose: 'Not A Purpose' }],
  ])('%s → 400 naming the field, nothing read or logged', async (_name, query) => {
    const { subjectId } = await seedSubject();
    const result = await view(subjectId, query);
    expectProblem(result, 400);
    expect(result.json.errors[0].field).toMatch(/^query\.(requestId|purpose)$/);
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('a request the desk is not handling (closed or unknown) → 422, nothing read or logged', async () => {
    const { subjectId } = await seedSubject();
    await putItem('requests', { requestId: 'req-closed', status: 'fulfilled', type: 'disclosure' });
    for (const requestId of ['req-closed', 'req-unknown']) {
      const result = await view(subjectId, { requestId });
      expectProblem(result, 422);
      expect(result.json.title).toBe('Not an open request');
    }
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('an auditor → 403, no claims → 401; nothing logged', async () => {
    const { subjectId } = await seedSubject();
    const refused = await view(subjectId, { requestId: 'req-42' }, staffClaims('auditor'));
    expectProblem(refused, 403);
    expect(refused.json.type).toBe('urn:appi-desk:problem:forbidden-role');
    expectProblem(await view(subjectId, { requestId: 'req-42' }, null), 401);
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('an open request about someone else → 422 naming requestId, nothing read or logged', async () => {
    const { subjectId } = await seedSubject();
    const other = await seedSubject();
    const result = await view(subjectId, { requestId: other.requestId });
    expectProblem(result, 422);
    expect(result.json.title).toBe('Request about someone else');
    expect(result.json.detail).toMatch(/^requestId: /);
    expect(JSON.stringify(result.json)).not.toContain(other.subjectId);
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('an unknown subject, or one whose every item has expired → 404 saying so; nothing logged', async () => {
    const unknown = await view(`subject-${randomUUID()}`, { purpose: 'billing' });
    expectProblem(unknown, 404);
    expect(unknown.json.detail).toMatch(/holds nothing under subject/);

    const subjectId = `subject-${randomUUID()}`;
    await Promise.all([
      putRecord(subjectId, { category: 'phone', value: '03-0000-1111', expiresAt: inSeconds(5 * DAY) }),
      putItem('subjects', { subjectId, contractEndedAt: '2020-01-01T00:00:00.000Z' }),
    ]);
    expect((await view(subjectId, { purpose: 'billing' })).status).toBe(200);
    clockTenDaysAhead();
    const expired = await view(subjectId, { purpose: 'service-provision' });
    expectProblem(expired, 404);
    expect(JSON.stringify(expired.json)).not.toContain('03-0000-1111');
    expect((await logEntriesAbout(subjectId)).map((e) => e.reason)).toEqual(['purpose billing']);
  });

  it('never reads the My Number table: it answers with the table unknown to it, and shows no number', async () => {
    const { subjectId, requestId } = await seedSubject();
    await putItem('my-number', {
      subjectId,
      documentId: 'doc-1',
      affair: 'tax',
      document: 'withholding-slip',
      number: '123456789018',
    });
    const variable = tableEnvVar('my-number');
    const saved = process.env[variable];
    delete process.env[variable];
    try {
      const result = await view(subjectId, { requestId }, staffClaims('officer'));
      expect(result.status, JSON.stringify(result.json)).toBe(200);
      expect(JSON.stringify(result.json)).not.toContain('123456789018');
    } finally {
      process.env[variable] = saved;
    }
  });

  it('when the access log cannot be written, nothing is shown: 500 without the data', async () => {
    const { subjectId, email, requestId } = await seedSubject();
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(PutCommand, { TableName: tableName('access-log') })
        .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
      const result = await view(subjectId, { requestId });
      expectProblem(result, 500);
      expect(JSON.stringify(result.json)).not.toContain(email);
    } finally {
      mock.restore();
    }
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });
});
