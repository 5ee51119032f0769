// What erasure needs from the tables. Reads here see keys and categories only, never a value.
import type { ErasureCertificate } from './certificate';

/** The table an item was removed from, read back to verify the removal. */
export interface RemovedItems {
  /** Whether the item is still stored: a consistent read of its key alone. */
  remains(subjectId: string, itemId: string): Promise<boolean>;
}

/** A subject's personal-data records, as the erasure path sees them. */
export interface SubjectRecords {
  /** Whether any record of the subject is still stored, expired or not (consistent). */
  anyRemain(subjectId: string): Promise<boolean>;
  /** How many records of the subject are stored (a consistent count of the whole partition). */
  count(subjectId: string): Promise<number>;
  /** Deletes every record of the subject; says how many it deleted and of which categories. */
  eraseAll(subjectId: string): Promise<{ erased: number; categories: string[] }>;
}

/** Items that depend on a subject's records and go with them. */
export interface DependentItems {
  /** Erases every stored dossier holding the subject's data, whole; returns how many. */
  eraseDossiersOf(subjectId: string): Promise<number>;
  /** Erases the subject's lifecycle item; returns 1 if there was one, else 0. */
  eraseLifecycleOf(subjectId: string): Promise<number>;
}

export interface ErasureEvidence {
  /** Writes the certificate unless one with its evidenceId exists; says whether it wrote. */
  record(certificate: ErasureCertificate): Promise<boolean>;
}
