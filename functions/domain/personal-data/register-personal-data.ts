// Registering personal data of one subject (policy §1): every record names its source and its
// purposes, and is refused unless each purpose is registered and active (APPI Art. 17, 18(1)).
// Special care-required information needs the person's consent on file or an exception of
// APPI Art. 20(2). A record whose purposes are already achieved is not kept (policy §2(4), APPI
// Art. 22). All records are written in one transaction, or none. Registration never brings back what
// a request stopped (suppression.ts), and never replaces a registered record: an identical one is
// already registered, anything else changes through its own procedure.
import type { AccessLogWriter } from '../access-log/ports';
import {
  type ConsentEvent,
  lookupKeyOf,
  type PersonalDataRecord,
  type SpecialCareBasis,
  type StoredPersonalDataRecord,
} from '../holdings';
import type { Clock, IdentifierMac, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { futureInstantFault } from '../kernel/supplied-dates';
import type { PurposeVersionReader } from '../purposes/ports';
import { type PurposeRegistry, registryOf } from '../purposes/registry';
import type { FiscalYearSettings } from '../purposes/tax-books';
import type { StaffActor } from '../staff';
import type { SystemActor } from '../systems';
import { categoryById, isSpecialCare } from './categories';
import { personalDataExpiresAt, type SubjectLifecycle } from './expiry';
import { consentOnFile, dayOf, unusablePurpose } from './grounds';
import type { ConsentReader, PersonalDataRegistry, SubjectLifecycleReader, SuppressionReader } from './ports';
import { identifierMacsOf, type Suppression, suppressedRecords } from './suppression';

export type RecordRegistration = Omit<PersonalDataRecord, 'subjectId' | 'recordId' | 'registeredBy'> & {
  recordId?: string;
};

export interface RegisterPersonalDataDeps {
  purposes: PurposeVersionReader;
  lifecycles: SubjectLifecycleReader;
  consents: ConsentReader;
  records: PersonalDataRegistry;
  suppressions: SuppressionReader;
  identifierMac: IdentifierMac;
  secrets: Pick<SecretSource, 'id'>;
  clock: Clock;
  /** The company's fiscal year, for records kept under tax law (tax-books.ts); the default when absent. */
  fiscalYear?: FiscalYearSettings;
}

export interface StaffRegistrationDeps extends RegisterPersonalDataDeps {
  accessLog: AccessLogWriter;
}

export interface RegistrationResult {
  subjectId: string;
  records: { recordId: string; category: string; expiresAt?: string }[];
}

/** A company system registers data it acquired; the signing IAM principal is recorded as registrant. */
export async function registerPersonalData(
  deps: RegisterPersonalDataDeps,
  actor: SystemActor,
  subjectId: string,
  records: RecordRegistration[],
): Promise<RegistrationResult> {
  const now = deps.clock.now();
  const stored = await prepare(deps, subjectId, records, actor.principal, now);
  const plan = await registrationPlan(deps, subjectId, stored, suppliedIds(records), now);
  await commit(deps.records, subjectId, plan);
  return result(subjectId, plan.answer);
}

/** A person at the desk registers what they took down; the write is access-logged before it is made. */
export async function registerPersonalDataByStaff(
  deps: StaffRegistrationDeps,
  actor: StaffActor,
  subjectId: string,
  records: RecordRegistration[],
): Promise<RegistrationResult> {
  const now = deps.clock.now();
  const stored = await prepare(deps, subjectId, records, `staff:${actor.staffId}`, now);
  const plan = await registrationPlan(deps, subjectId, stored, suppliedIds(records), now);
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: [subjectId],
    fields: [...new Set(stored.map((r) => r.category))],
    reason: 'registration',
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  await commit(deps.records, subjectId, plan);
  return result(subjectId, plan.answer);
}

async function prepare(
  deps: RegisterPersonalDataDeps,
  subjectId: string,
  inputs: RecordRegistration[],
  registeredBy: string,
  now: Date,
): Promise<StoredPersonalDataRecord[]> {
  const { faults, records } = await prepareRecords(deps, subjectId, inputs, registeredBy, now);
  faults.push(...repeatedIds(inputs));
  if (faults.length > 0) {
    throw new DeskProblem(
      'unprocessable',
      'Personal data not registered',
      `${faults.join('; ')}. Nothing was registered: correct ${faults.length > 1 ? 'these records' : 'the record'} and send all the records again.`,
    );
  }
  return records;
}

/** What a registration writes: the new records, the registered ones it found identical, and the answer in input order. */
export interface RegistrationPlan {
  fresh: StoredPersonalDataRecord[];
  unchanged: StoredPersonalDataRecord[];
  answer: StoredPersonalDataRecord[];
}

const suppliedIds = (inputs: RecordRegistration[]) =>
  new Set(inputs.flatMap((r) => (r.recordId === undefined ? [] : [r.recordId])));

/**
 * Sorts the prepared records against what is stored: a free recordId is a new record; a live record
 * with the same content is already registered (nothing is written, and its correction is kept); any
 * other difference is refused, and so is a record erased and awaiting its deletion. New records are
 * then held against the suppression entries of the person's identifiers.
 */
export async function registrationPlan(
  deps: Pick<RegisterPersonalDataDeps, 'records' | 'suppressions' | 'identifierMac'>,
  subjectId: string,
  records: StoredPersonalDataRecord[],
  supplied: ReadonlySet<string>,
  now: Date,
  fieldOf: (index: number) => string = (index) => `records[${index}]`,
): Promise<RegistrationPlan> {
  const ids = records.filter((r) => supplied.has(r.recordId)).map((r) => r.recordId);
  const stored = new Map(
    (ids.length > 0 ? await deps.records.storedRecords(subjectId, ids) : []).map((r) => [r.recordId, r]),
  );
  const faults: Fault[] = [];
  const plan: RegistrationPlan = { fresh: [], unchanged: [], answer: [] };
  const freshIndexes: number[] = [];
  for (const [index, record] of records.entries()) {
    const existing = stored.get(record.recordId);
    const fault = existing ? differenceFault(existing, record, fieldOf(index), now) : undefined;
    if (fault) faults.push(fault);
    else if (existing) {
      plan.unchanged.push(existing);
      plan.answer.push(existing);
    } else {
      plan.fresh.push(record);
      plan.answer.push(record);
      freshIndexes.push(index);
    }
  }
  if (faults.length > 0) throw registrationConflict(faults);
  await refuseSuppressed(deps, records, freshIndexes, now, fieldOf);
  return plan;
}

/**
 * Refuses, with 409 naming the earlier request, new records an erasure, a cessation of use or a
 * correction of the same person stopped. Every identifier the records carry is looked up: the records
 * are one person's, so an entry under any of them concerns every record.
 */
export async function refuseSuppressed(
  deps: Pick<RegisterPersonalDataDeps, 'suppressions' | 'identifierMac'>,
  records: StoredPersonalDataRecord[],
  freshIndexes: number[],
  now: Date,
  fieldOf: (index: number) => string,
): Promise<void> {
  if (freshIndexes.length === 0) return;
  const macs = await identifierMacsOf(deps.identifierMac, records);
  const suppressions = await deps.suppressions.suppressionsOf(macs, now);
  const fresh = freshIndexes.map((i) => records[i]!);
  const refused = await suppressedRecords(deps.identifierMac, suppressions, fresh);
  if (refused.length === 0) return;
  throw registrationConflict(
    refused.map(({ index, suppression }) => suppressedFault(suppression, fresh[index]!, fieldOf(freshIndexes[index]!))),
  );
}

type FaultKind = 'suppressed-by-request' | 'record-erased' | 'record-differs' | 'purposes-added';

export interface Fault {
  kind: FaultKind;
  field: string;
  message: string;
  suppression?: Suppression;
}

export const FAULT_TITLES: Record<FaultKind, string> = {
  'suppressed-by-request': 'Stopped at the person’s request',
  'record-erased': 'Record erased',
  'record-differs': 'Record already registered',
  'purposes-added': 'Purposes not added by registration',
};

function registrationConflict(faults: Fault[]): DeskProblem {
  const first = faults[0]!;
  const stoppedBy = faults.find((f) => f.suppression)?.suppression;
  return new DeskProblem(
    'conflict',
    FAULT_TITLES[first.kind],
    `${faults.map((f) => `${f.field}: ${f.message}`).join('; ')}. Nothing was registered.`,
    faults.map((f) => ({ field: `body.${f.field.replace(/\[(\d+)\]/g, '.$1')}`, message: f.message })),
    {
      slug: first.kind,
      ...(stoppedBy ? { extensions: { requestId: stoppedBy.requestId, decidedAt: stoppedBy.at } } : {}),
    },
  );
}

export function suppressedFault(s: Suppression, record: StoredPersonalDataRecord, field: string): Fault {
  const by = `request ${s.requestId} of ${dayOf(s.at)}`;
  const message =
    s.measure === 'erase'
      ? `the person's data was erased at their request (${by}), so none of it may be registered again (APPI Art. 35(1),(5))`
      : s.measure === 'cease-use'
        ? `the use of the person's data for ${ceased(s, record)} was stopped at their request (${by}), so it may not be registered for that purpose again (APPI Art. 35(1),(5)); a record for another purpose may be registered`
        : `this record or its content was deleted or replaced by a correction at the person's request (${by}) because it was not true (APPI Art. 34); register the true content, or have the desk correct the record`;
  return { kind: 'suppressed-by-request', field, message, suppression: s };
}

const ceased = (s: Suppression, record: StoredPersonalDataRecord) =>
  s.purposes === 'all' ? 'every purpose' : record.purposes.filter((p) => s.purposes.includes(p)).join(', ');

/** Why a prepared record may not stand in for the stored one with its id, or undefined when they are the same. */
export function differenceFault(
  stored: StoredPersonalDataRecord,
  record: StoredPersonalDataRecord,
  field: string,
  now: Date,
): Fault | undefined {
  const id = `record ${record.recordId}`;
  if (
    stored.erasureReason !== undefined ||
    (stored.expiresAt !== undefined && stored.expiresAt <= now.getTime() / 1000)
  ) {
    const why =
      stored.erasureReason === 'request'
        ? 'was deleted at the person’s request'
        : stored.erasureReason === 'purpose-retired'
          ? 'was erased when its purpose was retired'
          : 'is past the end of its retention (its purposes were achieved)';
    return {
      kind: 'record-erased',
      field: `${field}.recordId`,
      message: `${id} ${why} and awaits deletion; an erased record cannot be registered again (policy §2(4), APPI Art. 22)`,
    };
  }
  if (stored.category !== record.category || stored.value !== record.value) {
    return {
      kind: 'record-differs',
      field: `${field}.value`,
      message: `${id} is already registered with ${stored.category !== record.category ? 'another category' : 'another value'}; registration never replaces a record: a change of its content goes through a correction (APPI Art. 34), or register the new data as a new record`,
    };
  }
  const added = record.purposes.filter((p) => !stored.purposes.includes(p));
  if (added.length > 0) {
    return {
      kind: 'purposes-added',
      field: `${field}.purposes`,
      message: `${id} is registered for ${stored.purposes.join(', ')}; registration does not add ${added.join(', ')}: using the data for another purpose needs the person's consent or an exception (policy §2(2), APPI Art. 18), or a change of the purpose of use in the purpose registry, reasonably relevant to the former purpose and made known to the people (policy §2(3), APPI Art. 17(2), 21(3)); data acquired again for a new purpose is registered as a new record`,
    };
  }
  const same =
    stored.source === record.source &&
    stored.sourceDetail === record.sourceDetail &&
    stored.acquiredAt === record.acquiredAt &&
    JSON.stringify(stored.basis) === JSON.stringify(record.basis) &&
    stored.purposes.length === record.purposes.length;
  if (same) return undefined;
  return {
    kind: 'record-differs',
    field,
    message: `${id} is already registered with another source, acquisition time, basis or fewer purposes; registration never replaces a record: register data acquired again as a new record`,
  };
}

async function commit(records: PersonalDataRegistry, subjectId: string, plan: RegistrationPlan): Promise<void> {
  try {
    await records.register(plan.fresh, plan.unchanged);
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Registered meanwhile',
      `A record of subject ${subjectId} with one of these ids was registered, changed or erased by someone else while this registration ran. Nothing was registered: send the records again (records already registered as sent are accepted unchanged).`,
      undefined,
      { slug: 'registered-meanwhile' },
    );
  }
}

export type RecordPreparationDeps = Pick<
  RegisterPersonalDataDeps,
  'purposes' | 'lifecycles' | 'consents' | 'secrets' | 'fiscalYear'
>;

/**
 * The records as they would be stored (ids, lookupKey, expiresAt), or what is wrong with them, each
 * fault naming its field (`fieldOf(index)`); records are built only when there is no fault.
 */
export async function prepareRecords(
  deps: RecordPreparationDeps,
  subjectId: string,
  inputs: RecordRegistration[],
  registeredBy: string,
  now: Date,
  fieldOf: (index: number) => string = (index) => `records[${index}]`,
): Promise<{ faults: string[]; records: StoredPersonalDataRecord[] }> {
  const citesConsent = inputs.some((r) => r.basis?.kind === 'consent');
  const [versions, lifecycle, consents] = await Promise.all([
    deps.purposes.versions(),
    deps.lifecycles.get(subjectId),
    citesConsent ? deps.consents.consentsOf(subjectId, now) : Promise.resolve([]),
  ]);
  const context: Context = { registry: registryOf(versions), lifecycle, consents, now, fiscalYear: deps.fiscalYear };
  const faults = inputs.flatMap((input, index) => faultsOf(input, fieldOf(index), context));
  if (faults.length > 0) return { faults, records: [] };
  return {
    faults,
    records: inputs.map((input) => storedRecordOf(deps.secrets, subjectId, input, registeredBy, context)),
  };
}

/** The record as it would be stored (id, lookupKey, expiresAt); `input` has no fault in `context`. */
export function storedRecordOf(
  secrets: Pick<SecretSource, 'id'>,
  subjectId: string,
  input: RecordRegistration,
  registeredBy: string,
  context: Context,
): StoredPersonalDataRecord {
  const record: PersonalDataRecord = {
    subjectId,
    recordId: input.recordId ?? newRecordId(secrets, context.now),
    category: input.category,
    value: input.value,
    source: input.source,
    ...(input.sourceDetail !== undefined ? { sourceDetail: input.sourceDetail } : {}),
    purposes: [...new Set(input.purposes)],
    acquiredAt: input.acquiredAt,
    ...(input.basis ? { basis: input.basis } : {}),
    registeredBy,
  };
  const expiresAt = personalDataExpiresAt(record, context.registry, context.lifecycle, context.fiscalYear);
  return { ...record, lookupKey: lookupKeyOf(record), ...(expiresAt !== undefined ? { expiresAt } : {}) };
}

/** What a record is checked against: the registry, its subject's lifecycle and consents, the time. */
export interface Context {
  registry: PurposeRegistry;
  lifecycle: SubjectLifecycle | undefined;
  consents: ConsentEvent[];
  now: Date;
  fiscalYear: FiscalYearSettings | undefined;
}

/** What is wrong with one record, each naming its field; empty when it may be registered. */
export function faultsOf(input: RecordRegistration, field: string, context: Context): string[] {
  const purposeFaults = input.purposes.flatMap((id) => {
    const why = unusablePurpose(context.registry, id);
    return why ? [`${field}.purposes: ${why}`] : [];
  });
  const faults = [...purposeFaults, ...basisFaults(input.category, input.basis, field, context.consents)];
  // Retention counts from acquiredAt: one in the future would keep the data past its purposes.
  const future = futureInstantFault(input.acquiredAt, context.now);
  if (future) return [...faults, `${field}.acquiredAt: ${future}`];
  if (purposeFaults.length > 0) return faults;
  const expiresAt = personalDataExpiresAt(input, context.registry, context.lifecycle, context.fiscalYear);
  if (expiresAt !== undefined && expiresAt <= Math.floor(context.now.getTime() / 1000)) {
    faults.push(
      `${field}: its purposes were achieved on ${dayOf(expiresAt * 1000)}, so the data must not be kept (policy §2(4), APPI Art. 22)`,
    );
  }
  return faults;
}

function basisFaults(
  category: string,
  basis: SpecialCareBasis | undefined,
  field: string,
  consents: ConsentEvent[],
): string[] {
  if (!isSpecialCare(category)) {
    // A basis on ordinary data would suggest a consent or an exception was needed and checked.
    return basis
      ? [`${field}.basis: "${category}" is not special care-required information and takes no basis; remove it`]
      : [];
  }
  if (!basis) {
    const name = categoryById(category)?.en.toLowerCase() ?? category;
    return [
      `${field}.basis: "${category}" (${name}) is special care-required information (APPI Art. 2(3)); it may be acquired only with the person's consent or under an exception of APPI Art. 20(2): cite a consent on file or the exception with its justification`,
    ];
  }
  if (basis.kind === 'consent') {
    const standing = consentOnFile(consents, basis.consentId);
    if (!standing.inForce)
      return [`${field}.basis.consentId: ${standing.why}; record the person's consent first (APPI Art. 20(2))`];
  }
  return [];
}

function repeatedIds(inputs: RecordRegistration[]): string[] {
  const seen = new Set<string>();
  const faults: string[] = [];
  inputs.forEach((input, index) => {
    if (input.recordId === undefined) return;
    if (seen.has(input.recordId))
      faults.push(
        `records[${index}].recordId: "${input.recordId}" is given to an earlier record too; each record needs its own id`,
      );
    seen.add(input.recordId);
  });
  return faults;
}

/** rec-<instant>-<random>: ids of one subject sort by registration time. */
function newRecordId(secrets: Pick<SecretSource, 'id'>, now: Date): string {
  return `rec-${now.toISOString().replace(/[-:.]/g, '')}-${secrets.id()}`;
}

function result(subjectId: string, stored: StoredPersonalDataRecord[]): RegistrationResult {
  return {
    subjectId,
    records: stored.map((r) => ({
      recordId: r.recordId,
      category: r.category,
      ...(r.expiresAt !== undefined ? { expiresAt: new Date(r.expiresAt * 1000).toISOString() } : {}),
    })),
  };
}
