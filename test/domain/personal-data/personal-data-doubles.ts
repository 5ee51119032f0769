// In-memory doubles of the personal-data ports (functions/domain/personal-data/ports.ts). Like the
// adapters, they never serve an item past its expiresAt.
import { createHmac } from 'node:crypto';
import type { ConsentEvent, StoredPersonalDataRecord } from '../../../functions/domain/holdings';
import type { IdentifierMac } from '../../../functions/domain/kernel/ports';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { SubjectLifecycle } from '../../../functions/domain/personal-data/expiry';
import type {
  ConsentReader,
  PersonalDataExpiry,
  PersonalDataRegistry,
  RecordPurposes,
  RecordUseReader,
  SubjectEventChange,
  SubjectLifecycleReader,
  SubjectLifecycleWriter,
  SuppressionReader,
  UseExceptionEvidence,
  UseExceptionRecorder,
} from '../../../functions/domain/personal-data/ports';
import type { Suppression } from '../../../functions/domain/personal-data/suppression';
import type { PurposeVersionReader } from '../../../functions/domain/purposes/ports';
import { POLICY_PURPOSES, type PurposeVersion } from '../../../functions/domain/purposes/registry';

const clone = <T>(value: T): T => structuredClone(value);
const live = (item: { expiresAt?: number }, now: Date) =>
  item.expiresAt === undefined || item.expiresAt > Math.floor(now.getTime() / 1000);

/** The policy's purposes plus any later versions given. */
export function purposeVersions(...later: PurposeVersion[]): PurposeVersionReader {
  return { versions: async () => [...POLICY_PURPOSES, ...later].map(clone) };
}

/** A later version of one of the policy's purposes that retires it. */
export function retired(purposeId: string, retiredAt: string): PurposeVersion {
  const current = POLICY_PURPOSES.find((p) => p.purposeId === purposeId)!;
  return {
    ...current,
    version: 2,
    status: 'retired',
    retiredAt,
    effectiveFrom: retiredAt,
    change: { kind: 'retired', note: 'The business ended' },
  };
}

export class MemoryLifecycles implements SubjectLifecycleReader, SubjectLifecycleWriter {
  readonly saves: { subjectId: string; change: SubjectEventChange }[] = [];
  constructor(readonly items: SubjectLifecycle[] = []) {}
  async get(subjectId: string) {
    const found = this.items.find((l) => l.subjectId === subjectId);
    return found && clone(found);
  }
  async save(subjectId: string, change: SubjectEventChange) {
    this.saves.push(clone({ subjectId, change }));
    let item = this.items.find((l) => l.subjectId === subjectId);
    if (!item) this.items.push((item = { subjectId }));
    if ('contractEndedAt' in change) item.contractEndedAt = change.contractEndedAt;
    else if (!item.lastActivityAt || item.lastActivityAt < change.lastActivityAt)
      item.lastActivityAt = change.lastActivityAt;
    return clone(item);
  }
}

export class MemoryConsents implements ConsentReader {
  constructor(readonly items: (ConsentEvent & { expiresAt?: number })[] = []) {}
  async consentsOf(subjectId: string, now: Date) {
    return this.items.filter((e) => e.subjectId === subjectId && live(e, now)).map(clone);
  }
}

/**
 * The personal-data table: register puts new records only where the id is free and checks unchanged
 * ones are still as read, all or nothing (StaleWriteError otherwise), as the adapter's transaction does.
 */
export class MemoryPersonalData implements PersonalDataRegistry, PersonalDataExpiry, RecordUseReader {
  readonly registrations: StoredPersonalDataRecord[][] = [];
  readonly expiryUpdates: { recordId: string; expiresAt: number | undefined }[] = [];
  /** Called at the start of each register, to see what had happened by then. */
  onRegister: (() => void) | undefined;
  constructor(readonly items: StoredPersonalDataRecord[] = []) {}
  private find(subjectId: string, recordId: string) {
    return this.items.find((r) => r.subjectId === subjectId && r.recordId === recordId);
  }
  async register(records: StoredPersonalDataRecord[], unchanged: StoredPersonalDataRecord[] = []) {
    this.onRegister?.();
    const nowSeconds = Math.floor(Date.now() / 1000);
    const taken = records.some((r) => this.find(r.subjectId, r.recordId));
    const moved = unchanged.some((u) => {
      const r = this.find(u.subjectId, u.recordId);
      return !r || r.erasureReason || (r.expiresAt !== undefined && r.expiresAt <= nowSeconds) || r.value !== u.value;
    });
    if (taken || moved) throw new StaleWriteError();
    this.registrations.push(clone(records));
    for (const record of records) this.items.push(clone(record));
  }
  async storedRecords(subjectId: string, recordIds: string[]) {
    return this.items.filter((r) => r.subjectId === subjectId && recordIds.includes(r.recordId)).map(clone);
  }
  async liveRecordsOf(subjectId: string, now: Date) {
    return this.items.filter((r) => r.subjectId === subjectId && live(r, now)).map(clone);
  }
  async setExpiry(subjectId: string, recordId: string, expiresAt: number | undefined) {
    const record = this.items.find((r) => r.subjectId === subjectId && r.recordId === recordId);
    if (!record || record.erasureReason) return false;
    this.expiryUpdates.push({ recordId, expiresAt });
    if (expiresAt === undefined) delete record.expiresAt;
    else record.expiresAt = expiresAt;
    return true;
  }
  async livePurposesOf(subjectId: string, category: string, now: Date): Promise<RecordPurposes[]> {
    return this.items
      .filter((r) => r.subjectId === subjectId && r.category === category && live(r, now))
      .map((r) => ({ recordId: r.recordId, purposes: [...r.purposes] }));
  }
  async hasExpiredRecord(subjectId: string, category: string, now: Date) {
    return this.items.some((r) => r.subjectId === subjectId && r.category === category && !live(r, now));
  }
}

export class RecordingExceptions implements UseExceptionRecorder {
  readonly evidence: UseExceptionEvidence[] = [];
  async record(evidence: UseExceptionEvidence) {
    this.evidence.push(clone(evidence));
  }
}

/** A stored record of subject-1, registered long ago by a system. */
export function storedRecord(overrides: Partial<StoredPersonalDataRecord> = {}): StoredPersonalDataRecord {
  return {
    subjectId: 'subject-1',
    recordId: 'rec-1',
    category: 'phone',
    value: '03-1234-5678',
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2026-01-01T00:00:00.000Z',
    registeredBy: 'arn:aws:iam::000000000000:role/crm',
    lookupKey: 'subject#subject-1',
    ...overrides,
  };
}

/** The identifier MAC under a fixed test key: HMAC-SHA256, as the adapter computes it. */
export const TEST_MAC: IdentifierMac = {
  mac: async (identifier) => createHmac('sha256', 'test-key').update(identifier, 'utf8').digest('base64url'),
};

/** The suppressions table: the entries given, served while not past their expiresAt. */
export class MemorySuppressions implements SuppressionReader {
  constructor(readonly items: Suppression[] = []) {}
  async suppressionsOf(identifierMacs: string[], now: Date) {
    return this.items.filter((s) => identifierMacs.includes(s.identifierMac) && live(s, now)).map(clone);
  }
}
