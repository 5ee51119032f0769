// POST /v1/system/receipts against DynamoDB Local: a record of receipt per subject (APPI Art. 30),
// shown as received in the subject's records; data received by opt-out may not go on by opt-out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as permit } from '../../functions/handlers/permit-provision';
import { handler } from '../../functions/handlers/record-receipt';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putItem, scanAll, systemPrincipal } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await putItem('recipients', {
    recipientId: 'list-broker',
    name: 'List Broker K.K.',
    address: 'Tokyo',
    representative: 'CEO',
    country: 'JP',
    relationship: 'third-party',
    recordKeeping: 'per-provision',
    optOut: {
      notifiedOn: '2026-09-01',
      items: ['name', 'address'],
      acquisitionMethod: 'Form',
      provisionMethod: 'File',
      requestMethod: 'POST /v1/requests',
      updateMethod: 'Monthly',
      startsOn: '2026-10-01',
    },
    registeredBy: 'officer',
    registeredAt: '2026-10-01T00:00:00.000Z',
  });
});

afterAll(() => dropTables(prefix));

const receive = (body: Record<string, unknown>) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/system/receipts',
    resource: '/v1/system/receipts',
    principal: systemPrincipal(),
    body: {
      providerId: 'referral-partner',
      provider: { name: 'Referral Partner K.K.', address: '4-4 Umeda, Osaka', representative: 'Hanako Ito' },
      items: ['name', 'address'],
      basis: 'consent',
      acquisition: 'From the person through its referral form',
      evidenceReference: 'Referral agreement 2024-3',
      ...body,
    },
  });
const subject = () => `subject-${randomUUID()}`;
const recordsOf = async (subjectId: string) =>
  (await scanAll('provision-records')).filter((r) => r.subjectId === subjectId);

describe('record-receipt', () => {
  it('201 with a record per subject naming the provider, its acquisition and the evidence', async () => {
    const [a, b] = [subject(), subject()];
    const result = await receive({ subjects: [a, b] });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json.results).toEqual([
      { subjectId: a, recordId: `received#${result.json.receiptId}`, expiresAt: expect.any(String) },
      { subjectId: b, recordId: `received#${result.json.receiptId}`, expiresAt: expect.any(String) },
    ]);
    expect(Date.parse(result.json.results[0].expiresAt)).toBeGreaterThan(
      Date.now() + 3 * 365 * 24 * 3600 * 1000 - 2 * 24 * 3600 * 1000,
    );
    expect(await recordsOf(a)).toEqual([
      expect.objectContaining({
        direction: 'received',
        providerName: 'Referral Partner K.K.',
        acquisition: 'From the person through its referral form',
        evidenceReference: 'Referral agreement 2024-3',
        receivedBy: systemPrincipal(),
      }),
    ]);
  });

  it('data received by opt-out may not be provided onward by opt-out (403)', async () => {
    const a = subject();
    expect((await receive({ subjects: [a], basis: 'opt-out', items: ['address'] })).status).toBe(201);
    const result = await invoke(permit, {
      method: 'POST',
      path: '/v1/system/provisions',
      resource: '/v1/system/provisions',
      principal: systemPrincipal(),
      body: {
        recipient: 'list-broker',
        subjects: [a],
        items: ['name', 'address'],
        purpose: 'service-provision',
        basis: 'opt-out',
      },
    });
    expectProblem(result, 403);
    expect(result.json.errors[0].message).toContain('received-by-opt-out');
    expect((await recordsOf(a)).map((r) => r.direction)).toEqual(['received']);
  });

  it('422 for special care-required information by opt-out, 400 without the provider; nothing recorded', async () => {
    const a = subject();
    const specialCare = await receive({ subjects: [a], basis: 'opt-out', items: ['medical-history'] });
    expectProblem(specialCare, 422);
    expect(specialCare.json.detail).toContain('medical-history');
    expectProblem(await receive({ subjects: [a], provider: undefined }), 400);
    expect(await recordsOf(a)).toEqual([]);
  });
});
