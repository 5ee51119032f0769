import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsentEvent, ProvisionRecord } from '../../../functions/domain/holdings';
import type { SubjectLifecycle } from '../../../functions/domain/personal-data/expiry';
import {
  type PermitProvisionDeps,
  PROVISION_EXCEPTIONS,
  type ProvisionRequest,
  permitProvision,
} from '../../../functions/domain/provisions/permit-provision';
import type { StoredProvisionRecord } from '../../../functions/domain/provisions/ports';
import type { Recipient } from '../../../functions/domain/provisions/recipients';
import { provisionRecordExpiresAt } from '../../../functions/domain/provisions/retention';
import type { SystemActor } from '../../../functions/domain/systems';
import { FixedClock, jst, problemOf, SequenceSecrets } from '../doubles';
import { MemoryHolders, PROCESSOR } from '../holders/doubles';
import { MemoryConsents, MemoryLifecycles, purposeVersions, retired } from '../personal-data/personal-data-doubles';
import { JP_THIRD_PARTY, MemoryLedger, MemoryRecipients } from './doubles';

const SYSTEM: SystemActor = {
  principal: 'arn:aws:iam::000000000000:role/appi-desk-business-systems',
  sourceIp: '10.0.0.1',
};
const NOW = jst(2026, 11, 26, 10);

const OPT_OUT: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'list-broker',
  optOut: {
    notifiedOn: '2026-09-01',
    items: ['name', 'address'],
    acquisitionMethod: 'Registration form',
    provisionMethod: 'Encrypted file transfer',
    requestMethod: 'POST /v1/requests (cessation-of-provision)',
    updateMethod: 'Monthly',
    startsOn: '2026-10-01',
  },
};
const OUTSOURCEE: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'mail-house',
  relationship: 'outsourcing',
  processorHolderId: PROCESSOR.holderId,
};
const JOINT_USER: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'group-company',
  relationship: 'joint-use',
  jointUse: {
    items: ['name', 'email'],
    jointUsers: 'Mecara group companies',
    purpose: 'Group-wide customer support',
    responsiblePerson: { name: 'Mecara LLC', address: 'Tokyo', representative: 'CEO' },
  },
};
const ABROAD: Recipient = { ...JP_THIRD_PARTY, recipientId: 'us-analytics', country: 'US' };
const ABROAD_OUTSOURCEE: Recipient = { ...OUTSOURCEE, recipientId: 'us-call-centre', country: 'US' };
const EU: Recipient = { ...JP_THIRD_PARTY, recipientId: 'eu-partner', country: 'DE' };
const BULK: Recipient = { ...JP_THIRD_PARTY, recipientId: 'daily-partner', recordKeeping: 'bulk' };
const TAX_OFFICE: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'tax-office',
  name: 'Kojimachi Tax Office',
  representative: 'Head of office',
};
const CONTRACT: Recipient = {
  ...JP_THIRD_PARTY,
  recipientId: 'delivery-partner',
  recordKeeping: 'contract',
  contractReference: 'Delivery agreement 2026-17',
};

let consents: ConsentEvent[];
let lifecycles: SubjectLifecycle[];
let ledger: MemoryLedger;
let clock: FixedClock;
let deps: PermitProvisionDeps;

function given(
  subjectId: string,
  eventId: string,
  fields: Partial<ConsentEvent>,
  at = '2026-01-01T00:00:00.000Z',
): void {
  consents.push({
    subjectId,
    eventId,
    action: 'given',
    noticeVersion: '2026-11-25',
    method: 'web-button',
    at,
    ...fields,
  });
}

beforeEach(() => {
  consents = [];
  lifecycles = [];
  ledger = new MemoryLedger();
  clock = new FixedClock(NOW);
  deps = {
    holders: new MemoryHolders([PROCESSOR]),
    recipients: new MemoryRecipients([
      JP_THIRD_PARTY,
      OPT_OUT,
      OUTSOURCEE,
      JOINT_USER,
      ABROAD,
      ABROAD_OUTSOURCEE,
      EU,
      BULK,
      CONTRACT,
      TAX_OFFICE,
    ]),
    purposes: purposeVersions(retired('usage-analysis', '2026-06-01T00:00:00.000Z')),
    lifecycles: new MemoryLifecycles(lifecycles),
    consents: new MemoryConsents(consents),
    ledger,
    secrets: new SequenceSecrets(),
    clock,
  };
});

const provide = (request: Partial<ProvisionRequest>) =>
  permitProvision(deps, SYSTEM, {
    recipient: 'partner-insurance',
    subjects: ['s-1'],
    items: ['name', 'email'],
    purpose: 'advertising',
    basis: 'consent',
    ...request,
  });
const records = () => ledger.records as StoredProvisionRecord[];

describe('permitProvision: consent', () => {
  it('permits on a consent naming the recipient and writes a record per subject naming what Art. 29 asks', async () => {
    given('s-1', 'c-1', { recipient: 'partner-insurance' });
    given('s-2', 'c-2', { purpose: 'advertising' });
    const answer = await provide({ subjects: ['s-1', 's-2'] });
    expect(answer).toMatchObject({
      permitted: true,
      provisionId: 'id-1',
      recipient: 'partner-insurance',
      basis: 'consent',
      providedAt: NOW.toISOString(),
      results: [
        { subjectId: 's-1', basis: 'consent', consentId: 'c-1', recordId: 'provided#id-1' },
        { subjectId: 's-2', basis: 'consent', consentId: 'c-2', recordId: 'provided#id-1' },
      ],
    });
    expect(ledger.commits).toHaveLength(1);
    expect(records()).toHaveLength(2);
    expect(records()[0]).toEqual({
      subjectId: 's-1',
      recordId: 'provided#id-1',
      direction: 'provided',
      counterparty: 'Partner Insurance K.K., 2-2 Marunouchi, Chiyoda-ku, Tokyo (Taro Sato, Representative Director)',
      items: ['name', 'email'],
      basis: 'consent',
      date: '2026-11-26',
      provisionId: 'id-1',
      counterpartyId: 'partner-insurance',
      recipientId: 'partner-insurance',
      recipientName: 'Partner Insurance K.K.',
      recipientAddress: '2-2 Marunouchi, Chiyoda-ku, Tokyo',
      recipientRepresentative: 'Taro Sato, Representative Director',
      recipientCountry: 'JP',
      countryStanding: 'domestic',
      purpose: 'advertising',
      recordKeeping: 'per-provision',
      consentId: 'c-1',
      firstProvidedAt: NOW.toISOString(),
      lastProvidedAt: NOW.toISOString(),
      providedBy: SYSTEM.principal,
      expiresAt: provisionRecordExpiresAt('per-provision', NOW),
    });
  });

  it('refuses a subject without consent, and then provides and records nothing for anyone', async () => {
    given('s-1', 'c-1', { recipient: 'partner-insurance' });
    const answer = await provide({ subjects: ['s-1', 's-2'] });
    expect(answer).toEqual({
      permitted: false,
      refusals: [{ subjectId: 's-2', reason: 'no-consent', detail: expect.stringContaining('APPI Art. 27(1)') }],
    });
    expect(ledger.commits).toEqual([]);
  });

  it('a withdrawal blocks the very next provision', async () => {
    given('s-1', 'c-1', { recipient: 'partner-insurance' });
    expect((await provide({})).permitted).toBe(true);
    consents.push({
      subjectId: 's-1',
      eventId: 'w-1',
      action: 'withdrawn',
      withdraws: 'c-1',
      noticeVersion: '2026-11-25',
      method: 'web-button',
      at: '2026-11-26T01:00:01.000Z',
    });
    expect(await provide({})).toMatchObject({
      permitted: false,
      refusals: [{ subjectId: 's-1', reason: 'consent-withdrawn' }],
    });
    expect(ledger.commits).toHaveLength(1);
  });

  it('a cessation naming recipients stops provision to those only; one for all stops every recipient', async () => {
    given('s-1', 'c-1', { purpose: 'advertising' });
    lifecycles.push({
      subjectId: 's-1',
      cessationOfProvision: {
        recipients: { 'partner-insurance': { requestId: 'req-11', at: '2026-11-20T00:00:00.000Z' } },
      },
    });
    expect(await provide({})).toMatchObject({
      permitted: false,
      refusals: [
        { subjectId: 's-1', reason: 'cessation-of-provision-requested', detail: expect.stringContaining('req-11') },
      ],
    });
    expect(await provide({ recipient: 'daily-partner' })).toMatchObject({ permitted: true });
    lifecycles[0] = {
      subjectId: 's-1',
      cessationOfProvision: { all: { requestId: 'req-12', at: '2026-11-21T00:00:00.000Z' } },
    };
    expect(await provide({ recipient: 'daily-partner' })).toMatchObject({
      permitted: false,
      refusals: [{ reason: 'cessation-of-provision-requested', detail: expect.stringContaining('req-12') }],
    });
  });

  it('a cessation-of-provision request blocks at once, even with a consent', async () => {
    given('s-1', 'c-1', { recipient: 'partner-insurance' });
    lifecycles.push({ subjectId: 's-1', cessationOfProvision: { requestId: 'req-9', at: '2026-11-20T00:00:00.000Z' } });
    expect(await provide({})).toMatchObject({
      permitted: false,
      refusals: [
        { subjectId: 's-1', reason: 'cessation-of-provision-requested', detail: expect.stringContaining('req-9') },
      ],
    });
    expect(ledger.commits).toEqual([]);
  });
});

describe('permitProvision: abroad (APPI Art. 28)', () => {
  it("counts only a consent given with the information on the recipient's country", async () => {
    given('s-1', 'c-1', { recipient: 'us-analytics' });
    expect(await provide({ recipient: 'us-analytics' })).toMatchObject({
      permitted: false,
      refusals: [{ reason: 'no-foreign-information', detail: expect.stringContaining('Art. 28(2)') }],
    });
    given('s-1', 'c-2', {
      recipient: 'us-analytics',
      foreignInformation: {
        country: 'US',
        protectionSystem: 'Sectoral and state laws',
        recipientMeasures: 'Contract with safeguards',
      },
    });
    expect(await provide({ recipient: 'us-analytics' })).toMatchObject({
      permitted: true,
      results: [{ consentId: 'c-2' }],
    });
  });

  it('treats a recipient in an equivalent country like a domestic one', async () => {
    given('s-1', 'c-1', { recipient: 'eu-partner' });
    expect((await provide({ recipient: 'eu-partner' })).permitted).toBe(true);
    expect(records()[0]).toMatchObject({ recipientCountry: 'DE', countryStanding: 'equivalent-country' });
  });

  it('treats a recipient abroad with an equivalent setup like a domestic one, and records its setup', async () => {
    (deps.recipients as MemoryRecipients).items.push({
      ...ABROAD,
      recipientId: 'us-cbpr',
      equivalentSetup: 'apec-cbpr',
    });
    given('s-1', 'c-1', { recipient: 'us-cbpr' });
    expect((await provide({ recipient: 'us-cbpr' })).permitted).toBe(true);
    expect(records()[0]).toMatchObject({ recipientCountry: 'US', countryStanding: 'equivalent-setup' });
  });

  it('allows neither opt-out nor outsourcing abroad without equivalence: 422, nothing recorded', async () => {
    const problem = await problemOf(provide({ recipient: 'us-call-centre', basis: 'not-third-party' }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Outsourcing abroad' });
    expect(problem.detail).toContain('Art. 28(1)');
    const optOutAbroad = { ...OPT_OUT, recipientId: 'us-broker', country: 'US' };
    (deps.recipients as MemoryRecipients).items.push(optOutAbroad);
    expect(await problemOf(provide({ recipient: 'us-broker', basis: 'opt-out', items: ['name'] }))).toMatchObject({
      title: 'Opt-out abroad',
    });
    expect(ledger.commits).toEqual([]);
  });
});

describe('permitProvision: exceptions (APPI Art. 27(1)(i)-(iv))', () => {
  it('lists the four exceptions of policy §4 with their sources', () => {
    expect(PROVISION_EXCEPTIONS.map((e) => `${e.id} ${e.source}`)).toEqual([
      'required-by-law APPI Art. 27(1)(i)',
      'protection-of-life-body-property APPI Art. 27(1)(ii)',
      'public-health-or-children APPI Art. 27(1)(iii)',
      'cooperation-with-public-body APPI Art. 27(1)(iv)',
    ]);
  });

  it('permits without consent, writes evidence with the justification and no record', async () => {
    const answer = await provide({
      subjects: ['s-1', 's-2'],
      basis: 'exception',
      exception: 'required-by-law',
      justification: 'Court order under Code of Civil Procedure Art. 186',
    });
    expect(answer).toMatchObject({
      permitted: true,
      evidenceId: 'provision-id-1',
      results: [{ subjectId: 's-1', basis: 'exception' }, { subjectId: 's-2' }],
    });
    expect(records()).toEqual([]);
    expect(ledger.evidence).toEqual([
      {
        evidenceId: 'provision-id-1',
        kind: 'provision-under-exception',
        provisionId: 'id-1',
        recipientId: 'partner-insurance',
        relationship: 'third-party',
        purpose: 'advertising',
        items: ['name', 'email'],
        subjectIds: ['s-1', 's-2'],
        exception: 'required-by-law',
        justification: 'Court order under Code of Civil Procedure Art. 186',
        principal: SYSTEM.principal,
        at: NOW.toISOString(),
        expiresAt: expect.any(Number),
      },
    ]);
  });

  it('needs the exception and its justification (422)', async () => {
    expect(await problemOf(provide({ basis: 'exception' }))).toMatchObject({
      kind: 'unprocessable',
      title: 'Exception not stated',
    });
    expect(await problemOf(provide({ basis: 'exception', exception: 'required-by-law' }))).toMatchObject({
      title: 'Exception not stated',
    });
  });

  it('passes a cessation of provision (Art. 35(3),(5) reach only provision without a lawful basis) and the evidence says it stood', async () => {
    lifecycles.push({ subjectId: 's-1', cessationOfProvision: { requestId: 'req-9', at: '2026-11-20T00:00:00.000Z' } });
    lifecycles.push({
      subjectId: 's-2',
      cessationOfProvision: { recipients: { 'tax-office': { requestId: 'req-10', at: '2026-11-21T00:00:00.000Z' } } },
    });
    const answer = await provide({
      recipient: 'tax-office',
      subjects: ['s-1', 's-2', 's-3'],
      basis: 'exception',
      exception: 'required-by-law',
      justification: 'Statutory payment record (Income Tax Act Art. 225)',
    });
    expect(answer).toMatchObject({
      permitted: true,
      results: [
        { subjectId: 's-1', basis: 'exception', detail: expect.stringMatching(/APPI Art\. 27\(1\)\(i\).*req-9/) },
        { subjectId: 's-2', basis: 'exception', detail: expect.stringContaining('req-10') },
        { subjectId: 's-3', basis: 'exception' },
      ],
    });
    expect(ledger.evidence).toEqual([
      expect.objectContaining({
        kind: 'provision-under-exception',
        exception: 'required-by-law',
        subjectIds: ['s-1', 's-2', 's-3'],
        cessationsPassed: [
          { subjectId: 's-1', requestId: 'req-9' },
          { subjectId: 's-2', requestId: 'req-10' },
        ],
      }),
    ]);
  });
});

describe('permitProvision: opt-out (APPI Art. 27(2))', () => {
  it('permits published items to a registered recipient and records the provision', async () => {
    const answer = await provide({ recipient: 'list-broker', basis: 'opt-out', items: ['name'] });
    expect(answer).toMatchObject({
      permitted: true,
      results: [{ basis: 'opt-out', recordId: 'provided#id-1', detail: expect.stringContaining('2026-09-01') }],
    });
    expect(records()[0]).toMatchObject({ basis: 'opt-out', recipientId: 'list-broker', items: ['name'] });
    expect(records()[0]).not.toHaveProperty('consentId');
  });

  it('never for special care-required information, nor unpublished items, nor without a registration (422)', async () => {
    const specialCare = await problemOf(
      provide({ recipient: 'list-broker', basis: 'opt-out', items: ['name', 'medical-history'] }),
    );
    expect(specialCare).toMatchObject({ kind: 'unprocessable', title: 'Special care-required information by opt-out' });
    expect(specialCare.detail).toContain('medical-history');
    expect(await problemOf(provide({ recipient: 'list-broker', basis: 'opt-out', items: ['phone'] }))).toMatchObject({
      title: 'Items not published for opt-out',
    });
    expect(await problemOf(provide({ basis: 'opt-out', items: ['name'] }))).toMatchObject({
      title: 'No opt-out registration',
    });
    expect(ledger.commits).toEqual([]);
  });

  it('refuses data itself received by opt-out, a cessation request and a withdrawn consent', async () => {
    ledger.records.push({
      subjectId: 's-1',
      recordId: 'received#r-1',
      direction: 'received',
      counterparty: 'Broker',
      items: ['address'],
      basis: 'opt-out',
      date: '2026-10-01',
    } satisfies ProvisionRecord);
    lifecycles.push({ subjectId: 's-2', cessationOfProvision: { requestId: 'req-9', at: '2026-11-20T00:00:00.000Z' } });
    given('s-3', 'c-1', { recipient: 'list-broker' });
    consents.push({
      subjectId: 's-3',
      eventId: 'w-1',
      action: 'withdrawn',
      withdraws: 'c-1',
      noticeVersion: '2026-11-25',
      method: 'web-button',
      at: '2026-02-01T00:00:00.000Z',
    });
    const answer = await provide({
      recipient: 'list-broker',
      basis: 'opt-out',
      items: ['name', 'address'],
      subjects: ['s-1', 's-2', 's-3', 's-4'],
    });
    expect(answer).toMatchObject({
      permitted: false,
      refusals: [
        { subjectId: 's-1', reason: 'received-by-opt-out', detail: expect.stringContaining('address') },
        { subjectId: 's-2', reason: 'cessation-of-provision-requested' },
        { subjectId: 's-3', reason: 'consent-withdrawn' },
      ],
    });
    expect(ledger.commits).toEqual([]);
  });
});

describe('permitProvision: not a third party (APPI Art. 27(5))', () => {
  it('permits to an outsourcee, even after a cessation request, with evidence and no record', async () => {
    lifecycles.push({ subjectId: 's-1', cessationOfProvision: { requestId: 'req-9', at: '2026-11-20T00:00:00.000Z' } });
    const answer = await provide({ recipient: 'mail-house', basis: 'not-third-party' });
    expect(answer).toMatchObject({
      permitted: true,
      evidenceId: 'provision-id-1',
      results: [{ basis: 'not-third-party', detail: expect.stringContaining('outsourcing') }],
    });
    expect(ledger.evidence).toEqual([
      expect.objectContaining({
        kind: 'provision-not-to-third-party',
        relationship: 'outsourcing',
        subjectIds: ['s-1'],
      }),
    ]);
    expect(records()).toEqual([]);
  });

  it('refuses outsourcing unless the recipient is a live processor with its contract in force today (422)', async () => {
    const holders = deps.holders as MemoryHolders;
    const recipients = deps.recipients as MemoryRecipients;
    recipients.items.push(
      { ...OUTSOURCEE, recipientId: 'legacy-outsourcee', processorHolderId: undefined },
      { ...OUTSOURCEE, recipientId: 'printer', processorHolderId: 'printer' },
    );
    const refused = async (change: Partial<typeof PROCESSOR> | 'none', title: string, detail: RegExp) => {
      holders.items.clear();
      if (change !== 'none') holders.items.set('printer', [{ ...PROCESSOR, holderId: 'printer', ...change }]);
      const problem = await problemOf(provide({ recipient: 'printer', basis: 'not-third-party' }));
      expect(problem, title).toMatchObject({ kind: 'unprocessable', title });
      expect(problem.detail).toMatch(detail);
    };
    expect(await problemOf(provide({ recipient: 'legacy-outsourcee', basis: 'not-third-party' }))).toMatchObject({
      title: 'Outsourcee without a processor',
    });
    await refused('none', 'Outsourcee without a processor', /not a registered processor/);
    await refused({ kind: 'internal-system' }, 'Outsourcee without a processor', /not a registered processor/);
    await refused({ retiredAt: '2026-11-01T00:00:00.000Z' }, 'Processor retired', /retired on 2026-11-01/);
    const contract = PROCESSOR.contract!;
    await refused(
      { contract: { ...contract, inForceFrom: '2026-11-27' } },
      'Consignment contract not in force',
      /comes into force on 2026-11-27/,
    );
    await refused(
      { contract: { ...contract, inForceUntil: '2026-11-25' } },
      'Consignment contract not in force',
      /ended on 2026-11-25/,
    );
    await refused(
      { contract: { ...contract, clauses: contract.clauses.filter((c) => c.clause !== 'return-or-erasure') } },
      'Consignment contract not in force',
      /lacks the clauses return-or-erasure/,
    );
    await refused({ contract: undefined }, 'Consignment contract not in force', /no consignment contract/);
    // In force on its last day, Japan time (NOW is 10:00 on 26 November in Japan).
    holders.items.set('printer', [
      { ...PROCESSOR, holderId: 'printer', contract: { ...contract, inForceUntil: '2026-11-26' } },
    ]);
    expect((await provide({ recipient: 'printer', basis: 'not-third-party' })).permitted).toBe(true);
    expect(ledger.commits).toHaveLength(1);
  });

  it('permits only the published items to a joint user, and refuses the basis for a third party (422)', async () => {
    expect((await provide({ recipient: 'group-company', basis: 'not-third-party', items: ['email'] })).permitted).toBe(
      true,
    );
    expect(
      await problemOf(provide({ recipient: 'group-company', basis: 'not-third-party', items: ['phone'] })),
    ).toMatchObject({ title: 'Items not published for joint use' });
    expect(await problemOf(provide({ basis: 'not-third-party' }))).toMatchObject({
      title: 'Recipient is a third party',
    });
  });
});

describe('permitProvision: personally referable information (APPI Art. 31)', () => {
  it("confirms the person's consent to the recipient linking access information, and records the provision", async () => {
    given('s-1', 'l-1', { recipient: 'partner-insurance', linkage: 'access-information' });
    given('s-2', 'c-2', { recipient: 'partner-insurance' });
    const answer = await provide({
      basis: 'linkage-consent',
      items: ['cookie-id', 'advertising-identifier'],
      subjects: ['s-1', 's-2'],
    });
    expect(answer).toMatchObject({
      permitted: false,
      refusals: [{ subjectId: 's-2', reason: 'no-consent', detail: expect.stringContaining('Art. 31(1)(i)') }],
    });
    const permitted = await provide({ basis: 'linkage-consent', items: ['cookie-id', 'advertising-identifier'] });
    expect(permitted).toMatchObject({
      permitted: true,
      results: [{ basis: 'linkage-consent', consentId: 'l-1', detail: expect.stringContaining('Art. 31(1)(i)') }],
    });
    expect(records()[0]).toMatchObject({
      basis: 'linkage-consent',
      consentId: 'l-1',
      items: ['cookie-id', 'advertising-identifier'],
    });
  });

  it("abroad, needs the linkage consent given with the country's information", async () => {
    given('s-1', 'l-1', { recipient: 'us-analytics', linkage: 'access-information' });
    expect(await provide({ recipient: 'us-analytics', basis: 'linkage-consent', items: ['cookie-id'] })).toMatchObject({
      permitted: false,
      refusals: [{ reason: 'no-foreign-information', detail: expect.stringContaining('Art. 31(1)(ii)') }],
    });
  });

  it('covers only access information (422)', async () => {
    given('s-1', 'l-1', { recipient: 'partner-insurance', linkage: 'access-information' });
    const problem = await problemOf(provide({ basis: 'linkage-consent', items: ['cookie-id', 'email'] }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Not personally referable information' });
    expect(problem.detail).toContain('email');
  });
});

describe('permitProvision: bad input', () => {
  it('an unknown recipient or purpose, or a retired purpose, is 422 and nothing is recorded', async () => {
    given('s-1', 'c-1', { purpose: 'advertising' });
    expect(await problemOf(provide({ recipient: 'nobody' }))).toMatchObject({
      kind: 'unprocessable',
      title: 'Unknown recipient',
    });
    expect(await problemOf(provide({ purpose: 'no-such-purpose' }))).toMatchObject({
      kind: 'unprocessable',
      title: 'Unknown purpose',
    });
    expect((await problemOf(provide({ purpose: 'usage-analysis' }))).detail).toContain('retired');
    expect(ledger.commits).toEqual([]);
  });
});

describe('permitProvision: records of repeated provision (Enforcement Rules Art. 19(2), 19(3), 21)', () => {
  it('rolls one bulk record forward: same record, items added, first provision kept, 3 years from the latest', async () => {
    given('s-1', 'c-1', { recipient: 'daily-partner' });
    await provide({ recipient: 'daily-partner', items: ['name'] });
    const later = jst(2027, 2, 28, 9);
    clock.set(later);
    await provide({ recipient: 'daily-partner', items: ['email'] });
    expect(records()).toHaveLength(1);
    expect(records()[0]).toMatchObject({
      recordId: 'provided#bulk#daily-partner',
      recordKeeping: 'bulk',
      items: ['name', 'email'],
      date: '2027-02-28',
      firstProvidedAt: NOW.toISOString(),
      lastProvidedAt: later.toISOString(),
      provisionId: 'id-2',
      expiresAt: Math.floor(jst(2030, 3, 1).getTime() / 1000),
    });
  });

  it('starts a new bulk record once the old one is past its retention', async () => {
    given('s-1', 'c-1', { recipient: 'daily-partner' });
    await provide({ recipient: 'daily-partner', items: ['name'] });
    const muchLater = jst(2030, 6, 1, 9);
    clock.set(muchLater);
    await provide({ recipient: 'daily-partner', items: ['email'] });
    expect(records()[0]).toMatchObject({ items: ['email'], firstProvidedAt: muchLater.toISOString() });
  });

  it('keeps a record naming the contract that stands in for it for 1 year from the last provision', async () => {
    given('s-1', 'c-1', { recipient: 'delivery-partner' });
    await provide({ recipient: 'delivery-partner', items: ['name', 'address'] });
    expect(records()[0]).toMatchObject({
      recordId: 'provided#contract#delivery-partner',
      recordKeeping: 'contract',
      contractReference: 'Delivery agreement 2026-17',
      expiresAt: Math.floor(jst(2027, 11, 27).getTime() / 1000),
    });
  });

  it('answers 409 when the bulk record changed meanwhile, and records nothing', async () => {
    given('s-1', 'c-1', { recipient: 'daily-partner' });
    await provide({ recipient: 'daily-partner', items: ['name'] });
    const stored = ledger.storedRecord.bind(ledger);
    ledger.storedRecord = async <R>(subjectId: string, recordId: string) =>
      ({
        ...(await stored<StoredProvisionRecord>(subjectId, recordId))!,
        lastProvidedAt: '2020-01-01T00:00:00.000Z',
      }) as R;
    expect(await problemOf(provide({ recipient: 'daily-partner', items: ['email'] }))).toMatchObject({
      kind: 'conflict',
    });
    expect(ledger.commits).toHaveLength(1);
  });
});
