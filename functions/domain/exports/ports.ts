// What the export use cases need from the tables: the export requests, and a subject's live records
// of the exportable categories. The my-number table is not among them.
import type { OutboxMessage } from '../outbox';
import type { RecordView } from '../personal-data/view-subject';
import type { ExportRequest, StoredExportStatus } from './rules';

export interface ExportStore {
  /** Requests past their expiresAt (kept as evidence until then) are never returned. */
  get(exportId: string, now: Date): Promise<ExportRequest | undefined>;
  listByStatus(status: StoredExportStatus, now: Date): Promise<ExportRequest[]>;
  /** Stores a new request together with the e-mail to the officer; all or nothing. */
  create(request: ExportRequest, message: OutboxMessage): Promise<void>;
  /** Stores the decision with its e-mail if the request still has `expectedVersion`; StaleWriteError otherwise. */
  decide(next: ExportRequest, expectedVersion: number, message: OutboxMessage): Promise<void>;
  /**
   * Marks the link used if it still is unused, unexpired at `next.downloadedAt` and has the same token
   * hash and version; StaleWriteError otherwise.
   */
  markDownloaded(next: ExportRequest, expectedVersion: number): Promise<void>;
}

/** One personal-data record as an export carries it: what a staff view shows, without the flags. */
export type ExportedRecord = Pick<
  RecordView,
  'recordId' | 'category' | 'value' | 'source' | 'sourceDetail' | 'purposes' | 'acquiredAt'
>;

export interface ExportHoldingsReader {
  /** The subject's records of these categories that are not past their expiresAt. */
  recordsOf(subjectId: string, categories: readonly string[], now: Date): Promise<ExportedRecord[]>;
}
