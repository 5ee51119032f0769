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

/**
 * What a disclosure states of a held document (APPI Art. 33): which document, for which affair and
 * year, and until when. Never the number: the dossier's function may read only these attributes
 * (its IAM grant names them, lib/data.ts grantTableAccess 'details').
 */
export type HeldMyNumberDocument = Pick<
  StoredMyNumber,
  'subjectId' | 'documentId' | 'affair' | 'document' | 'documentDate' | 'taxYear' | 'expiresAt'
>;

/** The attributes a HeldMyNumberDocument is read with: the table's keys and the document's details, never `number`. */
export const MY_NUMBER_DETAIL_ATTRIBUTES = [
  'subjectId',
  'documentId',
  'affair',
  'document',
  'documentDate',
  'taxYear',
  'expiresAt',
] as const satisfies ReadonlyArray<keyof HeldMyNumberDocument>;

export interface MyNumberDocumentReader {
  /** The subject's documents whose retention has not ended, without their numbers. */
  heldDocumentsOf(subjectId: string, now: Date): Promise<HeldMyNumberDocument[]>;
}

/** The field name the access log records for a read of which documents are held, without the numbers. */
export const MY_NUMBER_DOCUMENTS_FIELD = 'my-number-documents';
