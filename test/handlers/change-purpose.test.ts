// PUT /v1/staff/purposes/{purposeId} against DynamoDB Local: a change within the related scope is the
// next version with a pending notify job (never shown); two officers at once get one 200 and one 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoPurposeVersions } from '../../functions/adapters/purpose-repository';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { handler } from '../../functions/handlers/change-purpose';
import { handler as retire } from '../../functions/handlers/retire-purpose';
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

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoStaff('test-password'), putStaff('officer-2', 'officer')]);
});

afterAll(() => dropTables(prefix));

const change = (purposeId: string, body: unknown, claims: Record<string, string> = staffClaims('officer')) =>
  invoke(handler, {
    method: 'PUT',
    path: `/v1/staff/purposes/${purposeId}`,
    resource: '/v1/staff/purposes/{purposeId}',
    pathParameters: { purposeId },
    body,
    claims,
  });

const body = {
  ja: '当社サービスの利用料金の請求、決済及び領収書の発行のため',
  en: 'To bill and settle usage fees for our services and to issue receipts',
  relatedScope: 'Issuing receipts is part of settling the fees the customer already pays.',
};

describe('change-purpose', () => {
  it('200 with the next version; stored with a pending notify job that the answer does not show', async () => {
    const result = await change('billing', body);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    expect(result.json).toEqual({
      ...billing,
      version: 2,
      ja: body.ja,
      en: body.en,
      effectiveFrom: expect.any(String),
      publishedBy: 'officer',
      change: { kind: 'changed', note: body.relatedScope },
    });
    expect(await getItem('purposes', { purposeId: 'billing', version: 2 })).toMatchObject({
      rollout: { kind: 'notify', state: 'pending', processed: 0 },
    });
  });

  it("a new achievement rule is taken; the basis is not the caller's to change", async () => {
    const result = await change('usage-analysis', { ...body, achievement: { after: 'last-activity', days: 400 } });
    expect(result.json).toMatchObject({
      version: 2,
      achievement: { after: 'last-activity', days: 400 },
      basis: 'notice',
    });
    expectProblem(await change('usage-analysis', { ...body, en: 'Other', basis: 'consent' }), 400);
  });

  it('two officers changing at once: one 200, one 409, one version stored', async () => {
    // Both read the registry before either publishes, as two officers at once do; without this the
    // first may finish before the second reads, and the second then rightly changes version 2.
    bothReadBeforeEitherWrites(dynamoPurposeVersions, 'versions');
    const results = await Promise.all([
      change('service-improvement', body),
      change('service-improvement', { ...body, en: 'Another text' }, staffClaims('officer-2', 'officer')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expectProblem(loser, 409);
    expect(loser.json.detail).toMatch(/Reload/);
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'service-improvement')).toHaveLength(1);
  });

  it('the related scope is required: 4xx naming relatedScope, nothing stored', async () => {
    for (const relatedScope of [undefined, '   ', 'short']) {
      const result = await change('important-notices', { ...body, relatedScope });
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(JSON.stringify(result.json)).toMatch(/relatedScope|[Rr]elated scope/);
    }
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'important-notices')).toEqual([]);
  });

  it('404 for an unknown purpose, 409 for a retired one, 422 when nothing changes', async () => {
    expectProblem(await change('no-such-purpose', body), 404);
    const retired = await invoke(retire, {
      method: 'POST',
      path: '/v1/staff/purposes/advertising/retirement',
      resource: '/v1/staff/purposes/{purposeId}/retirement',
      pathParameters: { purposeId: 'advertising' },
      body: { reason: 'business-ended', note: 'The advertising business was closed.' },
      claims: staffClaims('officer'),
    });
    expect(retired.status).toBe(200);
    expectProblem(await change('advertising', body), 409);
    const screening = POLICY_PURPOSES.find((p) => p.purposeId === 'registration-screening')!;
    expectProblem(
      await change('registration-screening', { ja: screening.ja, en: screening.en, relatedScope: body.relatedScope }),
      422,
    );
  });

  it('403 for an operator or an auditor', async () => {
    expectProblem(await change('information-and-inquiries', body, staffClaims('operator')), 403);
    expectProblem(await change('information-and-inquiries', body, staffClaims('auditor')), 403);
    expect((await scanAll('purposes')).filter((v) => v.purposeId === 'information-and-inquiries')).toEqual([]);
  });
});
