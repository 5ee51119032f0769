// What the desk holds about one person: the records of personal data with their source and
// purposes, consent events, and records of provision to or receipt from third parties.

import type { SpecialCareException } from './personal-data/categories';
import type { AcquisitionSource } from './personal-data/sources';

export interface PersonalDataRecord {
  subjectId: string;
  recordId: string;
  category: string;
  value: string;
  source: AcquisitionSource;
  /** Who or what the record came from, in the words of the acquisition record. */
  sourceDetail?: string;
  purposes: string[];
  acquiredAt: string;
  /** For special care-required information: the consent or the Art. 20(2) exception it was acquired under. */
  basis?: SpecialCareBasis;
  /** The system (IAM principal) or staff member that registered it. */
  registeredBy?: string;
}

export type SpecialCareBasis =
  | { kind: 'consent'; consentId: string }
  | { kind: 'legal-exception'; exception: SpecialCareException; justification: string };

/** A record as stored: with its index key, its expiry (absent while a purpose is not yet achieved) and, once set, why it goes. */
export interface StoredPersonalDataRecord extends PersonalDataRecord {
  lookupKey: string;
  expiresAt?: number;
  erasureReason?: 'purpose-retired' | 'request';
  /** Set by a correction request (APPI Art. 34): when, and which request. */
  correctedAt?: string;
  correctedBy?: string;
}

/**
 * The information a person must be given before consenting to provision to a recipient in a foreign
 * country (APPI Art. 28(2), Enforcement Rules Art. 17): the country's name, its system for protecting
 * personal information, and the recipient's protective measures. Where the country cannot be
 * identified, the reason is given instead (Enforcement Rules Art. 17(3)).
 */
export type ForeignRecipientInformation =
  | { country: string; protectionSystem: string; recipientMeasures: string }
  | { country: 'unknown'; unknownReason: string };

/**
 * One consent or withdrawal, never changed once written: the current state of a consent is derived
 * from its events (modelled on ISO/IEC TS 27560 consent records).
 */
export interface ConsentEvent {
  subjectId: string;
  eventId: string;
  action: 'given' | 'withdrawn';
  /** What it covers: a purpose of use, a recipient (by registered id), or the linkage of access information. */
  purpose?: string;
  recipient?: string;
  linkage?: 'access-information';
  /** For a recipient abroad: what the person was told (APPI Art. 28(2)). */
  foreignInformation?: ForeignRecipientInformation;
  /** On a withdrawal: the consent it withdraws. */
  withdraws?: string;
  /** The notice version shown; its text is kept in the evidence table. */
  noticeVersion: string;
  /** How it was given: web-button, written, oral. */
  method: string;
  /** Who collected it: a system principal or a staff id; the person themselves for self-service. */
  collectedBy?: string;
  at: string;
}

/** A record of provision to, or receipt from, a third party (APPI Art. 29, 30; Enforcement Rules 19-25). */
export interface ProvisionRecord {
  subjectId: string;
  recordId: string;
  direction: 'provided' | 'received';
  /** The counterparty's name and address, as the record names them. */
  counterparty: string;
  items: string[];
  basis: string;
  date: string;
}

/** An item with the epoch second it leaves the desk (policy §2(4)), if it has one yet. */
export type Expiring<T> = T & { expiresAt?: number };

export interface Holdings {
  subjectIds: string[];
  records: Array<Expiring<PersonalDataRecord>>;
  consents: Array<Expiring<ConsentEvent>>;
  provisionRecords: Array<Expiring<ProvisionRecord>>;
}

/** An address as the desk compares and looks it up: trimmed, and in lower case throughout. */
export function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Identifier records carry this key so a person can be found by the address they write from. */
export function emailLookupKey(email: string): string {
  return `email#${normalisedEmail(email)}`;
}

/** Customer-number records carry this key so staff can find a person by the number they quote. */
export function customerIdLookupKey(customerId: string): string {
  return `customer#${customerId.trim()}`;
}

/** The index key every stored record carries: its address or customer number for an identifier record, its subject otherwise. */
export function lookupKeyOf(record: Pick<PersonalDataRecord, 'subjectId' | 'category' | 'value'>): string {
  if (record.category === 'email') return emailLookupKey(record.value);
  if (record.category === 'customer-id') return customerIdLookupKey(record.value);
  return `subject#${record.subjectId}`;
}

export interface HoldingsReader {
  /** Everything held about the person with this e-mail address that is not past its expiresAt. */
  holdingsOf(email: string, now: Date): Promise<Holdings>;
}
