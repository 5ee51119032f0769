// What reading, digesting and verifying the access log need from the outside world.
import type { AccessLogEntry, ChainedAccessLogEntry } from './entry';

export interface ChainHead {
  chainId: string;
  seq: number;
  hash: string;
}

export interface AccessLogDigest {
  /** Start of the schedule interval the digest was taken in (ISO 8601, UTC): its name in the bucket, so keys sort by time. */
  slot: string;
  takenAt: string;
  chains: ChainHead[];
  /** The slot of the digest before, so verification from a digest on can check its link; null for the first. */
  previousSlot: string | null;
  previousDigestHash: string;
  digestHash: string;
}

export interface AccessLogChains {
  /** Every chain an entry may be appended to. */
  chainIds(): readonly string[];
  head(chainId: string): Promise<ChainHead | undefined>;
  /** A chain's entries from `fromSeq` on, in sequence order, a page at a time, read consistently. */
  entries(chainId: string, fromSeq: number): AsyncIterable<ChainedAccessLogEntry[]>;
}

export interface AccessLogDigestStore {
  /** The slots of the stored digests, oldest first: those from `since` on (an ISO instant), or every one. */
  slots(since?: string): Promise<string[]>;
  /** The stored digest as parsed JSON, or undefined when there is none of that slot. */
  get(slot: string): Promise<unknown>;
  /** Writes a digest as a new object under Object Lock until `retainUntil`; 'exists' when that slot's digest was already written. */
  put(digest: AccessLogDigest, retainUntil: Date): Promise<'written' | 'exists'>;
}

/** Where one listed entry sits, so a page can continue after it. */
export interface AccessLogPosition {
  day: string;
  at: string;
  chainId: string;
  seq: number;
}

export interface AccessLogDayQuery {
  /** The Japan day whose entries are read, newest first. */
  day: string;
  from: string;
  to: string;
  actor?: string;
  subject?: string;
  /** Continue after this entry. */
  after?: AccessLogPosition;
  /** Entries past their retention are not listed. */
  now: Date;
}

export interface ListedAccessLogEntry extends AccessLogEntry {
  chainId: string;
  seq: number;
}

export interface AccessLogSearch {
  /** One page of a day's matching entries, newest first; `next` when the day holds more. */
  page(query: AccessLogDayQuery): Promise<{ entries: ListedAccessLogEntry[]; next?: AccessLogPosition }>;
}

export interface AccessLogWriter {
  append(entry: AccessLogEntry): Promise<void>;
}
