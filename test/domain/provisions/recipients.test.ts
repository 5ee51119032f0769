import { describe, expect, it } from 'vitest';
import { privacyNotice } from '../../../functions/domain/privacy-notice';
import { RECIPIENT_RELATIONSHIPS, type RecipientRegistration } from '../../../functions/domain/provisions/recipients';
import { registerRecipient } from '../../../functions/domain/provisions/register-recipient';
import { POLICY_PURPOSES } from '../../../functions/domain/purposes/registry';
import type { StaffActor } from '../../../functions/domain/staff';
import { FixedClock, problemOf } from '../doubles';
import { MemoryHolders, PROCESSOR } from '../holders/doubles';
import { JP_THIRD_PARTY, MemoryRecipients } from './doubles';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.7' };
const { registeredBy: _by, registeredAt: _at, ...BASE } = JP_THIRD_PARTY;
const OPT_OUT = {
  notifiedOn: '2026-09-01',
  items: ['name', 'address'],
  acquisitionMethod: 'Registration form',
  provisionMethod: 'Encrypted file transfer',
  requestMethod: 'POST /v1/requests',
  updateMethod: 'Monthly',
  startsOn: '2026-10-01',
};
const JOINT_USE = {
  items: ['name', 'email'],
  jointUsers: 'Mecara group companies',
  purpose: 'Group-wide support',
  responsiblePerson: { name: 'Mecara LLC', address: 'Tokyo', representative: 'CEO' },
};

const deps = () => ({
  recipients: new MemoryRecipients(),
  holders: new MemoryHolders([PROCESSOR]),
  clock: new FixedClock('2026-11-26T01:00:00.000Z'),
});
const register = (fields: Partial<RecipientRegistration>, d = deps()) =>
  registerRecipient(d, OFFICER, { ...BASE, ...fields });

describe('registerRecipient', () => {
  it('names the relationships of APPI Art. 27(5) with their sources', () => {
    expect(RECIPIENT_RELATIONSHIPS.map((r) => `${r.id} ${r.source}`)).toEqual([
      'third-party APPI Art. 27(1)',
      'outsourcing APPI Art. 27(5)(i)',
      'merger APPI Art. 27(5)(ii)',
      'joint-use APPI Art. 27(5)(iii)',
    ]);
  });

  it('registers once, by the officer, with its standing under Art. 28', async () => {
    const d = deps();
    expect(await register({ country: 'US', equivalentSetup: 'apec-cbpr' }, d)).toEqual({
      ...BASE,
      country: 'US',
      equivalentSetup: 'apec-cbpr',
      countryStanding: 'equivalent-setup',
      registeredBy: 'staff-officer-1',
      registeredAt: '2026-11-26T01:00:00.000Z',
    });
    expect(await problemOf(register({}, d))).toMatchObject({ kind: 'conflict' });
  });

  it('refuses inconsistent registrations with the field to fix (422)', async () => {
    const cases: [Partial<RecipientRegistration>, string][] = [
      [{ relationship: 'joint-use' }, 'jointUse'],
      [{ jointUse: JOINT_USE }, 'jointUse'],
      [{ relationship: 'outsourcing', optOut: OPT_OUT }, 'optOut'],
      [{ optOut: { ...OPT_OUT, items: ['name', 'criminal-record'] } }, 'optOut.items'],
      // The day the PPC was notified has come: 10:00 on 26 November in Japan.
      [{ optOut: { ...OPT_OUT, notifiedOn: '2026-11-27' } }, 'optOut.notifiedOn'],
      [{ equivalentSetup: 'contract' }, 'equivalentSetup'],
      [{ recordKeeping: 'contract' }, 'contractReference'],
      [{ contractReference: 'Agreement 1' }, 'contractReference'],
      // APPI Art. 27(5)(i), 25: an outsourcee is a registered processor, and only an outsourcee names one.
      [{ relationship: 'outsourcing' }, 'processorHolderId'],
      [{ relationship: 'outsourcing', processorHolderId: 'unknown-processor' }, 'processorHolderId'],
      [{ processorHolderId: PROCESSOR.holderId }, 'processorHolderId'],
    ];
    for (const [fields, field] of cases) {
      const problem = await problemOf(register(fields));
      expect(problem.kind, field).toBe('unprocessable');
      expect(problem.detail.startsWith(`${field}:`), problem.detail).toBe(true);
    }
  });
});

describe('registerRecipient: an outsourcee is a registered processor (APPI Art. 25, 27(5)(i))', () => {
  it('registers an outsourcee naming a live processor, and refuses an internal system or a retired processor', async () => {
    const d = deps();
    expect(
      await register(
        { recipientId: 'mail-house', relationship: 'outsourcing', processorHolderId: PROCESSOR.holderId },
        d,
      ),
    ).toMatchObject({ processorHolderId: PROCESSOR.holderId });
    const system = { ...PROCESSOR, holderId: 'crm', kind: 'internal-system' as const };
    const retired = { ...PROCESSOR, holderId: 'old-printer', retiredAt: '2026-06-01T00:00:00.000Z' };
    const holders = new MemoryHolders([system, retired]);
    for (const id of ['crm', 'old-printer']) {
      const problem = await problemOf(
        register(
          { recipientId: `r-${id}`, relationship: 'outsourcing', processorHolderId: id },
          { ...deps(), holders },
        ),
      );
      expect(problem.detail).toMatch(/^processorHolderId: /);
    }
  });
});

describe('the privacy notice publishes joint use and opt-out provision', () => {
  it('lists each joint use with its four items and each opt-out with its nine items', async () => {
    const d = deps();
    await register({ recipientId: 'group-company', relationship: 'joint-use', jointUse: JOINT_USE }, d);
    await register({ recipientId: 'list-broker', optOut: OPT_OUT }, d);
    const notice = privacyNotice(POLICY_PURPOSES, undefined, await d.recipients.list());
    expect(notice.thirdPartyProvision.jointUse).toEqual([
      {
        recipientId: 'group-company',
        items: [
          { id: 'name', ja: '氏名', en: 'Name' },
          { id: 'email', ja: 'メールアドレス', en: 'E-mail address' },
        ],
        jointUsers: 'Mecara group companies',
        purpose: 'Group-wide support',
        responsiblePerson: JOINT_USE.responsiblePerson,
      },
    ]);
    const [optOut] = notice.thirdPartyProvision.optOutItems;
    expect(optOut).toMatchObject({
      recipientId: 'list-broker',
      provider: {
        name: { ja: 'メカラ合同会社', en: 'Mecara LLC' },
        address: { ja: expect.stringContaining('東京都'), en: expect.stringContaining('Tokyo') },
      },
      provisionIsAPurposeOfUse: true,
      items: [{ id: 'name' }, { id: 'address' }],
      acquisitionMethod: 'Registration form',
      provisionMethod: 'Encrypted file transfer',
      stopsOnRequest: true,
      requestMethod: 'POST /v1/requests',
      updateMethod: 'Monthly',
      startsOn: '2026-10-01',
      notifiedToCommissionOn: '2026-09-01',
    });
    expect(privacyNotice(POLICY_PURPOSES).thirdPartyProvision).toMatchObject({ jointUse: [], optOutItems: [] });
  });
});
