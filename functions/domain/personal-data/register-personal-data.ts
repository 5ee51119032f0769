// Registering personal data of one subject (policy §1): every record names its source and its
// purposes, and is refused unless each purpose is registered and active (APPI Art. 17, 18(1)).
// Special care-required information needs the person's consent on file or an exception of
// APPI Art. 20(2). A record whose purposes are already achieved is not kept (policy §2(4), APPI
// Art. 22). All records are written in one transaction, or none.
import type { AccessLogWriter } from '../access-log/ports';
import {
  type ConsentEvent,
  lookupKeyOf,
  type PersonalDataRecord,
  type SpecialCareBasis,
  type StoredPersonalDataRecord,
} from '../holdings';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { futureInstantFault } from '../kernel/supplied-dates';
import type { PurposeVersionReader } from '../purposes/ports';
import { type PurposeRegistry, registryOf } from '../purposes/registry';
import type { StaffActor } from '../staff';
import type { SystemActor } from '../systems';
import { categoryById, isSpecialCare } from './categories';
import { personalDataExpiresAt, type SubjectLifecycle } from './expiry';
import { consentOnFile, dayOf, unusablePurpose } from './grounds';
import type { ConsentReader, PersonalDataRegistry, SubjectLifecycleReader } from './ports';

export type RecordRegistration = Omit<PersonalDataRecord, 'subjectId' | 'recordId' | 'registeredBy'> & {
  recordId?: string;
};

export interface RegisterPersonalDataDeps {
  purposes: PurposeVersionReader;
  lifecycles: SubjectLifecycleReader;
  consents: ConsentReader;
  records: PersonalDataRegistry;
  secrets: Pick<SecretSource, 'id'>;
  clock: Clock;
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
  await deps.records.register(stored);
  return result(subjectId, stored);
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
  await deps.records.register(stored);
  return result(subjectId, stored);
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

export type RecordPreparationDeps = Pick<RegisterPersonalDataDeps, 'purposes' | 'lifecycles' | 'consents' | 'secrets'>;

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
  const context: Context = { registry: registryOf(versions), lifecycle, consents, now };
  const faults = inputs.flatMap((input, index) => faultsOf(input, fieldOf(index), context));
  if (faults.length > 0) return { faults, records: [] };
  const records = inputs.map((input) => {
    const record: PersonalDataRecord = {
      subjectId,
      recordId: input.recordId ?? newRecordId(deps.secrets, now),
      category: input.category,
      value: input.value,
      source: input.source,
      ...(input.sourceDetail !== undefined ? { sourceDetail: input.sourceDetail } : {}),
      purposes: [...new Set(input.purposes)],
      acquiredAt: input.acquiredAt,
      ...(input.basis ? { basis: input.basis } : {}),
      registeredBy,
    };
    const expiresAt = personalDataExpiresAt(record, context.registry, lifecycle);
    return { ...record, lookupKey: lookupKeyOf(record), ...(expiresAt !== undefined ? { expiresAt } : {}) };
  });
  return { faults, records };
}

interface Context {
  registry: PurposeRegistry;
  lifecycle: SubjectLifecycle | undefined;
  consents: ConsentEvent[];
  now: Date;
}

/** What is wrong with one record, each naming its field; empty when it may be registered. */
function faultsOf(input: RecordRegistration, field: string, context: Context): string[] {
  const purposeFaults = input.purposes.flatMap((id) => {
    const why = unusablePurpose(context.registry, id);
    return why ? [`${field}.purposes: ${why}`] : [];
  });
  const faults = [...purposeFaults, ...basisFaults(input.category, input.basis, field, context.consents)];
  // Retention counts from acquiredAt: one in the future would keep the data past its purposes.
  const future = futureInstantFault(input.acquiredAt, context.now);
  if (future) return [...faults, `${field}.acquiredAt: ${future}`];
  if (purposeFaults.length > 0) return faults;
  const expiresAt = personalDataExpiresAt(input, context.registry, context.lifecycle);
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
