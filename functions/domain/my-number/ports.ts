// What the My Number use cases need from the my-number table. The number itself passes through here
// and nowhere else: not the access log, not a log line, not an error.
import type { MyNumberAffair, MyNumberDocumentId } from './documents';

/** One document's Individual Number, kept until its retention ends (expiresAt, epoch seconds). */
export interface StoredMyNumber {
  subjectId: string;
  /** `${document}#${documentDate}`: registering the same document again replaces it. */
  documentId: string;
  affair: MyNumberAffair;
  document: MyNumberDocumentId;
  documentDate: string;
  /**
   * The tax year a tax document is for, which its retention counts from. A document registered
   * before the desk asked for it has none: its expiresAt stays as computed then (from the year of
   * its date), until payroll registers it again with its tax year.
   */
  taxYear?: number;
  number: string;
  /** The IAM principal of the system that registered it. */
  registeredBy: string;
  registeredAt: string;
  expiresAt: number;
}

export interface MyNumberWriter {
  /** Stores the item, replacing the one of the same document. */
  put(item: StoredMyNumber): Promise<void>;
}

export interface MyNumberReader {
  /** The subject's documents whose retention has not ended, in documentId order. */
  liveDocumentsOf(subjectId: string, now: Date): Promise<StoredMyNumber[]>;
}
