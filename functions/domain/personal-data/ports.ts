import type { ConsentEvent, StoredPersonalDataRecord } from '../holdings';
import type { SubjectLifecycle } from './expiry';
import type { Suppression } from './suppression';

export interface SubjectLifecycleReader {
  get(subjectId: string): Promise<SubjectLifecycle | undefined>;
}

/** One event achievement rules count from; a change touches only its own attribute. */
export type SubjectEventChange = { contractEndedAt: string } | { lastActivityAt: string };

export interface SubjectLifecycleWriter {
  /**
   * Sets the attribute, creating the subject's item if needed, and returns the lifecycle as stored
   * afterwards. lastActivityAt never moves backwards, even against a concurrent writer.
   */
  save(subjectId: string, change: SubjectEventChange): Promise<SubjectLifecycle>;
}

/** Consent and withdrawal events that are not past their expiresAt. */
export interface ConsentReader {
  consentsOf(subjectId: string, now: Date): Promise<ConsentEvent[]>;
}

export interface PersonalDataRegistry {
  /**
   * Writes every new record and checks every unchanged one, all or none (one transaction): a new record
   * only if its recordId is free, an unchanged one only if it is still stored, live and as read.
   * Throws StaleWriteError when either no longer holds (someone registered or changed it meanwhile).
   */
  register(records: StoredPersonalDataRecord[], unchanged?: StoredPersonalDataRecord[]): Promise<void>;
  /** The subject's records with these ids as stored, those past their expiresAt or being erased included. */
  storedRecords(subjectId: string, recordIds: string[]): Promise<StoredPersonalDataRecord[]>;
}

export interface PersonalDataExpiry {
  /** The subject's records that are not past their expiresAt. */
  liveRecordsOf(subjectId: string, now: Date): Promise<StoredPersonalDataRecord[]>;
  /**
   * Sets the record's expiresAt, or removes it when undefined, unless the record is gone or is being
   * erased; answers whether it was changed.
   */
  setExpiry(subjectId: string, recordId: string, expiresAt: number | undefined): Promise<boolean>;
}

/** What a use check needs of a subject's records of one category: their purposes, never their values. */
export interface RecordPurposes {
  recordId: string;
  purposes: string[];
}

export interface RecordUseReader {
  livePurposesOf(subjectId: string, category: string, now: Date): Promise<RecordPurposes[]>;
  /** Whether a record of the category is still stored but past its expiresAt (awaiting the TTL). */
  hasExpiredRecord(subjectId: string, category: string, now: Date): Promise<boolean>;
}

/** Evidence that a use beyond the purposes was allowed under an exception (policy §2(2), APPI Art. 18(3)). */
export interface UseExceptionEvidence {
  evidenceId: string;
  kind: 'use-exception';
  subjectId: string;
  category: string;
  purpose: string;
  exception: string;
  justification: string;
  consentId?: string;
  principal: string;
  at: string;
  expiresAt: number;
}

export interface UseExceptionRecorder {
  record(evidence: UseExceptionEvidence): Promise<void>;
}

/** The suppression entries still in force under any of the identifier MACs (personal-data/suppression.ts). */
export interface SuppressionReader {
  suppressionsOf(identifierMacs: string[], now: Date): Promise<Suppression[]>;
}

/** Lifecycles of many subjects at once, for a batch registration. */
export interface SubjectLifecyclesReader {
  /** The lifecycles of those subjects that have one, by subject id (consistent reads). */
  lifecyclesOf(subjectIds: string[]): Promise<Map<string, SubjectLifecycle>>;
}

export interface RecordKey {
  subjectId: string;
  recordId: string;
}

/** Registering the records of many subjects at once (register-personal-data-batch.ts). */
export interface PersonalDataBatchRegistry {
  /** The records with these keys as stored, those past their expiresAt or being erased included. */
  storedRecordsAt(keys: RecordKey[]): Promise<StoredPersonalDataRecord[]>;
  /**
   * Writes every new record and checks every unchanged one, as register does, all or none (at most 100
   * in all). When a condition fails nothing is written and the keys whose condition failed are
   * answered; an empty answer means everything was written. Throws StaleWriteError when concurrent
   * transactions on the same items kept cancelling it (nothing written).
   */
  registerMany(records: StoredPersonalDataRecord[], unchanged: StoredPersonalDataRecord[]): Promise<RecordKey[]>;
}
