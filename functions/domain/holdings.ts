// What the desk holds about one person: the records of personal data with their source and
// purposes, consent events, and records of provision to or receipt from third parties.
import type { AcquisitionSource } from './purposes';

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
}

export interface ConsentEvent {
  subjectId: string;
  eventId: string;
  action: 'given' | 'withdrawn';
  purpose?: string;
  recipient?: string;
  noticeVersion: string;
  method: string;
  at: string;
}

export interface ProvisionRecord {
  subjectId: string;
  recordId: string;
  direction: 'provided' | 'received';
  counterparty: string;
  items: string[];
  basis: string;
  date: string;
}

export interface Holdings {
  subjectIds: string[];
  records: PersonalDataRecord[];
  consents: ConsentEvent[];
  provisionRecords: ProvisionRecord[];
}

/** Identifier records carry this key so a person can be found by the address they write from. */
export function emailLookupKey(email: string): string {
  return `email#${email.trim().toLowerCase()}`;
}

/** The index key every stored record carries: its address for an e-mail record, its subject otherwise. */
export function lookupKeyOf(record: Pick<PersonalDataRecord, 'subjectId' | 'category' | 'value'>): string {
  return record.category === 'email' ? emailLookupKey(record.value) : `subject#${record.subjectId}`;
}
