// POST /v1/staff/subjects/{subjectId}/personal-data against DynamoDB Local: an operator registers
// what they took down; the write is access-logged first, and the operator is the registrant.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import type { StoredPersonalDataRecord } from '../../functions/domain/holdings';
import { handler } from '../../functions/handlers/register-personal-data-by-staff';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, scanAll, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const register = (subjectId: string, body: unknown, claims?: Record<string, string>) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/subjects/${subjectId}/personal-data`,
    resource: '/v1/staff/subjects/{subjectId}/personal-data',
    pathParameters: { subjectId },
    body,
    ...(claims ? { claims } : {}),
  });

const subject = () => `subject-${randomUUID()}`;
const recordsOf = async (subjectId: string) =>
  (await scanAll<StoredPersonalDataRecord>('personal-data')).filter((r) => r.subjectId === subjectId);
const logOf = async (subjectId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.subjects.includes(subjectId));

const letter = (fields: Record<string, unknown> = {}) => ({
  category: 'address',
  value: '東京都千代田区神田錦町1-2-3',
  source: 'from-customer',
  sourceDetail: 'Letter of 2026-11-01',
  purposes: ['service-provision', 'billing'],
  acquiredAt: new Date(Date.now() - 86_400_000).toISOString(),
  ...fields,
});

describe('register-personal-data-by-staff', () => {
  it('201: registers with the operator as registrant, after logging the write', async () => {
    const s = subject();
    const result = await register(
      s,
      { records: [letter(), letter({ category: 'phone', value: '03-1234-5678' })] },
      staffClaims('operator'),
    );
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json.records).toHaveLength(2);
    expect((await recordsOf(s)).map((r) => r.registeredBy)).toEqual(['staff:operator', 'staff:operator']);
    const entries = await logOf(s);
    expect(entries).toEqual([
      expect.objectContaining({
        actor: 'operator',
        role: 'operator',
        action: 'write',
        subjects: [s],
        fields: ['address', 'phone'],
        reason: 'registration',
        sourceIp: '203.0.113.10',
      }),
    ]);
    expect(JSON.stringify(entries)).not.toContain('神田');
  });

  it('422 for an unknown purpose: nothing written, nothing logged', async () => {
    const s = subject();
    const result = await register(s, { records: [letter({ purposes: ['foo'] })] }, staffClaims('operator'));
    expectProblem(result, 422);
    expect(result.json.detail).toContain('records[0].purposes: "foo"');
    expect(await recordsOf(s)).toEqual([]);
    expect(await logOf(s)).toEqual([]);
  });

  it('403 for a role that may not register; 401 without staff claims', async () => {
    const s = subject();
    expectProblem(await register(s, { records: [letter()] }, staffClaims('auditor')), 403);
    expectProblem(await register(s, { records: [letter()] }), 401);
    expect(await recordsOf(s)).toEqual([]);
    expect(await logOf(s)).toEqual([]);
  });

  it('400 for a subject id in the body: the path names the subject', async () => {
    const s = subject();
    const result = await register(s, { subjectId: 'other', records: [letter()] }, staffClaims('operator'));
    expectProblem(result, 400);
    expect(await recordsOf(s)).toEqual([]);
  });
});
