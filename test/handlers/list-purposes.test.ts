// GET /v1/staff/purposes against DynamoDB Local: every purpose's current version and its history,
// newest first, without the worker's jobs; every staff role may read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { handler as change } from '../../functions/handlers/change-purpose';
import { handler } from '../../functions/handlers/list-purposes';
import { purposeListResponse } from '../../functions/http/contract';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const list = (claims?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path: '/v1/staff/purposes',
    resource: '/v1/staff/purposes',
    ...(claims ? { claims } : {}),
  });

describe('list-purposes', () => {
  it("the policy's eight purposes, then a change shows as the current version with its history newest first", async () => {
    const before = await list(staffClaims('auditor'));
    expect(before.status).toBe(200);
    expect(before.json.items.map((i: { purposeId: string }) => i.purposeId)).toEqual(
      POLICY_PURPOSES.map((p) => p.purposeId),
    );
    const changed = await invoke(change, {
      method: 'PUT',
      path: '/v1/staff/purposes/billing',
      resource: '/v1/staff/purposes/{purposeId}',
      pathParameters: { purposeId: 'billing' },
      body: {
        ja: '請求、決済及び領収書の発行のため',
        en: 'To bill, settle fees and issue receipts',
        relatedScope: 'Receipts are part of settling the fees.',
      },
      claims: staffClaims('officer'),
    });
    expect(changed.status).toBe(200);
    const after = await list(staffClaims('operator'));
    expect(purposeListResponse.safeParse(after.json).success).toBe(true);
    const billing = after.json.items.find((i: { purposeId: string }) => i.purposeId === 'billing');
    expect(billing).toMatchObject({ version: 2, en: 'To bill, settle fees and issue receipts' });
    expect(billing.history.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(JSON.stringify(after.json)).not.toContain('rollout');
  });

  it('401 without staff claims', async () => {
    expectProblem(await list(), 401);
  });
});
