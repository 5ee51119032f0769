// In-memory doubles of the provision ports (functions/domain/provisions/ports.ts). Like the adapters,
// the ledger never serves a record past its expiresAt, and commits all writes or none.
import type { ProvisionRecord } from '../../../functions/domain/holdings';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type {
  ProvisionLedger,
  ProvisionWrite,
  RecipientRegistry,
  StoredProvisionRecord,
  StoredReceiptRecord,
} from '../../../functions/domain/provisions/ports';
import type { Recipient } from '../../../functions/domain/provisions/recipients';

const clone = <T>(value: T): T => structuredClone(value);

export class MemoryRecipients implements RecipientRegistry {
  constructor(readonly items: Recipient[] = []) {}
  async add(recipient: Recipient) {
    if (this.items.some((r) => r.recipientId === recipient.recipientId)) return false;
    this.items.push(clone(recipient));
    return true;
  }
  async get(recipientId: string) {
    const found = this.items.find((r) => r.recipientId === recipientId);
    return found && clone(found);
  }
  async list() {
    return this.items.map(clone);
  }
}

export class MemoryLedger implements ProvisionLedger {
  readonly commits: ProvisionWrite[][] = [];
  readonly evidence: unknown[] = [];
  constructor(readonly records: (ProvisionRecord & { expiresAt?: number })[] = []) {}
  async liveRecordsOf(subjectId: string, now: Date) {
    return this.records
      .filter((r) => r.subjectId === subjectId && (r.expiresAt === undefined || r.expiresAt > now.getTime() / 1000))
      .map(clone);
  }
  async liveRecordsWith(counterpartyId: string, { from, to }: { from?: string; to?: string }, now: Date) {
    return this.records
      .filter(
        (r) =>
          (r as { counterpartyId?: string }).counterpartyId === counterpartyId &&
          (!from || r.date >= from) &&
          (!to || r.date <= to) &&
          (r.expiresAt === undefined || r.expiresAt > now.getTime() / 1000),
      )
      .map(clone);
  }
  async storedRecord<R>(subjectId: string, recordId: string) {
    const found = this.records.find((r) => r.subjectId === subjectId && r.recordId === recordId);
    return found && (clone(found) as R);
  }
  async commit(writes: ProvisionWrite[]) {
    for (const w of writes) {
      if (w.kind !== 'record') continue;
      const stored = this.records.find((r) => r.subjectId === w.record.subjectId && r.recordId === w.record.recordId) as
        | (StoredProvisionRecord | StoredReceiptRecord)
        | undefined;
      const last = stored && ('lastProvidedAt' in stored ? stored.lastProvidedAt : stored.lastReceivedAt);
      if (last !== w.previousLastAt) throw new StaleWriteError();
    }
    this.commits.push(clone(writes));
    for (const w of writes) {
      if (w.kind === 'evidence') {
        this.evidence.push(clone(w.evidence));
        continue;
      }
      const index = this.records.findIndex(
        (r) => r.subjectId === w.record.subjectId && r.recordId === w.record.recordId,
      );
      if (index >= 0) this.records.splice(index, 1, clone(w.record));
      else this.records.push(clone(w.record));
    }
  }
}

export const JP_THIRD_PARTY: Recipient = {
  recipientId: 'partner-insurance',
  name: 'Partner Insurance K.K.',
  address: '2-2 Marunouchi, Chiyoda-ku, Tokyo',
  representative: 'Taro Sato, Representative Director',
  relationship: 'third-party',
  country: 'JP',
  recordKeeping: 'per-provision',
  registeredBy: 'staff-officer-1',
  registeredAt: '2026-10-01T00:00:00.000Z',
};
