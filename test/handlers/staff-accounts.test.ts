// The staff account routes against DynamoDB Local (local identity: the staff table is the identity
// store): the officer creates, transfers, disables and re-enables accounts; each change is
// access-logged and e-mailed to the officer in the same transaction; the person is refused on the
// very next call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import { localPasswordMatches } from '../../functions/adapters/staff-identity-local';
import { dynamoStaffAccounts } from '../../functions/adapters/staff-repository';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler as changeRoleHandler } from '../../functions/handlers/change-staff-role';
import { handler as createHandler } from '../../functions/handlers/create-staff-account';
import { handler as disableHandler } from '../../functions/handlers/disable-staff-account';
import { handler as enableHandler } from '../../functions/handlers/enable-staff-account';
import { handler as listRequestsHandler } from '../../functions/handlers/list-requests';
import { handler as listHandler } from '../../functions/handlers/list-staff-accounts';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  getItem,
  putStaff,
  scanAll,
  staffClaims,
} from '../support/requests';

const OFFICER_EMAIL = 'officer@desk.example.jp';
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoStaff('test-password'), putStaff('officer-2', 'officer')]);
});

afterAll(() => dropTables(prefix));

const officer = staffClaims('officer');

const list = (claims = officer) =>
  invoke(listHandler, { method: 'GET', path: '/v1/staff/accounts', resource: '/v1/staff/accounts', claims });
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
const disable = step(disableHandler, 'disabling');
const enable = step(enableHandler, 'enabling');
/** Any staff call the person makes next: the request queue, open to every role. */
const nextCall = (staffId: string, role: string) =>
  invoke(listRequestsHandler, {
    method: 'GET',
    path: '/v1/staff/requests',
    resource: '/v1/staff/requests',
    claims: staffClaims(staffId, role),
  });

const logAbout = async (staffId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log'))
    .filter((e) => e.subjects.includes(`staff:${staffId}`))
    .sort((a, b) => a.at.localeCompare(b.at));
const outboxTo = async (to: string) => (await scanAll<StoredOutboxMessage>('outbox')).filter((m) => m.to.includes(to));
const noticesAbout = async (staffId: string) =>
  (await outboxTo(OFFICER_EMAIL)).filter((m) => m.subject.endsWith(`: ${staffId}`));

let counter = 0;
const newStaffId = () => `staff-${Date.now().toString(36)}-${counter++}`;
async function created(role: 'operator' | 'officer' | 'auditor' = 'operator') {
  const staffId = newStaffId();
  const result = await create({ staffId, displayName: 'Taro Sato', email: `${staffId}@desk.example.jp`, role });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return staffId;
}

describe('staff accounts', () => {
  it('the officer creates an account: active, a temporary password to change at first sign-in, e-mailed; the officer is told; access-logged', async () => {
    const staffId = newStaffId();
    const email = `${staffId}@desk.example.jp`;
    const result = await create({ staffId, displayName: 'Taro Sato', email, role: 'operator' });
    expect(result.status).toBe(201);
    expect(result.json).toEqual({
      staffId,
      displayName: 'Taro Sato',
      email,
      role: 'operator',
      status: 'active',
      version: 1,
      passwordChangedAt: expect.any(String),
      createdAt: expect.any(String),
      createdBy: 'officer',
    });
    const stored = await getItem('staff', { staffId });
    expect(stored).toMatchObject({
      status: 'active',
      passwordMustChange: true,
      localPasswordHash: expect.stringMatching(/^scrypt:/),
    });

    const [toStaff, ...more] = await outboxTo(email);
    expect(more).toEqual([]);
    const temporary = /\n {4}(\S+)\n/.exec(toStaff!.text)?.[1];
    expect(temporary).toBeDefined();
    expect(temporary!.length).toBeGreaterThanOrEqual(14);
    expect(localPasswordMatches(temporary!, stored!.localPasswordHash)).toBe(true);
    expect(toStaff!.text).toContain('you will be asked to choose a new password');

    const [notice] = await noticesAbout(staffId);
    expect(notice).toMatchObject({ topic: 'staff-account', outboxState: 'pending' });
    expect(notice!.text).toContain('created with the role operator');
    expect(notice!.text).toContain('作成');
    expect(notice!.text).not.toContain(temporary!);

    expect(await logAbout(staffId)).toMatchObject([
      {
        actor: 'officer',
        role: 'officer',
        action: 'write',
        fields: ['displayName', 'email', 'role', 'status'],
        reason: 'staff account created as operator',
      },
    ]);
  });

  it('lists the accounts without sign-in secrets; the read is access-logged', async () => {
    const staffId = await created();
    const result = await list();
    expect(result.status).toBe(200);
    const mine = result.json.items.find((a: { staffId: string }) => a.staffId === staffId);
    expect(mine).toMatchObject({ staffId, role: 'operator', status: 'active' });
    expect(result.json.items.map((a: { staffId: string }) => a.staffId)).toEqual(
      expect.arrayContaining(['officer', 'operator', 'auditor']),
    );
    expect(JSON.stringify(result.json)).not.toMatch(/localPasswordHash|passwordMustChange|scrypt/);
    const reads = (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) =>
      e.subjects.includes('staff-directory'),
    );
    expect(reads.length).toBeGreaterThan(0);
  });

  it('an existing id → 409, bad input → 400, only the officer may create', async () => {
    const staffId = await created();
    const again = await create({ staffId, displayName: 'Again', email: 'again@desk.example.jp', role: 'auditor' });
    expectProblem(again, 409);
    // A type of its own, so the console says it in the officer's language.
    expect(again.json.type).toBe('urn:appi-desk:problem:account-exists');
    expectProblem(
      await create({ staffId: 'officer', displayName: 'Again', email: 'again@desk.example.jp', role: 'auditor' }),
      409,
    );
    for (const body of [
      {},
      { staffId: 'Bad Id', displayName: 'X', email: 'x@desk.example.jp', role: 'operator' },
      { staffId: newStaffId(), displayName: 'X', email: 'x@desk.example.jp', role: 'root' },
      // The queue's assignee filter means "the caller" and "nobody" by these.
      { staffId: 'me', displayName: 'X', email: 'x@desk.example.jp', role: 'operator' },
      { staffId: 'unassigned', displayName: 'X', email: 'x@desk.example.jp', role: 'operator' },
    ]) {
      expectProblem(await create(body), 400);
    }
    expectProblem(
      await create(
        { staffId: newStaffId(), displayName: 'X', email: 'x@desk.example.jp', role: 'operator' },
        staffClaims('operator'),
      ),
      403,
    );
  });

  it('disabling: 200, the person is refused on the very next call with the token they hold; logged and e-mailed', async () => {
    const staffId = await created();
    expect((await nextCall(staffId, 'operator')).status).toBe(200);
    const result = await disable(staffId, { reason: 'retirement', note: 'Retired on 30 November' });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      staffId,
      status: 'disabled',
      disabledReason: 'retirement',
      disabledBy: 'officer',
      version: 2,
      signInUpdated: true,
    });
    const refused = await nextCall(staffId, 'operator');
    expectProblem(refused, 403);
    expect(refused.json.title).toBe('Account disabled');
    expect((await logAbout(staffId)).at(-1)).toMatchObject({
      fields: ['status'],
      reason: 'staff account disabled: retirement (Retired on 30 November)',
    });
    expect((await noticesAbout(staffId)).map((m) => m.text).join()).toContain('disabled (retirement)');
  });

  it('a transfer (role change): the old role is refused on the very next call; a new sign-in with the new role works', async () => {
    const staffId = await created();
    const result = await changeRole(staffId, { role: 'auditor', reason: 'Transferred to internal audit' });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ role: 'auditor', status: 'active', version: 2 });
    const stale = await nextCall(staffId, 'operator');
    expectProblem(stale, 403);
    expect(stale.json.title).toBe('Not allowed for your role');
    expect((await nextCall(staffId, 'auditor')).status).toBe(200);
    expect((await logAbout(staffId)).at(-1)).toMatchObject({
      fields: ['role'],
      reason: 'staff role operator → auditor: Transferred to internal audit',
    });
    expect((await noticesAbout(staffId)).map((m) => m.text).join()).toContain('role operator → auditor');
  });

  it('re-enabling a disabled account: active again, the disabling fields gone', async () => {
    const staffId = await created();
    await disable(staffId, { reason: 'leave' });
    const result = await enable(staffId, { reason: 'Back from leave' });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ status: 'active', version: 3 });
    expect(result.json).not.toHaveProperty('disabledAt');
    const stored = await getItem('staff', { staffId });
    expect(stored).not.toHaveProperty('disabledReason');
    expect((await nextCall(staffId, 'operator')).status).toBe(200);
  });

  it('the same state again → 409; an unknown id → 404; nothing logged or e-mailed for them', async () => {
    const staffId = await created();
    const before = { log: (await logAbout(staffId)).length, mail: (await noticesAbout(staffId)).length };
    expectProblem(await enable(staffId, { reason: 'Again' }), 409);
    expectProblem(await changeRole(staffId, { role: 'operator', reason: 'Same' }), 409);
    await disable(staffId, { reason: 'transfer' });
    expectProblem(await disable(staffId, { reason: 'transfer' }), 409);
    expect((await logAbout(staffId)).length).toBe(before.log + 1);
    expect((await noticesAbout(staffId)).length).toBe(before.mail + 1);
    for (const call of [
      disable('nobody-here', { reason: 'other' }),
      enable('nobody-here', { reason: 'x' }),
      changeRole('nobody-here', { role: 'auditor', reason: 'x' }),
    ]) {
      expectProblem(await call, 404);
    }
  });

  it('an officer cannot disable or demote themselves (422), so an active officer always remains', async () => {
    for (const result of [
      await disable('officer', { reason: 'other' }),
      await changeRole('officer', { role: 'auditor', reason: 'Leaving the role' }),
    ]) {
      expectProblem(result, 422);
      expect(result.json.detail).toContain('own account');
    }
    expect(await getItem('staff', { staffId: 'officer' })).toMatchObject({ status: 'active', role: 'officer' });
  });

  it('an account seeded before the account routes (no version) is changed as version 0', async () => {
    await putStaff('seeded-before', 'operator');
    const result = await disable('seeded-before', { reason: 'transfer' });
    expect(result.status).toBe(200);
    expect(await getItem('staff', { staffId: 'seeded-before' })).toMatchObject({ status: 'disabled', version: 1 });
  });

  it('two officers disabling the same account at once: one wins, the other 409', async () => {
    const staffId = await created();
    bothReadBeforeEitherWrites(dynamoStaffAccounts, 'get');
    const results = await Promise.all([
      disable(staffId, { reason: 'retirement' }),
      disable(staffId, { reason: 'transfer' }, staffClaims('officer-2', 'officer')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await noticesAbout(staffId)).filter((m) => m.text.includes('disabled'))).toHaveLength(1);
  });

  it('two officers creating the same id at once: one 201, the other 409, one account and one temporary password', async () => {
    const staffId = newStaffId();
    bothReadBeforeEitherWrites(dynamoStaffAccounts, 'get');
    const body = { staffId, displayName: 'Twice', email: `${staffId}@desk.example.jp`, role: 'operator' };
    const results = await Promise.all([create(body), create(body, staffClaims('officer-2', 'officer'))]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await outboxTo(`${staffId}@desk.example.jp`)).toHaveLength(1);
  });

  it('an address another account has, in any case → 409 naming email; nothing created, logged or e-mailed', async () => {
    const staffId = newStaffId();
    const result = await create({
      staffId,
      displayName: 'Second Self',
      email: 'Officer@Desk.Example.JP',
      role: 'officer',
    });
    expectProblem(result, 409);
    expect(result.json.title).toBe('E-mail in use');
    expect(result.json.detail).toMatch(/^email: /);
    expect(await getItem('staff', { staffId })).toBeUndefined();
    expect(await logAbout(staffId)).toEqual([]);
    expect(await noticesAbout(staffId)).toEqual([]);
  });

  it('two officers creating two ids with one new address at once: one 201, the other 409, one account holds it', async () => {
    const [first, second] = [newStaffId(), newStaffId()];
    const email = `shared-${first}@desk.example.jp`;
    bothReadBeforeEitherWrites(dynamoStaffAccounts, 'list');
    const results = await Promise.all([
      create({ staffId: first, displayName: 'One', email, role: 'officer' }),
      create(
        { staffId: second, displayName: 'Two', email: email.toUpperCase(), role: 'officer' },
        staffClaims('officer-2', 'officer'),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((results.find((r) => r.status === 409)!.json as { title: string }).title).toBe('E-mail in use');
    const accounts = (await list()).json.items as Array<{ email: string }>;
    expect(accounts.filter((a) => a.email.toLowerCase() === email)).toHaveLength(1);
    const mails = (await scanAll<StoredOutboxMessage>('outbox')).filter((m) =>
      m.to.some((to) => to.toLowerCase() === email),
    );
    expect(mails).toHaveLength(1);
  });

  it('two officers disabling each other at once: never both, so an officer stays active', async () => {
    await Promise.all([putStaff('officer-a', 'officer'), putStaff('officer-b', 'officer')]);
    bothReadBeforeEitherWrites(dynamoStaffAccounts, 'get');
    const results = await Promise.all([
      disable('officer-b', { reason: 'other' }, staffClaims('officer-a', 'officer')),
      disable('officer-a', { reason: 'other' }, staffClaims('officer-b', 'officer')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const statuses = await Promise.all(
      ['officer-a', 'officer-b'].map(async (staffId) => (await getItem('staff', { staffId }))!.status),
    );
    expect(statuses.sort()).toEqual(['active', 'disabled']);
  });
});
