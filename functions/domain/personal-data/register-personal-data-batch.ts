// Registering records of many subjects in one call (policy §1, §2): each entry under the same rules as
// a registration of one subject (register-personal-data.ts: purposes, special care-required basis,
// expiry, never replacing a record, suppression), but each entry stands on its own: a refused entry
// does not stop the others. What the batch reads is read once for all its entries (the registry, the
// subjects' lifecycles, the records it names), and what it writes is written in one transaction whose
// conditions still refuse to replace a record.
import type { ConsentEvent, StoredPersonalDataRecord } from '../holdings';
import { DeskProblem, type ProblemField, StaleWriteError } from '../kernel/problems';
import { registryOf } from '../purposes/registry';
import type { SystemActor } from '../systems';
import type { PersonalDataBatchRegistry, RecordKey, SubjectLifecyclesReader } from './ports';
import {
  type Context,
  differenceFault,
  FAULT_TITLES,
  faultsOf,
  type RecordRegistration,
  type RegisterPersonalDataDeps,
  storedRecordOf,
  suppressedFault,
} from './register-personal-data';
import { identifierMacsOf, suppressedRecords } from './suppression';

/** Records of one call: a DynamoDB transaction holds at most 100 items, and a batch writes in one. */
export const MAX_RECORDS_PER_BATCH = 100;

export interface BatchEntry {
  /** The entry's place in the batch, which its fields are named by. */
  index: number;
  subjectId: string;
  record: RecordRegistration;
}

export type BatchEntryResult =
  | { status: 'registered'; subjectId: string; recordId: string; category: string; expiresAt?: string }
  | { status: 'refused'; subjectId?: string; reason: string; errors: ProblemField[] }
  | { status: 'suppressed'; subjectId: string; reason: string; requestId: string; decidedAt: string };

interface Prepared {
  entry: BatchEntry;
  record: StoredPersonalDataRecord;
}

export interface RegisterBatchDeps extends Omit<RegisterPersonalDataDeps, 'lifecycles' | 'records'> {
  lifecycles: SubjectLifecyclesReader;
  records: PersonalDataBatchRegistry;
}

/** Rounds of writing when a concurrent registration took a record meanwhile; each round re-reads those. */
const WRITE_ROUNDS = 3;

const keyOf = (k: RecordKey) => `${k.subjectId}\u0000${k.recordId}`;
/** `entries[3].record.purposes` as a problem names fields: `body.entries.3.record.purposes`. */
const bodyField = (field: string) => `body.${field.replace(/\[(\d+)\]/g, '.$1')}`;

/** The answer for each entry, by index; entries the caller refused before (malformed) are not passed. */
export async function registerPersonalDataBatch(
  deps: RegisterBatchDeps,
  actor: SystemActor,
  entries: BatchEntry[],
): Promise<Map<number, BatchEntryResult>> {
  const now = deps.clock.now();
  const results = new Map<number, BatchEntryResult>();
  const refuse = (e: BatchEntry, reason: string, errors: ProblemField[]) =>
    results.set(e.index, { status: 'refused', subjectId: e.subjectId, reason, errors });
  const fieldOf = (e: BatchEntry) => `entries[${e.index}].record`;

  // The same record twice in one call: the later one is refused, as within one registration.
  const seen = new Set<string>();
  const unique = entries.filter((e) => {
    if (e.record.recordId === undefined) return true;
    const key = keyOf({ subjectId: e.subjectId, recordId: e.record.recordId });
    if (!seen.has(key)) return seen.add(key);
    refuse(e, 'Record given twice', [
      {
        field: bodyField(`${fieldOf(e)}.recordId`),
        message: `"${e.record.recordId}" of subject ${e.subjectId} is given to an earlier entry too; each record needs its own id`,
      },
    ]);
    return false;
  });

  const subjects = [...new Set(unique.map((e) => e.subjectId))];
  const citingConsent = [...new Set(unique.filter((e) => e.record.basis?.kind === 'consent').map((e) => e.subjectId))];
  const supplied = unique.flatMap((e) =>
    e.record.recordId === undefined ? [] : [{ subjectId: e.subjectId, recordId: e.record.recordId }],
  );
  const [versions, lifecycles, consents, stored] = await Promise.all([
    deps.purposes.versions(),
    deps.lifecycles.lifecyclesOf(subjects),
    Promise.all(citingConsent.map(async (s) => [s, await deps.consents.consentsOf(s, now)] as const)),
    supplied.length > 0 ? deps.records.storedRecordsAt(supplied) : Promise.resolve([]),
  ]);
  const registry = registryOf(versions);
  const consentsOf = new Map<string, ConsentEvent[]>(consents);
  const contextOf = (subjectId: string): Context => ({
    registry,
    lifecycle: lifecycles.get(subjectId),
    consents: consentsOf.get(subjectId) ?? [],
    now,
    fiscalYear: deps.fiscalYear,
  });

  // Each entry checked on its own, then sorted against what is stored.
  const prepared: Prepared[] = [];
  for (const entry of unique) {
    const context = contextOf(entry.subjectId);
    const faults = faultsOf(entry.record, fieldOf(entry), context);
    if (faults.length > 0) {
      refuse(entry, 'Personal data not registered', faults.map(faultField));
      continue;
    }
    prepared.push({
      entry,
      record: storedRecordOf(deps.secrets, entry.subjectId, entry.record, actor.principal, context),
    });
  }
  // The record as this batch would store it, kept to sort it again after a lost write.
  const preparedOf = new Map(prepared.map((p) => [p.entry, p.record]));
  let storedAt = new Map(stored.map((r) => [keyOf(r), r]));
  let fresh: Prepared[] = [];
  let unchanged: Prepared[] = [];
  const sort = (candidates: BatchEntry[]) => {
    for (const entry of candidates) {
      const record = preparedOf.get(entry)!;
      const existing = storedAt.get(keyOf(record));
      const fault = existing ? differenceFault(existing, record, fieldOf(entry), now) : undefined;
      if (fault) refuse(entry, FAULT_TITLES[fault.kind], [{ field: bodyField(fault.field), message: fault.message }]);
      else if (existing) unchanged.push({ entry, record: existing });
      else fresh.push({ entry, record });
    }
  };
  sort(prepared.map((p) => p.entry));
  fresh = await withoutSuppressed(deps, fresh, now, results);

  // Each round that loses a condition drops the entries it lost on, so the rounds end.
  for (let round = 1; fresh.length + unchanged.length > 0; round++) {
    const lost = new Set((await registerMany(deps.records, fresh, unchanged)).map(keyOf));
    if (lost.size === 0) break;
    const retry = [...fresh, ...unchanged].filter((p) => lost.has(keyOf(p.record)));
    fresh = fresh.filter((p) => !lost.has(keyOf(p.record)));
    unchanged = unchanged.filter((p) => !lost.has(keyOf(p.record)));
    if (round >= WRITE_ROUNDS) {
      for (const p of retry) refuse(p.entry, 'Registered meanwhile', [meanwhile(p)]);
      continue;
    }
    // Someone registered, changed or erased these meanwhile: sorted again against what is stored now.
    storedAt = new Map((await deps.records.storedRecordsAt(retry.map((p) => p.record))).map((r) => [keyOf(r), r]));
    const before = fresh.length;
    sort(retry.map((p) => p.entry));
    fresh = [...fresh.slice(0, before), ...(await withoutSuppressed(deps, fresh.slice(before), now, results))];
  }
  for (const p of [...fresh, ...unchanged]) {
    const r = p.record;
    results.set(p.entry.index, {
      status: 'registered',
      subjectId: r.subjectId,
      recordId: r.recordId,
      category: r.category,
      ...(r.expiresAt !== undefined ? { expiresAt: new Date(r.expiresAt * 1000).toISOString() } : {}),
    });
  }
  return results;
}

/**
 * Holds new records against the suppression entries of their person's identifiers, subject by subject
 * as one registration does: an entry under any identifier of a subject's records concerns them all.
 */
async function withoutSuppressed(
  deps: Pick<RegisterBatchDeps, 'suppressions' | 'identifierMac'>,
  fresh: Prepared[],
  now: Date,
  results: Map<number, BatchEntryResult>,
): Promise<typeof fresh> {
  const bySubject = new Map<string, Prepared[]>();
  for (const p of fresh) bySubject.set(p.entry.subjectId, [...(bySubject.get(p.entry.subjectId) ?? []), p]);
  const stopped = new Set<BatchEntry>();
  await Promise.all(
    [...bySubject.values()].map(async (group) => {
      const records = group.map((p) => p.record);
      const suppressions = await deps.suppressions.suppressionsOf(
        await identifierMacsOf(deps.identifierMac, records),
        now,
      );
      for (const { index, suppression } of await suppressedRecords(deps.identifierMac, suppressions, records)) {
        const { entry, record } = group[index]!;
        stopped.add(entry);
        results.set(entry.index, {
          status: 'suppressed',
          subjectId: entry.subjectId,
          reason: suppressedFault(suppression, record, `entries[${entry.index}].record`).message,
          requestId: suppression.requestId,
          decidedAt: suppression.at,
        });
      }
    }),
  );
  return fresh.filter((p) => !stopped.has(p.entry));
}

async function registerMany(records: PersonalDataBatchRegistry, fresh: Prepared[], unchanged: Prepared[]) {
  try {
    return await records.registerMany(
      fresh.map((p) => p.record),
      unchanged.map((p) => p.record),
    );
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Registered meanwhile',
      'Other registrations of the same records kept running at the same time as this batch. Nothing of this batch was registered: send it again (records already registered as sent are accepted unchanged).',
      undefined,
      { slug: 'registered-meanwhile' },
    );
  }
}

/** faultsOf's "field: message" as a problem's field error. */
function faultField(fault: string): ProblemField {
  const at = fault.indexOf(': ');
  return { field: bodyField(fault.slice(0, at)), message: fault.slice(at + 2) };
}

function meanwhile(p: Prepared): ProblemField {
  return {
    field: bodyField(`entries[${p.entry.index}].record.recordId`),
    message: `record ${p.record.recordId} of subject ${p.record.subjectId} was registered, changed or erased by someone else while this batch ran; send the entry again (a record already registered as sent is accepted unchanged)`,
  };
}
