// What the holder registry needs from outside: storage of holders with their versions and reviews,
// and the holder's own OpenDSR discovery, fetched when it is registered or its endpoint changes.
import type { OutboxMessage } from '../outbox';
import type { HolderReview } from './contract';
import type { Holder, HolderEndpoint, HolderReader } from './holder';

export interface HolderRegistry extends HolderReader {
  /** Every holder, retired ones too, by id. */
  all(): Promise<Holder[]>;
  /** A holder as it stood at one version (a task names the version it went to). */
  version(holderId: string, version: number): Promise<Holder | undefined>;
  /** Every version of a holder, oldest first. */
  versions(holderId: string): Promise<Holder[]>;
  /** Adds version 1 unless the id is taken; answers whether it was added. */
  add(holder: Holder): Promise<boolean>;
  /** Stores the next version, conditional on the current one being `holder.version - 1`; StaleWriteError otherwise. */
  replace(holder: Holder): Promise<void>;
  reviews(holderId: string): Promise<HolderReview[]>;
  /** Records a review; false when one was recorded at the same instant. */
  addReview(review: HolderReview): Promise<boolean>;
}

/** The officer's reminder of an overdue review, once per holder and due day. */
export interface ReviewReminders {
  /** Enqueues the message and marks the due day reminded, all or nothing; false when it was reminded already. */
  remind(holderId: string, dueOn: string, message: OutboxMessage, now: Date): Promise<boolean>;
}

export interface HolderDiscovery {
  /**
   * GET {baseUrl}/discovery and its processor_certificate, checked. Throws HolderUnavailableError
   * when the holder cannot be reached (try later), HolderAnswerError naming what is wrong otherwise.
   */
  discover(baseUrl: string, now: Date): Promise<HolderEndpoint>;
}
