// POST /v1/system/receipts: personal data received from a third party is confirmed and recorded
// (APPI Art. 30, Enforcement Rules Art. 22-25): the provider's name, address and representative, how
// the provider acquired the data, with the evidence the confirmation rests on, and a record per
// subject kept as long as a record of provision. A provider may not hand over special care-required
// information by opt-out (Art. 27(2) proviso), so such a receipt is refused.

import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { isSpecialCare } from '../personal-data/categories';
import type { SystemActor } from '../systems';
import type { ProvisionLedger, StoredReceiptRecord } from './ports';
import type { NamedParty } from './recipients';
import { provisionRecordExpiresAt, type RecordKeeping } from './retention';

/** How the provider may lawfully have handed the data over: on the person's consent, or by its own opt-out registration. */
export const RECEIPT_BASES = ['consent', 'opt-out'] as const;
export type ReceiptBasis = (typeof RECEIPT_BASES)[number];

export interface Receipt {
  providerId: string;
  provider: NamedParty;
  subjects: string[];
  items: string[];
  basis: ReceiptBasis;
  acquisition: string;
  evidenceReference: string;
  recordKeeping: RecordKeeping;
  contractReference?: string;
}

export interface ReceiptAnswer {
  receiptId: string;
  receivedAt: string;
  results: { subjectId: string; recordId: string; expiresAt: string }[];
}

export interface RecordReceiptDeps {
  ledger: ProvisionLedger;
  secrets: Pick<SecretSource, 'id'>;
  clock: Clock;
}

const unprocessable = (title: string, detail: string) =>
  new DeskProblem('unprocessable', title, `${detail} Nothing was recorded.`);

export async function recordReceipt(
  deps: RecordReceiptDeps,
  actor: SystemActor,
  receipt: Receipt,
): Promise<ReceiptAnswer> {
  const specialCare = receipt.items.filter(isSpecialCare);
  if (receipt.basis === 'opt-out' && specialCare.length > 0) {
    throw unprocessable(
      'Special care-required information by opt-out',
      `items: ${specialCare.join(', ')} is special care-required information, which no provider may hand over by opt-out (APPI Art. 27(2) proviso); do not accept it.`,
    );
  }
  if ((receipt.recordKeeping === 'contract') !== (receipt.contractReference !== undefined)) {
    throw unprocessable(
      'Contract reference',
      'contractReference: give it exactly when a contract stands in for the record (recordKeeping "contract", Enforcement Rules Art. 23(3)).',
    );
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const receiptId = deps.secrets.id();
  const { recordKeeping: keeping, provider } = receipt;
  const recordId = keeping === 'per-provision' ? `received#${receiptId}` : `received#${keeping}#${receipt.providerId}`;
  const writes = await Promise.all(
    receipt.subjects.map(async (subjectId) => {
      const stored =
        keeping === 'per-provision'
          ? undefined
          : await deps.ledger.storedRecord<StoredReceiptRecord>(subjectId, recordId);
      const live = stored && stored.expiresAt > Math.floor(now.getTime() / 1000) ? stored : undefined;
      const record: StoredReceiptRecord = {
        subjectId,
        recordId,
        direction: 'received',
        counterparty: `${provider.name}, ${provider.address} (${provider.representative})`,
        items: [...new Set([...(live?.items ?? []), ...receipt.items])],
        basis: receipt.basis,
        date: at.slice(0, 10),
        receiptId,
        counterpartyId: receipt.providerId,
        providerId: receipt.providerId,
        providerName: provider.name,
        providerAddress: provider.address,
        providerRepresentative: provider.representative,
        acquisition: receipt.acquisition,
        evidenceReference: receipt.evidenceReference,
        recordKeeping: keeping,
        ...(receipt.contractReference ? { contractReference: receipt.contractReference } : {}),
        firstReceivedAt: live?.firstReceivedAt ?? at,
        lastReceivedAt: at,
        receivedBy: actor.principal,
        expiresAt: provisionRecordExpiresAt(keeping, now),
      };
      return { kind: 'record' as const, record, ...(stored ? { previousLastAt: stored.lastReceivedAt } : {}) };
    }),
  );
  try {
    await deps.ledger.commit(writes);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Receipt recorded meanwhile',
      'Another receipt from this provider was recorded for one of these subjects at the same moment; nothing was recorded by this call. Send it again.',
    );
  }
  return {
    receiptId,
    receivedAt: at,
    results: writes.map(({ record }) => ({
      subjectId: record.subjectId,
      recordId,
      expiresAt: new Date(record.expiresAt * 1000).toISOString(),
    })),
  };
}
