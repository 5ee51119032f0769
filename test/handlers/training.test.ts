// The training routes against DynamoDB Local: only the officer adds courses and records completions;
// unknown staff or courses, future days and bad validities are refused naming the field with nothing
// written; the officer and auditors see every member, anyone else themselves; the record is logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { japanDay } from '../../functions/domain/kernel/calendar';
import { handler as addCourse } from '../../functions/handlers/add-training-course';
import { handler as list } from '../../functions/handlers/list-training';
import { handler as record } from '../../functions/handlers/record-training-completion';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, scanAll, staffClaims } from '../support/requests';

let prefix: string;
const OFFICER = staffClaims('officer');
const OPERATOR = staffClaims('operator');
const AUDITOR = staffClaims('auditor');

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});
afterAll(() => dropTables(prefix));

const call = (
  handler: Parameters<typeof invoke>[0],
  method: 'GET' | 'POST',
  path: string,
  opts: { body?: unknown; claims?: Record<string, string> } = {},
) =>
  invoke(handler, {
    method,
    path,
    resource: path,
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    claims: opts.claims ?? OFFICER,
  });

const course = (courseId: string, fields: Record<string, unknown> = {}) => ({
  courseId,
  title: { ja: '個人情報保護の基礎', en: 'Personal information protection basics' },
  required: true,
  ...fields,
});
const items = async () => (await scanAll('safeguards')).map((i) => `${i.pk} ${i.sk}`).sort();

describe('courses', () => {
  it('the officer adds a course valid a year by default, and one of 3 months; a second with the same id is 409', async () => {
    const added = await call(addCourse, 'POST', '/v1/staff/training/courses', { body: course('basics') });
    expect(added.status, JSON.stringify(added.json)).toBe(201);
    expect(added.json).toMatchObject({ courseId: 'basics', validityMonths: 12, createdBy: 'officer' });
    const short = await call(addCourse, 'POST', '/v1/staff/training/courses', {
      body: course('phishing', { validityMonths: 3, required: false }),
    });
    expect(short.status).toBe(201);
    const again = await call(addCourse, 'POST', '/v1/staff/training/courses', { body: course('basics') });
    expectProblem(again, 409);
    expect(again.json.errors).toEqual([expect.objectContaining({ field: 'courseId' })]);
  });

  it.each([
    [{ validityMonths: 0 }, 'validityMonths'],
    [{ validityMonths: 37 }, 'validityMonths'],
    [{ validityMonths: 1.5 }, 'validityMonths'],
    [{ required: undefined }, 'required'],
    [{ courseId: 'Has Spaces' }, 'courseId'],
  ])('refuses %j (400 naming the field); nothing written', async (fields, field) => {
    const before = await items();
    const result = await call(addCourse, 'POST', '/v1/staff/training/courses', { body: course('bad', fields) });
    expectProblem(result, 400);
    expect(JSON.stringify(result.json.errors)).toContain(field);
    expect(await items()).toEqual(before);
  });

  it('refuses the operator and the auditor (403)', async () => {
    for (const claims of [OPERATOR, AUDITOR])
      expectProblem(
        await call(addCourse, 'POST', '/v1/staff/training/courses', { body: course('x-course'), claims }),
        403,
      );
  });
});

describe('completions', () => {
  it('the officer records one, current through the day the validity gives; the write is access-logged', async () => {
    const result = await call(record, 'POST', '/v1/staff/training/completions', {
      body: { staffId: 'operator', courseId: 'basics', completedOn: '2026-01-31' },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({ completedOn: '2026-01-31', validUntil: '2027-01-30', recordedBy: 'officer' });
    const short = await call(record, 'POST', '/v1/staff/training/completions', {
      body: { staffId: 'operator', courseId: 'phishing', completedOn: '2025-11-30' },
    });
    expect(short.json.validUntil).toBe('2026-02-28');
    const log = (await scanAll<ChainedAccessLogEntry>('access-log')).filter(
      (e) => e.action === 'write' && e.subjects.includes('staff:operator'),
    );
    expect(log).toHaveLength(2);
  });

  it.each([
    [{ staffId: 'nobody-here' }, 422, 'staffId'],
    [{ courseId: 'no-such-course' }, 422, 'courseId'],
    [{ completedOn: '2999-01-01' }, 422, 'completedOn'],
    [{ completedOn: 'yesterday' }, 400, 'completedOn'],
  ])('refuses %j with %i naming the field; nothing written', async (fields, status, field) => {
    const before = await items();
    const result = await call(record, 'POST', '/v1/staff/training/completions', {
      body: { staffId: 'auditor', courseId: 'basics', completedOn: japanDay(new Date()), ...fields },
    });
    expectProblem(result, status);
    expect(JSON.stringify(result.json.errors)).toContain(field);
    expect(await items()).toEqual(before);
  });

  it('refuses the operator and the auditor (403), even for themselves', async () => {
    for (const [claims, staffId] of [
      [OPERATOR, 'operator'],
      [AUDITOR, 'auditor'],
    ] as const)
      expectProblem(
        await call(record, 'POST', '/v1/staff/training/completions', {
          body: { staffId, courseId: 'basics', completedOn: '2026-01-31' },
          claims,
        }),
        403,
      );
  });
});

describe('the listing', () => {
  it('the officer and auditors see every active member, an operator only themselves', async () => {
    for (const claims of [OFFICER, AUDITOR]) {
      const all = await call(list, 'GET', '/v1/staff/training', { claims });
      expect(all.status, JSON.stringify(all.json)).toBe(200);
      expect(all.json.members.map((m: { staffId: string }) => m.staffId)).toEqual(
        expect.arrayContaining(['auditor', 'officer', 'operator']),
      );
      expect(all.json.courses.map((c: { courseId: string }) => c.courseId)).toEqual(['basics', 'phishing']);
    }
    const own = await call(list, 'GET', '/v1/staff/training', { claims: OPERATOR });
    expect(own.json.members.map((m: { staffId: string }) => m.staffId)).toEqual(['operator']);
    const rows = own.json.members[0].completions.map((c: { courseId: string; validUntil: string }) => [
      c.courseId,
      c.validUntil,
    ]);
    expect(rows).toEqual([
      ['basics', '2027-01-30'],
      ['phishing', '2026-02-28'],
    ]);
  });
});
