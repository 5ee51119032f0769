// GET /v1/staff/requests against DynamoDB Local: the queue for every staff role, without personal
// data; the staff table decides on every call, whatever the claims say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/list-requests';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  dropTables,
  expectProblem,
  putStaff,
  setAttributes,
  staffClaims,
  submit,
  submitAndVerify,
} from '../support/requests';

let received: string[];
let unverified: string;

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  received = [];
  for (let i = 0; i < 3; i++) received.push((await submitAndVerify()).requestId);
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

describe('list-requests', () => {
  it('an operator sees the open requests, soonest due first, without personal data', async () => {
    const result = await list(staffClaims('operator'));
    expect(result.status).toBe(200);
    const ids = result.json.items.map((i: { requestId: string }) => i.requestId);
    expect(ids).toEqual(expect.arrayContaining(received));
    expect(ids).not.toContain(unverified);
    for (const item of result.json.items) {
      expect(Object.keys(item).sort()).toEqual(['dueAt', 'receivedAt', 'requestId', 'status', 'type']);
      expect(item.status).toBe('received');
    }
    const due = result.json.items.map((i: { dueAt: string }) => i.dueAt);
    expect(due).toEqual([...due].sort());
    expect(JSON.stringify(result.json)).not.toMatch(/@example\.jp/);
  });

  it('sorts by due date, not by arrival', async () => {
    const [first, second] = received;
    await setAttributes('requests', { requestId: second! }, { dueAt: '2020-01-06T00:00:00.000Z' });
    const ids = (await list(staffClaims('officer'))).json.items.map((i: { requestId: string }) => i.requestId);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect(ids[0]).toBe(second);
  });

  it('lists another status when asked', async () => {
    const result = await list(staffClaims('auditor'), { status: 'awaiting-verification' });
    expect(result.status).toBe(200);
    expect(result.json.items.map((i: { requestId: string }) => i.requestId)).toEqual([unverified]);
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

  it('an unknown status or an unknown query parameter → 400 naming it', async () => {
    const badStatus = await list(staffClaims('operator'), { status: 'lost' });
    expectProblem(badStatus, 400);
    expect(badStatus.json.errors[0].field).toBe('query.status');
    const unknown = await list(staffClaims('operator'), { limit: '5' });
    expectProblem(unknown, 400);
    expect(unknown.json.errors).toEqual([{ field: 'query', message: 'unknown field "limit": remove it' }]);
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
