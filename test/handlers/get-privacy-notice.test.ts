// GET /v1/privacy-notice through its handler against DynamoDB Local: public, cacheable, what the
// policy promises to publish, and the purposes as the registry has them, changes with their dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privacyNoticeResponse } from '../../functions/http/contract';
import { handler } from '../../functions/handlers/get-privacy-notice';
import { handler as change } from '../../functions/handlers/change-purpose';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const get = (headers?: Record<string, string>) =>
  invoke(handler, { method: 'GET', path: '/v1/privacy-notice', resource: '/v1/privacy-notice', ...(headers ? { headers } : {}) });

describe('get-privacy-notice', () => {
  it('200 with purposes of use, sources, access information, special care, My Number, provision, publications, the desk and its hours', async () => {
    const result = await get();
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(result.headers['cache-control']).toBe('public, max-age=300');
    expect(privacyNoticeResponse.safeParse(result.json).success).toBe(true);
    expect(result.json.purposesOfUse).toHaveLength(8);
    for (const purpose of result.json.purposesOfUse) {
      expect(purpose).toEqual({ id: expect.any(String), ja: expect.any(String), en: expect.any(String), version: 1, effectiveFrom: '2024-03-31T15:00:00.000Z' });
    }
    expect(result.json.purposeChanges).toEqual([]);
    expect(result.json.acquisitionSources.length).toBeGreaterThan(0);
    expect(result.json.accessInformation.linkage.en).toMatch(/linked/);
    expect(result.json.specialCareInformation.policy.en).toMatch(/consent/);
    expect(result.json.myNumber.affairs).toEqual(['tax', 'social-insurance']);
    expect(result.json.thirdPartyProvision).toMatchObject({ policy: expect.stringMatching(/consent/) });
    expect(result.json.anonymisedInformationPublications).toEqual([]);
    expect(result.json.requests.accepted).toContain('disclosure');
    expect(result.json.desk.hours).toMatchObject({ timeZone: 'Asia/Tokyo', opens: '09:00', closes: '17:00' });
  });

  it('needs no authentication and ignores a body-less GET with any headers', async () => {
    const result = await get({ Authorization: 'Bearer whatever', Accept: 'text/html' });
    expect(result.status).toBe(200);
  });

  it('publishes a changed purpose at once: its new version and date, and the change in the list', async () => {
    const changed = await invoke(change, {
      method: 'PUT', path: '/v1/staff/purposes/billing', resource: '/v1/staff/purposes/{purposeId}', pathParameters: { purposeId: 'billing' },
      body: { ja: '請求、決済及び領収書の発行のため', en: 'To bill, settle fees and issue receipts', relatedScope: 'Receipts are part of settling the fees.' },
      claims: staffClaims('officer'),
    });
    expect(changed.status).toBe(200);
    const result = await get();
    const billing = result.json.purposesOfUse.find((p: { id: string }) => p.id === 'billing');
    expect(billing).toEqual({ id: 'billing', ja: '請求、決済及び領収書の発行のため', en: 'To bill, settle fees and issue receipts', version: 2, effectiveFrom: changed.json.effectiveFrom });
    const old = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    expect(result.json.purposeChanges).toEqual([{
      id: 'billing', version: 2, kind: 'changed', effectiveFrom: changed.json.effectiveFrom,
      ja: billing.ja, en: billing.en, previous: { ja: old.ja, en: old.en },
    }]);
    const japanDate = new Date(Date.parse(changed.json.effectiveFrom) + 9 * 3600_000).toISOString().slice(0, 10);
    expect(result.json.version >= japanDate).toBe(true);
    expect(JSON.stringify(result.json)).not.toMatch(/rollout|publishedBy|Receipts are part/);
  });
});
