// POST /v1/staff/purposes/{purposeId}/retirement against DynamoDB Local: the business ended, so a
// retired version with a pending recompute job is published; only officers may; once only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/retire-purpose';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, getItem, scanAll, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const retire = (
  purposeId: string,
  body: unknown = { reason: 'business-ended', note: 'The advertising business was closed on 30 November.' },
  claims = staffClaims('officer'),
) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/purposes/${purposeId}/retirement`,
    resource: '/v1/staff/purposes/{purposeId}/retirement',
    pathParameters: { purposeId },
    body,
    claims,
  });

describe('retire-purpose', () => {
  it('200 with the retired version, retired now; stored with a pending recompute job the answer does not show', async () => {
    const result = await retire('advertising');
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({
      purposeId: 'advertising',
      version: 2,
      status: 'retired',
      publishedBy: 'officer',
      change: { kind: 'retired', note: 'The advertising business was closed on 30 November.' },
    });
    expect(result.json.retiredAt).toBe(result.json.effectiveFrom);
    expect(Date.parse(result.json.retiredAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(result.json).not.toHaveProperty('rollout');
    expect(await getItem('purposes', { purposeId: 'advertising', version: 2 })).toMatchObject({
      rollout: { kind: 'recompute', state: 'pending', processed: 0 },
    });
  });

  it('409 when already retired, 404 for an unknown purpose', async () => {
    await retire('usage-analysis');
    expectProblem(await retire('usage-analysis'), 409);
    expectProblem(await retire('no-such-purpose'), 404);
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'usage-analysis')).toHaveLength(1);
  });

  it('400 for a reason other than the business ending, or without a note', async () => {
    expectProblem(await retire('billing', { reason: 'no-longer-needed', note: 'We do not need it any more.' }), 400);
    expectProblem(await retire('billing', { reason: 'business-ended' }), 400);
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'billing')).toEqual([]);
  });

  it('403 for an operator or an auditor', async () => {
    expectProblem(await retire('service-improvement', undefined, staffClaims('operator')), 403);
    expectProblem(await retire('service-improvement', undefined, staffClaims('auditor')), 403);
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'service-improvement')).toEqual([]);
  });
});
