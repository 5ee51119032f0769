// No resurrection after erasure. An erasure or a cessation of use on request (APPI Art. 35(1),(5)),
// and a correction that deletes or replaces content (Art. 34), leave suppression entries, so that the
// next sync from a source system cannot register the same person's data again for what was stopped.
// An entry holds keyed MACs of the person's identifiers and of what was removed, never the data.
import { type Holdings, lookupKeyOf, normalisedEmail, type PersonalDataRecord } from '../holdings';
import { EVIDENCE_RETENTION_SECONDS } from '../kernel/law';
import type { IdentifierMac } from '../kernel/ports';

/** What the request did, so a refusal can say it. */
export type SuppressionMeasure = 'erase' | 'cease-use' | 'correction';

export interface Suppression {
  /** HMAC of one identifier of the person: `subject#<id>`, `email#<address>` or `customer#<number>`. */
  identifierMac: string;
  requestId: string;
  measure: SuppressionMeasure;
  /** The purposes of use ceased: every purpose after an erasure. */
  purposes: 'all' | string[];
  /** For a correction: HMACs of the records it deleted (`record#<subject>#<recordId>`). */
  records?: string[];
  /** For a correction: HMACs of the content it deleted or replaced (`content#<subject>#<category>#<value>`). */
  contents?: string[];
  /** When the decision was made. */
  at: string;
  /** Kept as long as the evidence of the request (epoch seconds). */
  expiresAt: number;
}

/** The identifier of a subject, in the shape of the personal-data table's lookup keys. */
export const subjectIdentifier = (subjectId: string): string => `subject#${subjectId}`;

/** The identifiers a record names its person by: its subject, and the address or customer number it holds. */
export function identifiersOf(record: Pick<PersonalDataRecord, 'subjectId' | 'category' | 'value'>): string[] {
  return [...new Set([subjectIdentifier(record.subjectId), lookupKeyOf(record)])];
}

export const recordIdentifier = (subjectId: string, recordId: string): string => `record#${subjectId}#${recordId}`;

/** A record's content as compared: addresses as lookups compare them, other values trimmed. */
export function contentIdentifier(record: Pick<PersonalDataRecord, 'subjectId' | 'category' | 'value'>): string {
  const value = record.category === 'email' ? normalisedEmail(record.value) : record.value.trim();
  return `content#${record.subjectId}#${record.category}#${value}`;
}

const expiryOf = (at: string) => Math.floor(Date.parse(at) / 1000) + EVIDENCE_RETENTION_SECONDS;

/**
 * The entries a decided erasure or cessation of use leaves: one per identifier the desk knows the
 * person by (each subject, each address, each customer number held), with the purposes ceased. A
 * cessation ceases the purposes the person's data was held for; an erasure, every purpose.
 */
export async function cessationSuppressions(
  macs: IdentifierMac,
  held: Pick<Holdings, 'subjectIds' | 'records'>,
  requestId: string,
  at: string,
  measure: 'erase' | 'cease-use',
): Promise<Suppression[]> {
  const purposes = measure === 'erase' ? 'all' : [...new Set(held.records.flatMap((r) => r.purposes))].sort();
  if (purposes !== 'all' && purposes.length === 0) return [];
  const identifiers = new Set([...held.subjectIds.map(subjectIdentifier), ...held.records.flatMap(identifiersOf)]);
  const expiresAt = expiryOf(at);
  return Promise.all(
    [...identifiers].sort().map(async (identifier) => ({
      identifierMac: await macs.mac(identifier),
      requestId,
      measure,
      purposes,
      at,
      expiresAt,
    })),
  );
}

/** What a correction removed from one subject: records deleted, and the content deleted or replaced. */
export interface CorrectionRemoval {
  subjectId: string;
  deleted: Pick<PersonalDataRecord, 'subjectId' | 'recordId' | 'category' | 'value'>[];
  replaced: Pick<PersonalDataRecord, 'subjectId' | 'category' | 'value'>[];
}

/**
 * The entry a correction leaves on each subject it removed something from: the deleted records and the
 * removed content may not come back under that subject (the content was found untrue, APPI Art. 34(2)).
 * The subject's other data, and the same content under another person, stay registrable.
 */
export async function correctionSuppressions(
  macs: IdentifierMac,
  removals: CorrectionRemoval[],
  requestId: string,
  at: string,
): Promise<Suppression[]> {
  const expiresAt = expiryOf(at);
  const entries = removals.filter((r) => r.deleted.length + r.replaced.length > 0);
  return Promise.all(
    entries.map(async (removal) => ({
      identifierMac: await macs.mac(subjectIdentifier(removal.subjectId)),
      requestId,
      measure: 'correction' as const,
      purposes: [],
      records: await macsOf(
        macs,
        removal.deleted.map((r) => recordIdentifier(r.subjectId, r.recordId)),
      ),
      contents: await macsOf(macs, [...removal.deleted, ...removal.replaced].map(contentIdentifier)),
      at,
      expiresAt,
    })),
  );
}

async function macsOf(macs: IdentifierMac, identifiers: string[]): Promise<string[]> {
  return Promise.all([...new Set(identifiers)].sort().map((i) => macs.mac(i)));
}

/** A record refused because of an earlier request, and which request. */
export interface SuppressedRecord {
  index: number;
  suppression: Suppression;
}

/**
 * The records an earlier request stops from being registered. The records are one subject's, so an
 * entry found under any of their identifiers concerns them all: after an erasure nothing of the person
 * may come back, after a cessation nothing for a ceased purpose; a correction's entry refuses the
 * deleted records and the removed content of its subject.
 */
export async function suppressedRecords(
  macs: IdentifierMac,
  suppressions: Suppression[],
  records: Pick<PersonalDataRecord, 'subjectId' | 'recordId' | 'category' | 'value' | 'purposes'>[],
): Promise<SuppressedRecord[]> {
  if (suppressions.length === 0) return [];
  const found: SuppressedRecord[] = [];
  for (const [index, record] of records.entries()) {
    const recordMac = await macs.mac(recordIdentifier(record.subjectId, record.recordId));
    const contentMac = await macs.mac(contentIdentifier(record));
    const suppression = suppressions.find(
      (s) =>
        s.purposes === 'all' ||
        record.purposes.some((p) => (s.purposes as string[]).includes(p)) ||
        s.records?.includes(recordMac) ||
        s.contents?.includes(contentMac),
    );
    if (suppression) found.push({ index, suppression });
  }
  return found;
}

/** The MACs of every identifier the records name their person by: what registration looks entries up under. */
export async function identifierMacsOf(
  macs: IdentifierMac,
  records: Pick<PersonalDataRecord, 'subjectId' | 'category' | 'value'>[],
): Promise<string[]> {
  return macsOf(macs, records.flatMap(identifiersOf));
}
