// The officer role against DynamoDB Local: while more than one officer is active, granting it (by a
// role change or a new account) leaves it pending without officer powers until a different officer
// confirms it; the asker cannot confirm it; two confirmations at once, one wins; each step is
// access-logged and e-mailed like other account changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import { dynamoStaffAccounts } from '../../functions/adapters/staff-repository';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler as changeRoleHandler } from '../../functions/handlers/change-staff-role';
import { handler as confirmHandler } from '../../functions/handlers/confirm-officer-grant';
import { handler as createHandler } from '../../functions/handlers/create-staff-account';
import { handler as listHandler } from '../../functions/handlers/list-staff-accounts';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  getItem,
  putItem,
  putStaff,
  scanAll,
  staffClaims,
} from '../support/requests';

const OFFICER_EMAIL = 'officer@desk.example.jp';
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([
    seedDemoStaff('test-password'),
    putStaff('officer-2', 'officer'),
    putStaff('officer-3', 'officer'),
  ]);
});

afterAll(() => dropTables(prefix));

const officer = staffClaims('officer');
const officer2 = staffClaims('officer-2', 'officer');
const officer3 = staffClaims('officer-3', 'officer');

const create = (body: unknown, claims = officer) =>
  invoke(createHandler, { method: 'POST', path: '/v1/staff/accounts', resource: '/v1/staff/accounts', body, claims });
const step =
  (handler: Parameters<typeof invoke>[0], name: string) =>
  (staffId: string, body: unknown, claims = officer) =>
    invoke(handler, {
      method: 'POST',
      path: `/v1/staff/accounts/${staffId}/${name}`,
      resource: `/v1/staff/accounts/{staffId}/${name}`,
      pathParameters: { staffId },
      body,
      claims,
    });
const changeRole = step(changeRoleHandler, 'role');
const decide = step(confirmHandler, 'officer-grant-confirmation');
/** An officer-only call, made by the person with the token their role would give after the grant. */
const asOfficer = (staffId: string) =>
  invoke(listHandler, {
    method: 'GET',
    path: '/v1/staff/accounts',
    resource: '/v1/staff/accounts',
    claims: staffClaims(staffId, 'officer'),
  });

const noticesAbout = async (staffId: string) =>
  (await scanAll<StoredOutboxMessage>('outbox'))
    .filter((m) => m.to.includes(OFFICER_EMAIL) && m.subject.endsWith(`: ${staffId}`))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
const logAbout = async (staffId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log'))
    .filter((e) => e.subjects.includes(`staff:${staffId}`))
    .sort((a, b) => a.at.localeCompare(b.at));

let counter = 0;
const newStaffId = () => `grant-${Date.now().toString(36)}-${counter++}`;
async function operatorAskedToBeOfficer() {
  const staffId = newStaffId();
  await putStaff(staffId, 'operator');
  const asked = await changeRole(staffId, { role: 'officer', reason: 'Deputy officer' });
  expect(asked.status, JSON.stringify(asked.json)).toBe(200);
  return { staffId, asked };
}

describe('officer grant with more than one active officer', () => {
  it('a role change to officer is pending: the role stays, no officer powers, e-mailed as awaiting another officer', async () => {
    const { staffId, asked } = await operatorAskedToBeOfficer();
    expect(asked.json).toMatchObject({
      staffId,
      role: 'operator',
      pendingOfficerGrant: { requestedBy: 'officer', requestedAt: expect.any(String), expiresAt: expect.any(String) },
    });
    const grant = asked.json.pendingOfficerGrant as { requestedAt: string; expiresAt: string };
    expect(Date.parse(grant.expiresAt) - Date.parse(grant.requestedAt)).toBe(7 * 24 * 3600 * 1000);
    expect(await getItem('staff', { staffId })).toMatchObject({
      role: 'operator',
      pendingOfficerGrant: { requestedBy: 'officer' },
    });
    expectProblem(await asOfficer(staffId), 403);
    const [notice] = await noticesAbout(staffId);
    expect(notice!.text).toMatch(/another officer/i);
    expect(notice!.text).toContain('officer-grant-confirmation');
  });

  it('the officer who asked cannot confirm it → 403; nothing changes', async () => {
    const { staffId } = await operatorAskedToBeOfficer();
    const result = await decide(staffId, { confirm: true });
    expectProblem(result, 403);
    expect(result.json.detail).toMatch(/different officer|another officer/i);
    expect(await getItem('staff', { staffId })).toMatchObject({
      role: 'operator',
      pendingOfficerGrant: { requestedBy: 'officer' },
      version: 1,
    });
  });

  it('a different officer confirms: officer from the very next call, granted by the asker, confirmed by them; access-logged and e-mailed', async () => {
    const { staffId } = await operatorAskedToBeOfficer();
    const result = await decide(staffId, { confirm: true }, officer2);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({
      staffId,
      role: 'officer',
      version: 2,
      signInUpdated: true,
      roleConfirmedBy: 'officer-2',
    });
    expect(result.json.pendingOfficerGrant).toBeUndefined();
    const stored = await getItem('staff', { staffId });
    expect(stored).toMatchObject({ role: 'officer', roleGrantedBy: 'officer', roleConfirmedBy: 'officer-2' });
    expect(stored!.pendingOfficerGrant).toBeUndefined();
    expect((await asOfficer(staffId)).status).toBe(200);
    expect((await logAbout(staffId)).map((e) => [e.actor, e.action, e.fields])).toEqual([
      ['officer', 'write', ['role']],
      ['officer-2', 'write', ['role']],
    ]);
    const notices = await noticesAbout(staffId);
    expect(notices).toHaveLength(2);
    expect(notices[1]!.text).toMatch(/confirmed/i);
  });

  it('declined by another officer (or withdrawn by the asker): the role stays, the grant is gone, e-mailed', async () => {
    for (const claims of [officer3, officer]) {
      const { staffId } = await operatorAskedToBeOfficer();
      const result = await decide(staffId, { confirm: false, reason: 'Not agreed' }, claims);
      expect(result.status, JSON.stringify(result.json)).toBe(200);
      expect(result.json).toMatchObject({ role: 'operator', version: 2 });
      expect((await getItem('staff', { staffId }))!.pendingOfficerGrant).toBeUndefined();
      expect((await noticesAbout(staffId))[1]!.text).toMatch(/declined/i);
    }
  });

  it('nothing pending → 409; asked again while pending → 409', async () => {
    const { staffId } = await operatorAskedToBeOfficer();
    expectProblem(await changeRole(staffId, { role: 'officer', reason: 'Again' }, officer2), 409);
    expect((await decide(staffId, { confirm: true }, officer2)).status).toBe(200);
    expectProblem(await decide(staffId, { confirm: true }, officer3), 409);
    expectProblem(await decide('operator', { confirm: true }, officer2), 409);
  });

  it('an expired grant cannot be confirmed → 409; it can be asked again', async () => {
    const staffId = newStaffId();
    await putStaff(staffId, 'operator');
    await putItem('staff', {
      ...(await getItem('staff', { staffId })),
      version: 1,
      pendingOfficerGrant: {
        requestedBy: 'officer',
        requestedAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-08T00:00:00.000Z',
      },
    });
    const result = await decide(staffId, { confirm: true }, officer2);
    expectProblem(result, 409);
    expect(result.json.detail).toMatch(/expired/);
    expect((await getItem('staff', { staffId }))!.role).toBe('operator');
    expect((await changeRole(staffId, { role: 'officer', reason: 'Asked again' })).status).toBe(200);
  });

  it('two officers confirming at once: one 200, the other 409; one change', async () => {
    const { staffId } = await operatorAskedToBeOfficer();
    bothReadBeforeEitherWrites(dynamoStaffAccounts, 'get');
    const results = await Promise.all([
      decide(staffId, { confirm: true }, officer2),
      decide(staffId, { confirm: true }, officer3),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await getItem('staff', { staffId })).toMatchObject({ role: 'officer', version: 2 });
  });

  it('a new account asked as officer starts as an auditor with the officer grant pending; another officer confirms it', async () => {
    const staffId = newStaffId();
    const result = await create({
      staffId,
      displayName: 'Hanako Suzuki',
      email: `${staffId}@desk.example.jp`,
      role: 'officer',
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({ role: 'auditor', pendingOfficerGrant: { requestedBy: 'officer' } });
    expectProblem(await asOfficer(staffId), 403);
    expect((await noticesAbout(staffId))[0]!.text).toMatch(/another officer/i);
    expectProblem(await decide(staffId, { confirm: true }), 403);
    expect((await decide(staffId, { confirm: true }, officer3)).json).toMatchObject({ role: 'officer' });
  });

  it('only an officer may decide; bad bodies → 400', async () => {
    const { staffId } = await operatorAskedToBeOfficer();
    expectProblem(await decide(staffId, { confirm: true }, staffClaims('operator')), 403);
    expectProblem(await decide(staffId, { confirm: 'yes' }, officer2), 400);
    expectProblem(await decide(staffId, {}, officer2), 400);
  });
});
