// No resurrection after erasure, against DynamoDB Local: a person erased or ceased by a decided
// cessation-of-use request cannot be brought back by the next sync from a source system, under the old
// subject id or a new one; another purpose after a cessation is fine. Registration never replaces a
// record: identical is accepted, a changed value or a revived record is 409, and of two at once one wins.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupKeyOf, type StoredPersonalDataRecord } from '../../functions/domain/holdings';
import type { Suppression } from '../../functions/domain/personal-data/suppression';
import { handler as eraseOnRequest } from '../../functions/handlers/erase-on-request';
import { handler as registerBySystem } from '../../functions/handlers/register-personal-data';
import { handler as registerByStaff } from '../../functions/handlers/register-personal-data-by-staff';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  putItem,
  requestBody,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
  submitAndVerify,
  systemPrincipal,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const recent = () => new Date(Date.now() - 86_400_000).toISOString();

const register = (subjectId: string, records: unknown[]) =>
  invoke(registerBySystem, {
    method: 'POST',
    path: '/v1/system/personal-data',
    body: { subjectId, records },
    principal: systemPrincipal(),
  });

const registerAtDesk = (subjectId: string, records: unknown[]) =>
  invoke(registerByStaff, {
    method: 'POST',
    path: `/v1/staff/subjects/${subjectId}/personal-data`,
    resource: '/v1/staff/subjects/{subjectId}/personal-data',
    pathParameters: { subjectId },
    body: { records },
    claims: staffClaims('operator'),
  });

const emailRecord = (email: string, fields: Record<string, unknown> = {}) => ({
  recordId: 'crm-email',
  category: 'email',
  value: email,
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: recent(),
  ...fields,
});

const phoneRecord = (fields: Record<string, unknown> = {}) => ({
  recordId: 'crm-phone',
  category: 'phone',
  value: '090-1234-5678',
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: recent(),
  ...fields,
});

const recordsOf = async (subjectId: string) =>
  (await scanAll<StoredPersonalDataRecord>('personal-data')).filter((r) => r.subjectId === subjectId);
const suppressionsOf = async (requestId: string) =>
  (await scanAll<Suppression>('suppressions')).filter((s) => s.requestId === requestId);

/** A person the CRM registered (address and phone, for service provision), with a lifecycle. */
async function person() {
  const email = uniqueEmail('hanako');
  const subjectId = `subject-${randomUUID()}`;
  const registered = await register(subjectId, [emailRecord(email), phoneRecord()]);
  expect(registered.status, JSON.stringify(registered.json)).toBe(201);
  await putItem('subjects', { subjectId, lastActivityAt: recent() });
  return { email, subjectId };
}

/** A cessation-of-use request by the person, decided as asked; for erase, the worker then erases. */
async function decidedCessation(email: string, subjectId: string, measure: 'erase' | 'cease-use') {
  const { requestId } = await submitAndVerify({
    ...requestBody({ requesterEmail: email, name: 'Hanako Yamada', language: 'en' }),
    type: 'cessation-of-use',
    details: { grounds: ['no-longer-needed'], measure },
  } as ReturnType<typeof requestBody>);
  const before = await getItem('subjects', { subjectId });
  const decided = await decide(requestId, { outcome: 'fulfilled', details: { measure } });
  expect(decided.status, JSON.stringify(decided.json)).toBe(200);
  if (measure === 'erase') {
    const after = await getItem('subjects', { subjectId });
    const change = streamRecord('MODIFY', { oldImage: before, newImage: after });
    expect((await eraseOnRequest(streamEvent(change))).batchItemFailures).toEqual([]);
    expect(await recordsOf(subjectId)).toEqual([]);
  }
  return { requestId, decidedAt: decided.json.decidedAt as string };
}

describe('after a decided erasure', () => {
  it('leaves one entry per identifier in the decision’s transaction, with no personal data', async () => {
    const { email, subjectId } = await person();
    const { requestId, decidedAt } = await decidedCessation(email, subjectId, 'erase');
    const entries = await suppressionsOf(requestId);
    expect(entries).toHaveLength(2);
    for (const entry of entries) {
      expect(entry).toMatchObject({ requestId, measure: 'erase', purposes: 'all', at: decidedAt });
      expect(entry.expiresAt).toBeGreaterThan(Date.now() / 1000 + 3 * 360 * 86_400);
    }
    const text = JSON.stringify(entries);
    expect(text).not.toContain(email);
    expect(text).not.toContain(subjectId);
  });

  it('re-registering the person’s address for the ceased purpose is 409 naming the request; nothing written', async () => {
    const { email, subjectId } = await person();
    const { requestId, decidedAt } = await decidedCessation(email, subjectId, 'erase');
    const result = await register(subjectId, [emailRecord(email), phoneRecord()]);
    expectProblem(result, 409);
    expect(result.json).toMatchObject({
      type: 'urn:appi-desk:problem:suppressed-by-request',
      requestId,
      decidedAt,
    });
    expect(result.json.detail).toContain(`request ${requestId} of ${decidedAt.slice(0, 10)}`);
    expect(JSON.stringify(result.json)).not.toContain(email);
    expect(await recordsOf(subjectId)).toEqual([]);
  });

  it('the same address under a new subject id (in other case) is refused too, and so is the desk’s own registration', async () => {
    const { email, subjectId } = await person();
    const { requestId } = await decidedCessation(email, subjectId, 'erase');
    const fresh = `subject-${randomUUID()}`;
    const result = await register(fresh, [emailRecord(` ${email.toUpperCase()}`, { recordId: 'other-crm-1' })]);
    expectProblem(result, 409);
    expect(result.json.requestId).toBe(requestId);
    expect(await recordsOf(fresh)).toEqual([]);

    const atDesk = await registerAtDesk(subjectId, [phoneRecord({ recordId: undefined })]);
    expectProblem(atDesk, 409);
    expect(await recordsOf(subjectId)).toEqual([]);
  });
});

describe('after a decided cessation of use', () => {
  it('a ceased purpose is refused, another purpose is registered', async () => {
    const { email, subjectId } = await person();
    const { requestId } = await decidedCessation(email, subjectId, 'cease-use');
    expect((await suppressionsOf(requestId)).map((s) => s.purposes)).toEqual([
      ['service-provision'],
      ['service-provision'],
    ]);
    const refused = await register(subjectId, [phoneRecord({ recordId: 'crm-phone-2', value: '03-0000-1111' })]);
    expectProblem(refused, 409);
    expect(refused.json.requestId).toBe(requestId);

    const other = await register(subjectId, [
      phoneRecord({ recordId: 'crm-phone-2', value: '03-0000-1111', purposes: ['important-notices'] }),
    ]);
    expect(other.status, JSON.stringify(other.json)).toBe(201);
    expect(await recordsOf(subjectId)).toHaveLength(3);
  });

  it('the records still held sync again unchanged: accepted, nothing written', async () => {
    const { email, subjectId } = await person();
    await decidedCessation(email, subjectId, 'cease-use');
    const before = await recordsOf(subjectId);
    const result = await register(subjectId, [emailRecord(email, { acquiredAt: before[0]!.acquiredAt })]);
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(await recordsOf(subjectId)).toEqual(before);
  });
});

describe('registration never replaces a record', () => {
  const subject = () => `subject-${randomUUID()}`;

  it('an identical record again: 201, the stored record untouched (its correction kept)', async () => {
    const s = subject();
    const record = phoneRecord();
    expect((await register(s, [record])).status).toBe(201);
    await putItem('personal-data', {
      ...(await recordsOf(s))[0]!,
      value: '090-9999-0000',
      correctedAt: recent(),
      correctedBy: 'req-fix',
    });
    const corrected = await recordsOf(s);
    const again = await register(s, [{ ...record, value: '090-9999-0000' }]);
    expect(again.status, JSON.stringify(again.json)).toBe(201);
    expect(again.json.records).toEqual([{ recordId: 'crm-phone', category: 'phone' }]);
    expect(await recordsOf(s)).toEqual(corrected);

    const old = await register(s, [record]);
    expectProblem(old, 409);
    expect(old.json).toMatchObject({ type: 'urn:appi-desk:problem:record-differs' });
    expect(old.json.errors).toEqual([expect.objectContaining({ field: 'body.records.0.value' })]);
    expect(await recordsOf(s)).toEqual(corrected);
  });

  it('added purposes: 409 naming the purpose rules, nothing written', async () => {
    const s = subject();
    expect((await register(s, [phoneRecord()])).status).toBe(201);
    const result = await register(s, [phoneRecord({ purposes: ['service-provision', 'advertising'] })]);
    expectProblem(result, 409);
    expect(result.json.type).toBe('urn:appi-desk:problem:purposes-added');
    expect((await recordsOf(s))[0]!.purposes).toEqual(['service-provision']);
  });

  it('a record expired or deleted on request, awaiting the TTL, cannot be revived', async () => {
    const s = subject();
    const gone = { subjectId: s, ...phoneRecord() };
    await putItem('personal-data', {
      ...gone,
      lookupKey: lookupKeyOf(gone),
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
      erasureReason: 'request',
    });
    const result = await register(s, [phoneRecord()]);
    expectProblem(result, 409);
    expect(result.json.type).toBe('urn:appi-desk:problem:record-erased');
    expect((await recordsOf(s))[0]!.erasureReason).toBe('request');
  });

  it('two registrations of the same record id at once: one wins, the other is 409, never a 500', async () => {
    const s = subject();
    const results = await Promise.all([
      register(s, [phoneRecord({ value: '03-1111-1111' })]),
      register(s, [phoneRecord({ value: '03-2222-2222' })]),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const stored = await recordsOf(s);
    expect(stored).toHaveLength(1);
    const winner = results.findIndex((r) => r.status === 201);
    expect(stored[0]!.value).toBe(winner === 0 ? '03-1111-1111' : '03-2222-2222');
  });
});
