// POST and GET /v1/staff/recipients against DynamoDB Local: the officer registers a recipient once;
// the registry lists it with its Art. 28 standing; joint use and opt-out appear in the privacy notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as notice } from '../../functions/handlers/get-privacy-notice';
import { handler as list } from '../../functions/handlers/list-recipients';
import { handler as register } from '../../functions/handlers/register-recipient';
import { seedDemoStaff } from '../../local/seed';
import { PROCESSOR } from '../domain/holders/doubles';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, getItem, putItem, scanAll, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const post = (body: unknown, claims: Record<string, string> = staffClaims('officer')) =>
  invoke(register, { method: 'POST', path: '/v1/staff/recipients', resource: '/v1/staff/recipients', body, claims });
const get = (claims: Record<string, string>) =>
  invoke(list, { method: 'GET', path: '/v1/staff/recipients', resource: '/v1/staff/recipients', claims });

const recipient = (recipientId: string, fields: Record<string, unknown> = {}) => ({
  recipientId,
  name: 'Partner Insurance K.K.',
  address: '2-2 Marunouchi, Chiyoda-ku, Tokyo',
  representative: 'Taro Sato, Representative Director',
  relationship: 'third-party',
  country: 'JP',
  ...fields,
});
const OPT_OUT = {
  notifiedOn: '2026-09-01',
  items: ['name', 'address'],
  acquisitionMethod: 'Registration form',
  provisionMethod: 'Encrypted file transfer',
  requestMethod: 'POST /v1/requests',
  updateMethod: 'Monthly',
  startsOn: '2026-10-01',
};

describe('register-recipient and list-recipients', () => {
  it('201 registered with a per-provision record by default; listed for officers and auditors', async () => {
    const result = await post(recipient('partner-insurance'));
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toEqual({
      ...recipient('partner-insurance'),
      recordKeeping: 'per-provision',
      countryStanding: 'domestic',
      registeredBy: 'officer',
      registeredAt: expect.any(String),
    });
    expect(await getItem('recipients', { recipientId: 'partner-insurance' })).toMatchObject({
      registeredBy: 'officer',
    });
    for (const role of ['officer', 'auditor']) {
      const listed = await get(staffClaims(role));
      expect(listed.status).toBe(200);
      expect(listed.json.items).toContainEqual(
        expect.objectContaining({ recipientId: 'partner-insurance', countryStanding: 'domestic' }),
      );
    }
  });

  it('records a recipient abroad with its equivalent setup', async () => {
    const result = await post(recipient('us-cbpr', { country: 'US', equivalentSetup: 'apec-cbpr' }));
    expect(result.json).toMatchObject({ countryStanding: 'equivalent-setup' });
  });

  it('409 for an id taken, 422 for opt-out of special care-required information, 400 without a country; nothing stored', async () => {
    expectProblem(await post(recipient('partner-insurance', { name: 'Other' })), 409);
    const specialCare = await post(recipient('broker', { optOut: { ...OPT_OUT, items: ['medical-history'] } }));
    expectProblem(specialCare, 422);
    expect(specialCare.json.detail).toMatch(/^optOut\.items: .*medical-history/);
    const { country: _country, ...withoutCountry } = recipient('nowhere');
    expectProblem(await post(withoutCountry), 400);
    expectProblem(await post(recipient('nowhere', { country: 'Germany' })), 400);
    const ids = (await scanAll('recipients')).map((r) => r.recipientId);
    expect(ids).not.toContain('broker');
    expect(ids).not.toContain('nowhere');
    expect(await getItem('recipients', { recipientId: 'partner-insurance' })).toMatchObject({
      name: 'Partner Insurance K.K.',
    });
  });

  it('an outsourcee names a registered processor (APPI Art. 25, 27(5)(i)); otherwise 422, nothing stored', async () => {
    await putItem('holders', { ...PROCESSOR, itemKey: 'holder' });
    const missing = await post(recipient('mail-house', { relationship: 'outsourcing' }));
    expectProblem(missing, 422);
    expect(missing.json.detail).toMatch(/^processorHolderId: /);
    expectProblem(
      await post(recipient('mail-house', { relationship: 'outsourcing', processorHolderId: 'unknown-processor' })),
      422,
    );
    const registered = await post(
      recipient('mail-house', { relationship: 'outsourcing', processorHolderId: PROCESSOR.holderId }),
    );
    expect(registered.status, JSON.stringify(registered.json)).toBe(201);
    expect(registered.json).toMatchObject({ processorHolderId: PROCESSOR.holderId });
  });

  it('only an officer registers; operators see no registry', async () => {
    expectProblem(await post(recipient('by-operator'), staffClaims('operator')), 403);
    expectProblem(await post(recipient('by-auditor'), staffClaims('auditor')), 403);
    expectProblem(await get(staffClaims('operator')), 403);
  });

  it('publishes joint use and opt-out provision in the privacy notice at once', async () => {
    await post(recipient('list-broker', { optOut: OPT_OUT }));
    await post(
      recipient('group-company', {
        relationship: 'joint-use',
        jointUse: {
          items: ['name', 'email'],
          jointUsers: 'Mecara group companies',
          purpose: 'Group-wide support',
          responsiblePerson: { name: 'Mecara LLC', address: 'Tokyo', representative: 'CEO' },
        },
      }),
    );
    const result = await invoke(notice, { method: 'GET', path: '/v1/privacy-notice', resource: '/v1/privacy-notice' });
    expect(result.json.thirdPartyProvision.optOutItems).toEqual([
      expect.objectContaining({
        recipientId: 'list-broker',
        notifiedToCommissionOn: '2026-09-01',
        stopsOnRequest: true,
      }),
    ]);
    expect(result.json.thirdPartyProvision.jointUse).toEqual([
      expect.objectContaining({ recipientId: 'group-company', jointUsers: 'Mecara group companies' }),
    ]);
  });
});
