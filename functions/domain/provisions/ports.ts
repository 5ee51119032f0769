import type { ProvisionRecord } from '../holdings';
import type { CountryStanding } from './countries';
import type { Recipient } from './recipients';
import type { RecordKeeping } from './retention';

export interface RecipientRegistry {
  /** Adds the recipient unless its id is taken; answers whether it was added. */
  add(recipient: Recipient): Promise<boolean>;
  get(recipientId: string): Promise<Recipient | undefined>;
  list(): Promise<Recipient[]>;
}

/** A record of provision as stored: what Enforcement Rules Art. 20 asks it to name, and its retention. */
export interface StoredProvisionRecord extends ProvisionRecord {
  direction: 'provided';
  provisionId: string;
  /** The recipient's id again, under the name auditors list records by (both directions). */
  counterpartyId: string;
  recipientId: string;
  recipientName: string;
  recipientAddress: string;
  recipientRepresentative: string;
  /** Where the recipient is and how it stands under Art. 28 (an equivalent setup is recorded as such). */
  recipientCountry: string;
  countryStanding: CountryStanding;
  purpose: string;
  recordKeeping: RecordKeeping;
  contractReference?: string;
  /** On consent: the consent event relied on (Enforcement Rules Art. 20(1)(ii)). */
  consentId?: string;
  /** A bulk or contract record: the first and the latest provision it covers. */
  firstProvidedAt: string;
  lastProvidedAt: string;
  providedBy: string;
  expiresAt: number;
}

/** Evidence that data went out without a record being due: an Art. 27(1) exception or a recipient that is not a third party. */
export interface ProvisionEvidence {
  evidenceId: string;
  kind: 'provision-under-exception' | 'provision-not-to-third-party';
  provisionId: string;
  recipientId: string;
  relationship: string;
  purpose: string;
  items: string[];
  subjectIds: string[];
  exception?: string;
  justification?: string;
  /** Subjects whose cessation of provision stood and did not reach this exception (APPI Art. 35(3),(5)). */
  cessationsPassed?: Array<{ subjectId: string; requestId: string }>;
  principal: string;
  at: string;
  expiresAt: number;
}

/** A record of receipt from a third party as stored: what Art. 30 and Enforcement Rules Art. 24 ask it to name. */
export interface StoredReceiptRecord extends ProvisionRecord {
  direction: 'received';
  receiptId: string;
  /** The receiving system's own id for the provider: a bulk or contract record is kept per provider. */
  /** The provider's id again, under the name auditors list records by (both directions). */
  counterpartyId: string;
  providerId: string;
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  /** How the provider acquired the data, as the desk confirmed it (Art. 30(1)(ii)). */
  acquisition: string;
  /** The document or other evidence the confirmation rests on. */
  evidenceReference: string;
  recordKeeping: RecordKeeping;
  contractReference?: string;
  firstReceivedAt: string;
  lastReceivedAt: string;
  receivedBy: string;
  expiresAt: number;
}

export type ProvisionWrite =
  /** `previousLastAt` set: rolls an existing bulk or contract record forward, unless its latest provision or receipt changed meanwhile. */
  | { kind: 'record'; record: StoredProvisionRecord | StoredReceiptRecord; previousLastAt?: string }
  | { kind: 'evidence'; evidence: ProvisionEvidence };

export interface ProvisionLedger {
  /** The subject's records of provision and receipt that are not past their expiresAt. */
  liveRecordsOf(subjectId: string, now: Date): Promise<ProvisionRecord[]>;
  /** Every live record with this recipient or provider, of anyone, dated within the Japan dates given (inclusive). */
  liveRecordsWith(counterpartyId: string, dates: { from?: string; to?: string }, now: Date): Promise<ProvisionRecord[]>;
  /** The record stored under this id, live or awaiting its TTL deletion, to roll forward or replace. */
  storedRecord<R extends StoredProvisionRecord | StoredReceiptRecord>(
    subjectId: string,
    recordId: string,
  ): Promise<R | undefined>;
  /** Every write or none (one transaction); throws StaleWriteError when a rolled record changed meanwhile. */
  commit(writes: ProvisionWrite[]): Promise<void>;
}
