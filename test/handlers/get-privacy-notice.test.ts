// GET /v1/privacy-notice through its handler against DynamoDB Local: public, cacheable, what the
// policy promises to publish, and the purposes as the registry has them, changes with their dates.

import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { ANONYMISED_INFORMATION_POLICY } from '../../functions/domain/anonymisation/words';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { handler as change } from '../../functions/handlers/change-purpose';
import { handler } from '../../functions/handlers/get-privacy-notice';
import { privacyNoticeResponse } from '../../functions/http/contract';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, putItem, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const deleteItem = (table: 'anonymised-publications', key: Record<string, string>) =>
  dynamo().send(new DeleteCommand({ TableName: tableName(table), Key: key }));

const get = (headers?: Record<string, string>) =>
  invoke(handler, {
    method: 'GET',
    path: '/v1/privacy-notice',
    resource: '/v1/privacy-notice',
    ...(headers ? { headers } : {}),
  });

describe('get-privacy-notice', () => {
  it('publishes each anonymised dataset created, with the items of information it contains and its date (APPI Art. 43(3))', async () => {
    const items = [
      { ja: '年齢（20歳階級）', en: 'Age (20-year bands)' },
      { ja: '住所（都道府県）', en: 'Address (prefecture)' },
    ];
    await putItem('anonymised-publications', {
      datasetId: 'ANON-2026-12-01-7KQ2MX',
      title: { ja: '顧客属性の統計用データ', en: 'Customer attributes for statistics' },
      items,
      createdOn: '2026-12-01',
      publishedAt: '2026-12-01T03:00:00.000Z',
    });
    try {
      const result = await get();
      expect(privacyNoticeResponse.safeParse(result.json).success).toBe(true);
      expect(result.json.anonymisedInformationPublications).toEqual({
        policy: ANONYMISED_INFORMATION_POLICY,
        datasets: [
          {
            datasetId: 'ANON-2026-12-01-7KQ2MX',
            title: { ja: '顧客属性の統計用データ', en: 'Customer attributes for statistics' },
            items,
            createdOn: '2026-12-01',
          },
        ],
      });
    } finally {
      await deleteItem('anonymised-publications', { datasetId: 'ANON-2026-12-01-7KQ2MX' });
    }
  });

  it('200 with purposes of use, sources, access information, special care, My Number, provision, publications, the desk and its hours', async () => {
    const result = await get();
    expect(result.status).toBe(200);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(result.headers['cache-control']).toBe('public, max-age=300');
    expect(privacyNoticeResponse.safeParse(result.json).success).toBe(true);
    expect(result.json.purposesOfUse).toHaveLength(8);
    for (const purpose of result.json.purposesOfUse) {
      expect(purpose).toEqual({
        id: expect.any(String),
        ja: expect.any(String),
        en: expect.any(String),
        version: 1,
        effectiveFrom: '2024-03-31T15:00:00.000Z',
      });
    }
    expect(result.json.purposeChanges).toEqual([]);
    expect(result.json.acquisitionSources.length).toBeGreaterThan(0);
    expect(result.json.accessInformation.linkage.en).toMatch(/linked/);
    expect(result.json.specialCareInformation.policy.en).toMatch(/consent/);
    expect(result.json.myNumber.affairs).toEqual(['tax', 'social-insurance']);
    expect(result.json.thirdPartyProvision).toMatchObject({ policy: { en: expect.stringMatching(/consent/) } });
    expect(result.json.anonymisedInformationPublications).toEqual({
      policy: ANONYMISED_INFORMATION_POLICY,
      datasets: [],
    });
    expect(result.json.requests.accepted).toContain('disclosure');
    expect(result.json.desk.hours).toMatchObject({ timeZone: 'Asia/Tokyo', opens: '09:00', closes: '17:00' });
    expect(result.json.desk).toMatchObject({
      address: { ja: expect.stringMatching(/千代田区/), en: expect.stringMatching(/Chiyoda-ku/) },
      email: 'info@aimicros.com',
    });
    expect(result.json.requests).toMatchObject({
      inPerson: false,
      whoMayRequest: [{ kind: 'self' }, { kind: 'legal-representative' }, { kind: 'agent' }],
      verification: { method: 'e-mailed-code' },
      answerWithinDeskDays: 10,
      answerAtLatestCalendarDays: 13,
    });
    expect(result.json.requests.fees).toContainEqual({ type: 'disclosure', fee: 'none' });
  });

  it('needs no authentication and ignores a body-less GET with any headers', async () => {
    const result = await get({ Authorization: 'Bearer whatever', Accept: 'text/html' });
    expect(result.status).toBe(200);
  });

  it('publishes a changed purpose at once: its new version and date, and the change in the list', async () => {
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
    const result = await get();
    const billing = result.json.purposesOfUse.find((p: { id: string }) => p.id === 'billing');
    expect(billing).toEqual({
      id: 'billing',
      ja: '請求、決済及び領収書の発行のため',
      en: 'To bill, settle fees and issue receipts',
      version: 2,
      effectiveFrom: changed.json.effectiveFrom,
    });
    const old = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    expect(result.json.purposeChanges).toEqual([
      {
        id: 'billing',
        version: 2,
        kind: 'changed',
        effectiveFrom: changed.json.effectiveFrom,
        ja: billing.ja,
        en: billing.en,
        previous: { ja: old.ja, en: old.en },
      },
    ]);
    const japanDate = new Date(Date.parse(changed.json.effectiveFrom) + 9 * 3600_000).toISOString().slice(0, 10);
    expect(result.json.version >= japanDate).toBe(true);
    expect(JSON.stringify(result.json)).not.toMatch(/rollout|publishedBy|Receipts are part/);
  });
});

describe("get-privacy-notice with the desk's settings from the environment", () => {
  const loadHandler = async (env: Record<string, string>) => {
    vi.resetModules();
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    try {
      return (await import('../../functions/handlers/get-privacy-notice')).handler;
    } finally {
      vi.unstubAllEnvs();
    }
  };

  it('publishes the fee of DESK_FEES_JSON and the desk days of DESK_RESPONSE_DESK_DAYS', async () => {
    const configured = await loadHandler({
      DESK_FEES_JSON: '{"disclosure":{"amountYen":1000,"method":"bank transfer"}}',
      DESK_RESPONSE_DESK_DAYS: '8',
    });
    const result = await invoke(configured, {
      method: 'GET',
      path: '/v1/privacy-notice',
      resource: '/v1/privacy-notice',
    });
    expect(result.status).toBe(200);
    expect(result.json.requests.fees).toContainEqual({
      type: 'disclosure',
      fee: { amountYen: 1000, method: 'bank transfer' },
    });
    expect(result.json.requests.answerWithinDeskDays).toBe(8);
  });

  it('refuses to load with a fee for a type the Act does not allow one for', async () => {
    await expect(
      loadHandler({ DESK_FEES_JSON: '{"correction":{"amountYen":500,"method":"bank transfer"}}' }),
    ).rejects.toThrow('APPI Art. 38(1) allows a fee only for disclosure and purpose-notification, not for correction');
  });
});
