// GET /v1/staff/requests against DynamoDB Local: the queue for every staff role, filtered and searched
// on the server; requesters and subjects for operators and the officer only, each of their lists
// access-logged once before it is shown; the staff table decides on every call, whatever the claims say.
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../functions/adapters/clients';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/list-requests';
import { staffQueueResponse } from '../../functions/http/contract';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  dropTables,
  expectProblem,
  putStaff,
  requestBody,
  scanAll,
  setAttributes,
  staffClaims,
  submit,
  submitAndVerify,
} from '../support/requests';

let received: string[];
let unverified: string;
let sato: { requestId: string; email: string };

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  received = [];
  for (let i = 0; i < 3; i++) received.push((await submitAndVerify()).requestId);
  const email = uniqueEmail('Ichiro.Sato');
  sato = {
    requestId: (await submitAndVerify(requestBody({ requesterEmail: email, name: '佐藤 一郎' }))).requestId,
    email,
  };
  unverified = await submit();
});

afterAll(() => dropTables(prefix));

const list = (claims?: Record<string, string>, query?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path: '/v1/staff/requests',
    resource: '/v1/staff/requests',
    ...(claims ? { claims } : {}),
    ...(query ? { query } : {}),
  });

const ids = (result: { json: Record<string, any> }): string[] =>
  result.json.items.map((i: { requestId: string }) => i.requestId);

const queueEntries = async () =>
  (await scanAll<ChainedAccessLogEntry>('access-log'))
    .filter((e) => e.reason.startsWith('request queue'))
    .sort((a, b) => a.at.localeCompare(b.at) || a.chainId.localeCompare(b.chainId) || a.seq - b.seq);

describe('list-requests', () => {
  it('an operator sees the open requests, soonest due first, with requester and subject, and the assignable staff', async () => {
    const result = await list(staffClaims('operator'));
    expect(result.status).toBe(200);
    expect(() => staffQueueResponse.parse(result.json)).not.toThrow();
    expect(ids(result)).toEqual(expect.arrayContaining([...received, sato.requestId]));
    expect(ids(result)).not.toContain(unverified);
    const item = result.json.items.find((i: { requestId: string }) => i.requestId === sato.requestId);
    expect(item).toMatchObject({
      status: 'received',
      requester: { kind: 'self', name: '佐藤 一郎', email: sato.email },
      subject: { email: sato.email },
    });
    const due = result.json.items.map((i: { dueAt: string }) => i.dueAt);
    expect(due).toEqual([...due].sort());
    expect(result.json.assignees).toEqual([{ staffId: 'operator', displayName: expect.any(String), role: 'operator' }]);
  });

  it('writes one access-log entry per list, naming the requests listed, before showing it', async () => {
    const before = (await queueEntries()).length;
    const result = await list(staffClaims('officer'));
    const entries = (await queueEntries()).slice(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'officer', role: 'officer', action: 'read', reason: 'request queue' });
    expect(entries[0]!.subjects.sort()).toEqual(
      [...ids(result).map((id: string) => `request:${id}`), 'staff-directory'].sort(),
    );
    expect(JSON.stringify(entries)).not.toContain('@');
  });

  it('an auditor sees the queue without requesters, subjects or staff names, and nothing is logged', async () => {
    const before = (await queueEntries()).length;
    const result = await list(staffClaims('auditor'));
    expect(result.status).toBe(200);
    for (const item of result.json.items)
      expect(Object.keys(item).sort()).toEqual(['dueAt', 'receivedAt', 'requestId', 'status', 'type']);
    expect(result.json.assignees).toBeUndefined();
    expect(JSON.stringify(result.json)).not.toContain('@');
    expect((await queueEntries()).length).toBe(before);
  });

  it('an auditor may not search: 403 with its own problem type, nothing logged', async () => {
    const before = (await queueEntries()).length;
    const result = await list(staffClaims('auditor'), { q: sato.email });
    expectProblem(result, 403);
    expect(result.json.type).toBe('urn:appi-desk:problem:queue-search-not-allowed');
    expect((await queueEntries()).length).toBe(before);
  });

  it('searches by e-mail address (whole, any case), by part of a name and by request id, each search logged once', async () => {
    const before = (await queueEntries()).length;
    expect(ids(await list(staffClaims('operator'), { q: sato.email.toUpperCase() }))).toEqual([sato.requestId]);
    expect(ids(await list(staffClaims('operator'), { q: sato.email.slice(0, 10) }))).toEqual([]);
    expect(ids(await list(staffClaims('operator'), { q: '佐藤' }))).toEqual([sato.requestId]);
    expect(ids(await list(staffClaims('operator'), { q: received[0]! }))).toEqual([received[0]]);
    const entries = (await queueEntries()).slice(before);
    expect(entries.map((e) => e.reason)).toEqual(Array(4).fill('request queue search'));
    expect(entries[1]!.subjects).toEqual(['staff-directory']);
    expect(JSON.stringify(entries)).not.toMatch(/佐藤|@/);
  });

  it('filters by type, assignee and due day', async () => {
    const [first, second] = received;
    await setAttributes('requests', { requestId: first! }, { assignee: 'operator', status: 'in-progress' });
    await setAttributes('requests', { requestId: second! }, { dueAt: '2020-01-06T00:00:00.000Z' });
    expect(ids(await list(staffClaims('operator'), { assignee: 'me' }))).toEqual([first]);
    expect(ids(await list(staffClaims('officer'), { assignee: 'operator' }))).toEqual([first]);
    expect(ids(await list(staffClaims('operator'), { assignee: 'unassigned' }))).not.toContain(first);
    expect(ids(await list(staffClaims('operator'), { dueWithinDays: '0' }))).toEqual([second]);
    expect(ids(await list(staffClaims('operator'), { type: 'complaint' }))).toEqual([]);
    expect(ids(await list(staffClaims('operator'), { type: 'disclosure' })).length).toBeGreaterThan(3);
  });

  it('lists another status when asked', async () => {
    const result = await list(staffClaims('auditor'), { status: 'awaiting-verification' });
    expect(result.status).toBe(200);
    expect(ids(result)).toEqual([unverified]);
    expect(result.json.items[0]).toEqual({
      requestId: unverified,
      type: 'disclosure',
      status: 'awaiting-verification',
    });
  });

  it('every staff role may read the queue', async () => {
    for (const role of ['operator', 'officer', 'auditor'])
      expect((await list(staffClaims(role))).status, role).toBe(200);
  });

  it('accepts groups passed as "[a b]"', async () => {
    expect((await list(staffClaims('auditor', '[auditor]'))).status).toBe(200);
  });

  it('bad filters and unknown parameters → 400 naming them', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ status: 'lost' }, 'query.status'],
      [{ type: 'Disclosure!' }, 'query.type'],
      [{ assignee: 'Not An Id' }, 'query.assignee'],
      [{ dueWithinDays: '-1' }, 'query.dueWithinDays'],
      [{ dueWithinDays: '61' }, 'query.dueWithinDays'],
      [{ dueWithinDays: 'soon' }, 'query.dueWithinDays'],
      [{ dueWithinDays: '1.5' }, 'query.dueWithinDays'],
      [{ q: '   ' }, 'query.q'],
      [{ q: 'x'.repeat(255) }, 'query.q'],
    ];
    for (const [query, field] of cases) {
      const result = await list(staffClaims('operator'), query);
      expectProblem(result, 400);
      expect(
        result.json.errors.map((e: { field: string }) => e.field),
        JSON.stringify(query),
      ).toEqual([field]);
    }
    const unknown = await list(staffClaims('operator'), { limit: '5' });
    expectProblem(unknown, 400);
    expect(unknown.json.errors).toEqual([{ field: 'query', message: 'unknown field "limit": remove it' }]);
  });

  it('when the access log cannot take the entry, nothing personal is shown', async () => {
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(PutCommand, { TableName: tableName('access-log') })
        .rejects(
          Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }),
        );
      const result = await list(staffClaims('operator'));
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBe('1');
      expect(JSON.stringify(result.json)).not.toContain(sato.email);
    } finally {
      mock.restore();
    }
  });

  it('when DynamoDB is unreachable: 503 with Retry-After', async () => {
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(QueryCommand, { TableName: tableName('requests') })
        .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
      const result = await list(staffClaims('operator'));
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      mock.restore();
    }
  });

  it('no claims → 401 with WWW-Authenticate', async () => {
    const result = await list();
    expectProblem(result, 401);
    expect(result.headers['www-authenticate']).toBe('Bearer');
    expectProblem(await list({ 'cognito:groups': 'operator' }), 401);
  });

  it('a staff member disabled in the table is refused with 403 on the very next call, the claims unchanged', async () => {
    await putStaff('list-disabled', 'operator');
    const claims = staffClaims('list-disabled', 'operator');
    expect((await list(claims)).status).toBe(200);
    await setAttributes('staff', { staffId: 'list-disabled' }, { status: 'disabled' });
    const refused = await list(claims);
    expectProblem(refused, 403);
    expect(refused.json.type).toBe('urn:appi-desk:problem:account-disabled');
  });

  it('a username not in the staff table → 403, whatever the groups claim', async () => {
    expectProblem(await list(staffClaims('mallory', 'operator')), 403);
  });

  it('groups that do not include the role the table gives → 403', async () => {
    const result = await list(staffClaims('auditor', 'operator'));
    expectProblem(result, 403);
    expect(result.json.type).toBe('urn:appi-desk:problem:forbidden-role');
  });
});
