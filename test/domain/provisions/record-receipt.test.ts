import { beforeEach, describe, expect, it } from 'vitest';
import type { StoredReceiptRecord } from '../../../functions/domain/provisions/ports';
import { type Receipt, recordReceipt } from '../../../functions/domain/provisions/record-receipt';
import type { SystemActor } from '../../../functions/domain/systems';
import { FixedClock, jst, problemOf, SequenceSecrets } from '../doubles';
import { MemoryLedger } from './doubles';

const SYSTEM: SystemActor = {
  principal: 'arn:aws:iam::000000000000:role/appi-desk-business-systems',
  sourceIp: '10.0.0.1',
};
const NOW = jst(2024, 2, 28, 10);
const PROVIDER = {
  name: 'Referral Partner K.K.',
  address: '4-4 Umeda, Osaka',
  representative: 'Hanako Ito, Representative Director',
};

let ledger: MemoryLedger;
let clock: FixedClock;
const deps = () => ({ ledger, secrets: new SequenceSecrets(), clock });
const receive = (fields: Partial<Receipt> = {}) =>
  recordReceipt(deps(), SYSTEM, {
    providerId: 'referral-partner',
    provider: PROVIDER,
    subjects: ['s-1', 's-2'],
    items: ['name', 'phone'],
    basis: 'consent',
    acquisition: 'Directly from the person through its referral form',
    evidenceReference: 'Referral agreement 2024-3, clause 5',
    recordKeeping: 'per-provision',
    ...fields,
  });
const records = () => ledger.records as StoredReceiptRecord[];

beforeEach(() => {
  ledger = new MemoryLedger();
  clock = new FixedClock(NOW);
});

describe('recordReceipt (APPI Art. 30)', () => {
  it('records per subject the provider, how it acquired the data and the evidence, kept 3 years (leap day counted)', async () => {
    const answer = await receive();
    const expiresAt = jst(2027, 3, 1);
    expect(answer).toEqual({
      receiptId: 'id-1',
      receivedAt: NOW.toISOString(),
      results: [
        { subjectId: 's-1', recordId: 'received#id-1', expiresAt: expiresAt.toISOString() },
        { subjectId: 's-2', recordId: 'received#id-1', expiresAt: expiresAt.toISOString() },
      ],
    });
    expect(records()[0]).toEqual({
      subjectId: 's-1',
      recordId: 'received#id-1',
      direction: 'received',
      counterparty: 'Referral Partner K.K., 4-4 Umeda, Osaka (Hanako Ito, Representative Director)',
      items: ['name', 'phone'],
      basis: 'consent',
      date: '2024-02-28',
      receiptId: 'id-1',
      counterpartyId: 'referral-partner',
      providerId: 'referral-partner',
      providerName: PROVIDER.name,
      providerAddress: PROVIDER.address,
      providerRepresentative: PROVIDER.representative,
      acquisition: 'Directly from the person through its referral form',
      evidenceReference: 'Referral agreement 2024-3, clause 5',
      recordKeeping: 'per-provision',
      firstReceivedAt: NOW.toISOString(),
      lastReceivedAt: NOW.toISOString(),
      receivedBy: SYSTEM.principal,
      expiresAt: expiresAt.getTime() / 1000,
    });
    expect(ledger.commits).toHaveLength(1);
  });

  it('rolls a bulk record of repeated receipt forward: 3 years from the latest receipt', async () => {
    await receive({ recordKeeping: 'bulk', subjects: ['s-1'], items: ['name'] });
    clock.set(jst(2025, 5, 1, 10));
    await receive({ recordKeeping: 'bulk', subjects: ['s-1'], items: ['phone'] });
    expect(records()).toHaveLength(1);
    expect(records()[0]).toMatchObject({
      recordId: 'received#bulk#referral-partner',
      items: ['name', 'phone'],
      firstReceivedAt: NOW.toISOString(),
      expiresAt: jst(2028, 5, 2).getTime() / 1000,
    });
  });

  it('keeps a record with the contract standing in for it 1 year from the latest receipt', async () => {
    await receive({ recordKeeping: 'contract', contractReference: 'Referral agreement 2024-3', subjects: ['s-1'] });
    expect(records()[0]).toMatchObject({
      recordId: 'received#contract#referral-partner',
      contractReference: 'Referral agreement 2024-3',
      expiresAt: jst(2025, 3, 1).getTime() / 1000,
    });
  });

  it('refuses special care-required information by opt-out, and a contract reference without a contract (422), recording nothing', async () => {
    const problem = await problemOf(receive({ basis: 'opt-out', items: ['name', 'criminal-record'] }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Special care-required information by opt-out' });
    expect(problem.detail).toContain('criminal-record');
    expect(await problemOf(receive({ recordKeeping: 'contract' }))).toMatchObject({ title: 'Contract reference' });
    expect(await problemOf(receive({ contractReference: 'Agreement' }))).toMatchObject({ title: 'Contract reference' });
    expect(ledger.commits).toEqual([]);
    expect((await receive({ basis: 'consent', items: ['criminal-record'] })).results).toHaveLength(2);
  });
});
