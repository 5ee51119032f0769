// POST /v1/staff/purposes against DynamoDB Local: an officer adds a purpose as version 1; an id that
// exists (the policy's own included) is 409; only officers may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/create-purpose';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, getItem, scanAll, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const create = (body: unknown, claims: Record<string, string> = staffClaims('officer')) =>
  invoke(handler, { method: 'POST', path: '/v1/staff/purposes', resource: '/v1/staff/purposes', body, claims });

const newPurpose = (purposeId: string) => ({
  purposeId,
  ja: '当社イベントのご案内のため',
  en: 'To invite you to our events',
  basis: 'consent',
  achievement: { after: 'last-activity', days: 365 },
  note: 'The events business starts in January.',
});

describe('create-purpose', () => {
  it('201 with version 1, published now by the officer, stored', async () => {
    const result = await create(newPurpose('event-invitations'));
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toEqual({
      ...newPurpose('event-invitations'),
      note: undefined,
      version: 1,
      status: 'active',
      effectiveFrom: expect.any(String),
      publishedBy: 'officer',
      change: { kind: 'created', note: 'The events business starts in January.' },
    });
    expect(Date.parse(result.json.effectiveFrom)).toBeGreaterThan(Date.now() - 60_000);
    expect(await getItem('purposes', { purposeId: 'event-invitations', version: 1 })).toMatchObject({
      publishedBy: 'officer',
    });
  });

  it("409 for an id that exists, and for one of the policy's own purposes", async () => {
    await create(newPurpose('seminars'));
    expectProblem(await create(newPurpose('seminars')), 409);
    const policy = await create(newPurpose('billing'));
    expectProblem(policy, 409);
    expect(policy.json.detail).toContain('PUT /v1/staff/purposes/billing');
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'billing')).toEqual([]);
  });

  it('of two officers adding the same id at once, one wins', async () => {
    const results = await Promise.all([
      create(newPurpose('webinars')),
      create({ ...newPurpose('webinars'), en: 'To invite you to webinars' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'webinars')).toHaveLength(1);
  });

  it('403 for an operator or an auditor, and nothing stored', async () => {
    expectProblem(await create(newPurpose('by-operator'), staffClaims('operator')), 403);
    expectProblem(await create(newPurpose('by-auditor'), staffClaims('auditor')), 403);
    expect((await scanAll('purposes')).filter((v) => String(v.purposeId).startsWith('by-'))).toEqual([]);
  });

  it('4xx naming the field for a bad id, an unknown achievement event or a missing reason', async () => {
    for (const body of [
      { ...newPurpose('x'), purposeId: 'Bad Id' },
      { ...newPurpose('bad-event'), achievement: { after: 'birthday', days: 30 } },
      { ...newPurpose('no-note'), note: undefined },
    ]) {
      const result = await create(body);
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(JSON.stringify(result.json.errors)).toMatch(/purposeId|achievement|note/);
    }
    expect((await scanAll('purposes')).filter((v) => ['bad-event', 'no-note'].includes(v.purposeId))).toEqual([]);
  });
});
