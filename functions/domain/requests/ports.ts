// What deciding and answering requests need from the outside world: the request store, stored
// dossiers, and the all-or-nothing writer a decision and its fulfilment go through.

import type { FulfilmentTask } from '../fulfilment/task';
import type { StoredPersonalDataRecord } from '../holdings';
import type { OutboxMessage } from '../outbox';
import type { Suppression } from '../personal-data/suppression';
import type { ProvisionCessation, ProvisionCessationLift, ProvisionStop } from '../provisions/provision-cessation';
import type { DeskRequest, RequestStatus } from './request';
import type { DossierHolderResults, StoredDisclosure } from './types/disclosure/disclosure-dossier';

export interface RequestReader {
  get(requestId: string, now: Date): Promise<DeskRequest | undefined>;
  listByStatus(status: RequestStatus, now: Date): Promise<DeskRequest[]>;
}

export interface DisclosureReader {
  get(tokenHash: string, now: Date): Promise<StoredDisclosure | undefined>;
}

/** One item of an all-or-nothing write. */
export type DeskWrite =
  | { kind: 'request'; request: DeskRequest; expectedVersion?: number }
  | { kind: 'outbox'; message: OutboxMessage }
  | { kind: 'disclosure'; disclosure: StoredDisclosure }
  /**
   * A holder's part added to a stored dossier (every item of the copy, one per subject), only while
   * the copy is still stored and live at `at`: an erased or expired copy is never written back.
   */
  | {
      kind: 'disclosure-holder-results';
      tokenHash: string;
      subjectIds: string[];
      results: DossierHolderResults;
      at: string;
    }
  /**
   * Sets the subject's cessation of provision (APPI Art. 35(3),(5)) if it is still `expected` (absent:
   * none stood). A lift (`lift`) is kept on the subject with it.
   */
  | {
      kind: 'cessation-of-provision';
      subjectId: string;
      cessation: ProvisionCessation | undefined;
      expected?: ProvisionCessation | ProvisionStop;
      lift?: ProvisionCessationLift;
    }
  /**
   * Sets the subject's cessationOfUse flag (APPI Art. 35(1),(5)): cease-use unless an earlier request
   * set it; erase always, since erasure covers a cessation and the flag is what starts the erasure.
   */
  | { kind: 'cessation-of-use'; subjectId: string; requestId: string; at: string; measure: 'cease-use' | 'erase' }
  /**
   * A correction on request (APPI Art. 34): the record's new value and index key, if the record is
   * still stored, live and not being erased.
   */
  | {
      kind: 'personal-data-correction';
      subjectId: string;
      recordId: string;
      value: string;
      lookupKey: string;
      requestId: string;
      at: string;
    }
  /** An addition on request (APPI Art. 34): a new record, never replacing one. */
  | { kind: 'personal-data-addition'; record: StoredPersonalDataRecord }
  /** A deletion on request (APPI Art. 34): marks a live record erased now, for the TTL and the erasure certificate. */
  | { kind: 'personal-data-deletion'; subjectId: string; recordId: string; at: string }
  /**
   * What an erasure, a cessation of use or a correction leaves so that registration cannot bring the
   * data back (personal-data/suppression.ts); written once per identifier and request.
   */
  | { kind: 'suppression'; suppression: Suppression }
  /**
   * A fulfilment task for one holder: new (no expectedVersion, never replacing one) or a change of a
   * task still at expectedVersion, so of two workers or callbacks acting at once one wins.
   */
  | { kind: 'fulfilment-task'; task: FulfilmentTask; expectedVersion?: number };

export interface DeskWriter {
  /** Writes all or nothing; throws StaleWriteError when an expected version no longer holds. */
  commit(writes: DeskWrite[]): Promise<void>;
}
