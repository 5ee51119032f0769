// GET /v1/staff/subjects/{subjectId}: what the desk holds under one subject id and is not past its
// expiry, for a member of staff who names why they read it. The read is access-logged before
// anything is shown. Individual Numbers are not part of it: only the officer's My Number route
// reads them. The incidents that involved the subject's data (APPI Art. 26) are listed with the notice
// given to this person.

import type { AccessLogWriter } from '../access-log/ports';
import type { ConsentEvent, ProvisionRecord, SpecialCareBasis, StoredPersonalDataRecord } from '../holdings';
import { incidentsInvolving, type PersonIncident } from '../incidents/involving';
import type { IncidentReader } from '../incidents/ports';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { cessationOf } from '../provisions/provision-cessation';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import { isLinkedAccessInformation, isSpecialCare } from './categories';
import type { SubjectLifecycle } from './expiry';
import type { SubjectLifecycleReader } from './ports';
import { accessLogReason, type ReadReason, type ReadReasonDeps } from './read-reason';

type Expiring<T> = T & { expiresAt?: number };

/** Everything held under one subject id that is not past its expiresAt, with that expiry. */
export interface SubjectHoldings {
  records: StoredPersonalDataRecord[];
  consents: Array<Expiring<ConsentEvent>>;
  provisionRecords: Array<Expiring<ProvisionRecord>>;
}

export interface SubjectHoldingsReader {
  heldUnder(subjectId: string, now: Date): Promise<SubjectHoldings>;
}

export interface ViewSubjectDeps {
  purposes: PurposeVersionReader;
  requests: ReadReasonDeps['requests'];
  subjects: ReadReasonDeps['subjects'];
  holdings: SubjectHoldingsReader;
  lifecycles: SubjectLifecycleReader;
  /** The incident register: the incidents linked to this subject, with their notices. */
  incidents: Pick<IncidentReader, 'get' | 'incidentsOf'>;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface RecordView {
  recordId: string;
  category: string;
  value: string;
  source: string;
  sourceDetail?: string;
  purposes: string[];
  acquiredAt: string;
  /** Access information (cookies, web beacons, advertising identifiers) linked to this person (policy §1). */
  linkedAccessInformation: boolean;
  /** Special care-required information (APPI Art. 2(3)); `basis` says what it was acquired under. */
  specialCare: boolean;
  basis?: SpecialCareBasis;
  expiresAt?: string;
  registeredBy?: string;
}

export interface SubjectView {
  subjectId: string;
  lifecycle: Omit<SubjectLifecycle, 'subjectId'>;
  records: RecordView[];
  consents: Array<Omit<ConsentEvent, 'subjectId'> & { expiresAt?: string }>;
  provisionRecords: Array<Omit<ProvisionRecord, 'subjectId'> & { expiresAt?: string }>;
  /** Leaks, losses or damage that involved this subject's data, newest first, with the notice this person was given. */
  incidents: PersonIncident[];
}

const expiry = (expiresAt: number | undefined) =>
  expiresAt === undefined ? {} : { expiresAt: new Date(expiresAt * 1000).toISOString() };

function recordView(r: StoredPersonalDataRecord): RecordView {
  return {
    recordId: r.recordId,
    category: r.category,
    value: r.value,
    source: r.source,
    ...(r.sourceDetail ? { sourceDetail: r.sourceDetail } : {}),
    purposes: r.purposes,
    acquiredAt: r.acquiredAt,
    linkedAccessInformation: isLinkedAccessInformation(r.category),
    specialCare: isSpecialCare(r.category),
    ...(r.basis ? { basis: r.basis } : {}),
    ...expiry(r.expiresAt),
    ...(r.registeredBy ? { registeredBy: r.registeredBy } : {}),
  };
}

function lifecycleView(lifecycle: SubjectLifecycle | undefined): SubjectView['lifecycle'] {
  if (!lifecycle) return {};
  const { contractEndedAt, lastActivityAt, cessationOfUse, cessationOfProvisionLifts } = lifecycle;
  const cessationOfProvision = cessationOf(lifecycle.cessationOfProvision);
  return {
    ...(contractEndedAt ? { contractEndedAt } : {}),
    ...(lastActivityAt ? { lastActivityAt } : {}),
    ...(cessationOfUse ? { cessationOfUse } : {}),
    ...(cessationOfProvision ? { cessationOfProvision } : {}),
    ...(cessationOfProvisionLifts?.length ? { cessationOfProvisionLifts } : {}),
  };
}

export async function viewSubject(
  deps: ViewSubjectDeps,
  actor: StaffActor,
  subjectId: string,
  reason: ReadReason,
): Promise<SubjectView> {
  const why = await accessLogReason(reason, [subjectId], deps);
  const now = deps.clock.now();
  const [held, lifecycle, incidents] = await Promise.all([
    deps.holdings.heldUnder(subjectId, now),
    deps.lifecycles.get(subjectId),
    incidentsInvolving(deps.incidents, [subjectId], { withDrafts: true }),
  ]);
  if (held.records.length === 0 && held.consents.length === 0 && held.provisionRecords.length === 0) {
    throw new DeskProblem(
      'not-found',
      'Nothing held',
      `The desk holds nothing under subject ${subjectId}: the id is unknown, or everything held under it has passed its expiry and is erased. Search by e-mail address or customer number to find the subject's id.`,
      undefined,
      { slug: 'nothing-held' },
    );
  }
  const records = held.records.map(recordView);
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: [subjectId],
    fields: [
      ...[...new Set(records.map((r) => r.category))].sort(),
      ...(held.consents.length > 0 ? ['consents'] : []),
      ...(held.provisionRecords.length > 0 ? ['provision-records'] : []),
      ...(incidents.length > 0 ? ['incidents'] : []),
    ],
    reason: why,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  return {
    subjectId,
    lifecycle: lifecycleView(lifecycle),
    records,
    consents: held.consents.map(({ subjectId: _subjectId, expiresAt, ...event }) => ({
      ...event,
      ...expiry(expiresAt),
    })),
    provisionRecords: held.provisionRecords.map(({ subjectId: _subjectId, expiresAt, ...record }) => ({
      ...record,
      ...expiry(expiresAt),
    })),
    incidents,
  };
}
