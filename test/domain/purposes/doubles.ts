// In-memory doubles of the purpose ports, behaving as the tables do: a publish of an existing version
// is stale, a Scan goes in key order from its cursor and reads `pageSize` items before its filter,
// an expiry update holds only on the expiresAt it was read with, an outbox id is put once.

import type { StoredPersonalDataRecord } from '../../../functions/domain/holdings';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import type { SubjectLifecycle } from '../../../functions/domain/personal-data/expiry';
import type { SubjectLifecycleReader } from '../../../functions/domain/personal-data/ports';
import type {
  AffectedRecord,
  AffectedRecordStore,
  NotificationOutbox,
  PurposePublisher,
  PurposeVersionReader,
  RolloutStore,
} from '../../../functions/domain/purposes/ports';
import {
  POLICY_PURPOSES,
  type PurposeVersion,
  type RolloutCursor,
  type RolloutJob,
} from '../../../functions/domain/purposes/registry';

const clone = <T>(value: T): T => structuredClone(value);

export class MemoryPurposes implements PurposeVersionReader, PurposePublisher, RolloutStore {
  readonly stored: PurposeVersion[] = [];
  /** Runs before a publish checks its condition: a concurrent publisher can slip in here. */
  beforePublish: (() => void) | undefined;
  async versions(): Promise<PurposeVersion[]> {
    return clone([...POLICY_PURPOSES, ...this.stored]);
  }
  async publish(version: PurposeVersion): Promise<void> {
    this.beforePublish?.();
    if (
      [...POLICY_PURPOSES, ...this.stored].some(
        (v) => v.purposeId === version.purposeId && v.version === version.version,
      )
    )
      throw new StaleWriteError();
    this.stored.push(clone(version));
  }
  async save(version: PurposeVersion, job: RolloutJob, processedBefore: number): Promise<boolean> {
    const held = this.stored.find((v) => v.purposeId === version.purposeId && v.version === version.version);
    if (held?.rollout?.state !== 'pending' || held.rollout.processed !== processedBefore) return false;
    held.rollout = clone(job);
    return true;
  }
  job(purposeId: string, version: number): RolloutJob | undefined {
    return this.stored.find((v) => v.purposeId === purposeId && v.version === version)?.rollout;
  }
}

const keyOrder = (a: RolloutCursor, b: RolloutCursor) =>
  a.subjectId === b.subjectId ? a.recordId.localeCompare(b.recordId) : a.subjectId.localeCompare(b.subjectId);

export class MemoryRecords implements AffectedRecordStore {
  readonly pagesRead: number[] = [];
  constructor(readonly items: StoredPersonalDataRecord[] = []) {}
  async page(purposeId: string, now: Date, cursor: RolloutCursor | undefined, pageSize: number) {
    const sorted = [...this.items].sort(keyOrder);
    const start = cursor ? sorted.findIndex((r) => keyOrder(r, cursor) > 0) : 0;
    const read = start < 0 ? [] : sorted.slice(start, start + pageSize);
    this.pagesRead.push(read.length);
    const last = read[read.length - 1];
    const more = start >= 0 && start + pageSize < sorted.length;
    return {
      records: read
        .filter((r) => r.purposes.includes(purposeId) && live(r, now))
        .map(
          (r): AffectedRecord =>
            clone({
              subjectId: r.subjectId,
              recordId: r.recordId,
              purposes: r.purposes,
              acquiredAt: r.acquiredAt,
              ...(r.expiresAt === undefined ? {} : { expiresAt: r.expiresAt }),
            }),
        ),
      ...(more && last ? { next: { subjectId: last.subjectId, recordId: last.recordId } } : {}),
    };
  }
  async setExpiry(record: AffectedRecord, expiry: { expiresAt?: number; erasureReason?: 'purpose-retired' }) {
    const held = this.get(record.subjectId, record.recordId);
    if (!held || held.erasureReason || held.expiresAt !== record.expiresAt) return false;
    if (expiry.expiresAt === undefined) delete held.expiresAt;
    else held.expiresAt = expiry.expiresAt;
    if (expiry.erasureReason) held.erasureReason = expiry.erasureReason;
    return true;
  }
  async addressesOf(subjectId: string, now: Date) {
    return [
      ...new Set(
        this.items
          .filter((r) => r.subjectId === subjectId && r.category === 'email' && live(r, now))
          .map((r) => r.value),
      ),
    ];
  }
  get(subjectId: string, recordId: string): StoredPersonalDataRecord | undefined {
    return this.items.find((r) => r.subjectId === subjectId && r.recordId === recordId);
  }
}

function live(record: { expiresAt?: number }, now: Date): boolean {
  return record.expiresAt === undefined || record.expiresAt > Math.floor(now.getTime() / 1000);
}

export class MemoryOutbox implements NotificationOutbox {
  readonly messages: OutboxMessage[] = [];
  async enqueueOnce(message: OutboxMessage): Promise<boolean> {
    if (this.messages.some((m) => m.messageId === message.messageId)) return false;
    this.messages.push(clone(message));
    return true;
  }
}

export class MapLifecycles implements SubjectLifecycleReader {
  constructor(readonly bySubject: Record<string, SubjectLifecycle> = {}) {}
  async get(subjectId: string) {
    return clone(this.bySubject[subjectId]);
  }
}

/** A stored record carrying the given purposes; its expiry and anything else as given. */
export function record(
  subjectId: string,
  recordId: string,
  purposes: string[],
  overrides: Partial<StoredPersonalDataRecord> = {},
): StoredPersonalDataRecord {
  return {
    subjectId,
    recordId,
    category: 'name',
    value: `Name of ${subjectId}`,
    source: 'from-customer',
    purposes,
    acquiredAt: '2026-01-10T00:00:00.000Z',
    lookupKey: `subject#${subjectId}`,
    ...overrides,
  };
}

export function emailRecord(
  subjectId: string,
  address: string,
  overrides: Partial<StoredPersonalDataRecord> = {},
): StoredPersonalDataRecord {
  return record(subjectId, `email-${address}`, ['service-provision'], {
    category: 'email',
    value: address,
    lookupKey: `email#${address}`,
    ...overrides,
  });
}
