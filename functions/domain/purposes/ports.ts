import type { StoredPersonalDataRecord } from '../holdings';
import type { OutboxMessage } from '../outbox';
import type { PurposeVersion, RolloutCursor, RolloutJob } from './registry';

export interface PurposeVersionReader {
  /** Every published version: the policy's own (in code) and every version published since (stored). */
  versions(): Promise<PurposeVersion[]>;
}

export interface PurposePublisher {
  /** Stores a version unless that version of the purpose exists; then throws StaleWriteError. */
  publish(version: PurposeVersion): Promise<void>;
}

export interface RolloutStore {
  /** Saves a job's progress if no other run moved it on since `processedBefore`; false if one did. */
  save(version: PurposeVersion, job: RolloutJob, processedBefore: number): Promise<boolean>;
}

/** What a rollout reads of a record: its key, purposes and dates, never its value. */
export type AffectedRecord = Pick<
  StoredPersonalDataRecord,
  'subjectId' | 'recordId' | 'purposes' | 'acquiredAt' | 'expiresAt'
>;

export interface AffectedRecordPage {
  records: AffectedRecord[];
  /** Where the next page starts; absent when the Scan has reached the end. */
  next?: RolloutCursor;
}

export interface AffectedRecordStore {
  /** Live records carrying the purpose, one Scan page of at most `pageSize` items read, after `cursor`. */
  page(purposeId: string, now: Date, cursor: RolloutCursor | undefined, pageSize: number): Promise<AffectedRecordPage>;
  /**
   * Sets (or, when undefined, removes) the record's expiresAt, and the erasure reason if given, on
   * condition that the record still exists with the expiresAt it was read with; false otherwise.
   */
  setExpiry(
    record: AffectedRecord,
    expiry: { expiresAt?: number; erasureReason?: 'purpose-retired' },
  ): Promise<boolean>;
  /** The subject's e-mail addresses from their live 'email' records. */
  addressesOf(subjectId: string, now: Date): Promise<string[]>;
}

export interface NotificationOutbox {
  /** Puts the message unless one with its id exists; false when it did, so a rerun never sends twice. */
  enqueueOnce(message: OutboxMessage): Promise<boolean>;
}
