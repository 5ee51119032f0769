// The incident register (APPI Art. 26): an operator or the officer opens a draft of a leak, loss or
// damage of personal data; the officer takes it on, keeps it (every change a new version with who,
// when and why), links the registry subjects whose data was involved, may override the desk's
// reportability answer with a written reason, and closes it. Every version carries the desk's answer
// and the report deadlines for the facts as they then stood. Every read and write by staff is
// access-logged once (policy §6(1)).

import type { AccessLogWriter } from '../access-log/ports';
import type { DeskHours } from '../company';
import { japanDay } from '../kernel/calendar';
import { HOLIDAY_TABLE_YEARS } from '../kernel/japanese-holidays';
import type { Clock } from '../kernel/ports';
import { DeskProblem, type ProblemField, StaleWriteError } from '../kernel/problems';
import { refuseFutureDates } from '../kernel/supplied-dates';
import { isSpecialCare } from '../personal-data/categories';
import type { StaffActor } from '../staff';
import { reportDeadlines } from './deadlines';
import type {
  Incident,
  IncidentFactors,
  IncidentKind,
  IncidentSubject,
  PersonsInvolved,
  Reportability,
} from './incident';
import { INCIDENT_LINKS_PER_CALL } from './limits';
import type { IncidentReader, IncidentStore } from './ports';
import { actsAsReportable, assessReportability } from './reportability';

/**
 * Which subject ids the registry holds anything live under (the persons an incident may be linked to),
 * each with the categories of its live records (the data an incident may have involved).
 */
export interface RegisteredSubjects {
  registered(subjectIds: readonly string[], now: Date): Promise<ReadonlyMap<string, readonly string[]>>;
}

/** What staff say about an incident; the rest (reportability, deadlines, linked count) the desk works out. */
export interface IncidentDetails {
  kinds: IncidentKind[];
  awareAt: string;
  awareHow: string;
  occurredAt?: string | undefined;
  summary: string;
  categories: string[];
  dataItems: string[];
  persons: { estimated?: number | undefined; confirmed?: number | undefined };
  factors: IncidentFactors;
  cause: string;
  secondaryDamage: string;
  measuresTaken: string;
  publication: string;
  recurrencePrevention: string;
  other: string;
}

/** An incident as staff see it: with the answer the desk acts on. */
export interface IncidentView extends Incident {
  /** The officer's override where there is one, else the desk's own answer. */
  reportable: boolean;
}

export interface IncidentDossier {
  incident: IncidentView;
  versions: Incident[];
  subjects: IncidentSubject[];
}

export interface IncidentDeps {
  incidents: IncidentStore;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface IncidentWriteDeps extends IncidentDeps {
  /** The desk's policy for the preliminary report (deadlines.ts, set per deployment). */
  preliminaryDeskDays: number;
  /** The desk's hours, on which the preliminary report's desk days count (the company's configuration). */
  deskHours: DeskHours;
  /** The random part of a new incident id (tests fix it). */
  randomSuffix?: () => string;
}

export interface IncidentLinkDeps extends IncidentWriteDeps {
  registry: RegisteredSubjects;
}

/** Crockford's base-32 without I, L, O, U: read aloud or typed into the PPC's form without mistakes. */
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ID_SUFFIX_LENGTH = 6;
/** Tries at a fresh id when one is taken (1 in 32^6 per day: never, in practice). */
const ID_ATTEMPTS = 3;

function randomSuffix(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(ID_SUFFIX_LENGTH));
  return [...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** INC-<Japan day opened>-<random>: the day tells staff which incident it is, the random part makes it unique. */
export const incidentIdFor = (now: Date, suffix: string) => `INC-${japanDay(now)}-${suffix}`;

export const viewOf = (incident: Incident): IncidentView => ({
  ...incident,
  reportable: actsAsReportable(incident.reportability),
});

const unprocessable = (title: string, errors: ProblemField[]) =>
  new DeskProblem(
    'unprocessable',
    title,
    `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')} Nothing was stored.`,
    errors,
  );

async function logAccess(
  deps: IncidentDeps,
  actor: StaffActor,
  action: 'read' | 'write',
  reason: string,
  subjects: readonly string[] = [],
  /** The incident read or written, so its timeline can be read back from the log. */
  about?: Pick<Incident, 'incidentId' | 'version'>,
) {
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action,
    subjects: [...subjects],
    fields: ['incidents'],
    reason,
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
    ...(about ? { incidentId: about.incidentId, incidentVersion: about.version } : {}),
  });
}

/**
 * Counts that contradict each other or the linked subjects (422 naming the field): the confirmed
 * persons are at least the subjects linked, an estimate is at least what is confirmed (or linked).
 */
function personsFaults(persons: PersonsInvolved): ProblemField[] {
  const { estimated, confirmed, linked } = persons;
  const faults: ProblemField[] = [];
  if (confirmed !== undefined && confirmed < linked)
    faults.push({
      field: 'body.persons.confirmed',
      message: `${linked} registry subjects are linked to the incident, so at least ${linked} persons are confirmed; give ${linked} or more.`,
    });
  if (estimated !== undefined && confirmed !== undefined && estimated < confirmed)
    faults.push({
      field: 'body.persons.estimated',
      message: `an estimate cannot be below the ${confirmed} persons confirmed; give ${confirmed} or more, or leave the estimate out.`,
    });
  else if (estimated !== undefined && confirmed === undefined && estimated < linked)
    faults.push({
      field: 'body.persons.estimated',
      message: `${linked} registry subjects are linked to the incident; an estimate cannot be below them.`,
    });
  return faults;
}

function checkDetails(details: IncidentDetails, linked: number, now: Date, title: string) {
  refuseFutureDates(
    title,
    [
      { field: 'body.awareAt', instant: details.awareAt },
      { field: 'body.occurredAt', instant: details.occurredAt },
    ],
    now,
  );
  const faults: ProblemField[] = [];
  // The deadlines are counted on the desk's calendar, whose holiday table starts in a given year.
  const earliest = `${HOLIDAY_TABLE_YEARS.first}-01-01`;
  if (japanDay(new Date(details.awareAt)) < earliest)
    faults.push({
      field: 'body.awareAt',
      message: `the desk counts report deadlines on its calendar from ${earliest} (Japan time); an incident the company became aware of before then is past both report deadlines and is kept outside the desk.`,
    });
  if (details.occurredAt !== undefined && Date.parse(details.occurredAt) > Date.parse(details.awareAt))
    faults.push({
      field: 'body.occurredAt',
      message: `it happened before the company could become aware of it (${details.awareAt}); give the time it happened, or leave it out if it is not known.`,
    });
  const specialCare = details.categories.filter(isSpecialCare);
  if (specialCare.length > 0 && !details.factors.specialCareRequired)
    faults.push({
      field: 'body.factors.specialCareRequired',
      message: `the categories involved include special care-required information (${specialCare.join(', ')}); say so, since it makes the incident reportable (Rules Art. 7(i)).`,
    });
  faults.push(...personsFaults({ ...details.persons, linked }));
  if (faults.length > 0) throw unprocessable(title, faults);
}

const factorsOf = (f: IncidentFactors): IncidentFactors => ({
  specialCareRequired: f.specialCareRequired,
  financialLoss: f.financialLoss,
  wrongfulPurpose: f.wrongfulPurpose,
  individualNumbers: f.individualNumbers,
  publiclyViewable: f.publiclyViewable,
  advancedEncryption: f.advancedEncryption,
  ...(f.myNumberSystem !== undefined ? { myNumberSystem: f.myNumberSystem } : {}),
});

function facts(details: IncidentDetails, linked: number) {
  return {
    kinds: [...new Set(details.kinds)],
    awareAt: new Date(details.awareAt).toISOString(),
    awareHow: details.awareHow,
    ...(details.occurredAt !== undefined ? { occurredAt: new Date(details.occurredAt).toISOString() } : {}),
    summary: details.summary,
    categories: [...new Set(details.categories)],
    dataItems: [...new Set(details.dataItems)],
    persons: {
      ...(details.persons.estimated !== undefined ? { estimated: details.persons.estimated } : {}),
      ...(details.persons.confirmed !== undefined ? { confirmed: details.persons.confirmed } : {}),
      linked,
    },
    factors: factorsOf(details.factors),
    cause: details.cause,
    secondaryDamage: details.secondaryDamage,
    measuresTaken: details.measuresTaken,
    publication: details.publication,
    recurrencePrevention: details.recurrencePrevention,
    other: details.other,
  };
}

/**
 * The desk's answer for the facts now. The officer's override stays while the desk's own answer is
 * the one it overrode; when new facts change that answer, the override lapses (it answered a question
 * that is no longer asked) and the officer decides again.
 */
function reassess(before: Reportability | undefined, next: Pick<Incident, 'factors' | 'persons'>, now: Date) {
  const reportability = assessReportability(next.factors, next.persons, now);
  if (before?.override && before.reportable === reportability.reportable)
    return { ...reportability, override: before.override };
  return reportability;
}

/** Everything a version carries besides the facts: the answer and the deadlines for them, and the reports so far. */
function assessed(
  deps: IncidentWriteDeps,
  before: Incident | undefined,
  next: Pick<Incident, 'factors' | 'persons' | 'awareAt'>,
  now: Date,
) {
  return {
    reportability: reassess(before?.reportability, next, now),
    deadlines: reportDeadlines(new Date(next.awareAt), next.factors, deps.preliminaryDeskDays, deps.deskHours),
  };
}

/** POST /v1/staff/incidents: a draft, version 1; the officer takes it on. */
export async function openIncident(
  deps: IncidentWriteDeps,
  actor: StaffActor,
  details: IncidentDetails,
  origin: { fromAlert?: string } = {},
): Promise<IncidentView> {
  const now = deps.clock.now();
  checkDetails(details, 0, now, 'Incident not opened');
  const known = facts(details, 0);
  const draft = {
    version: 1,
    state: 'draft' as const,
    ...known,
    ...(origin.fromAlert ? { fromAlert: origin.fromAlert } : {}),
    ...assessed(deps, undefined, known, now),
    reports: {},
    createdAt: now.toISOString(),
    createdBy: actor.staffId,
  };
  for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
    const incident: Incident = { incidentId: incidentIdFor(now, (deps.randomSuffix ?? randomSuffix)()), ...draft };
    await logAccess(deps, actor, 'write', `incident ${incident.incidentId}: opened`, [], incident);
    if (await deps.incidents.add(incident, [])) return viewOf(incident);
  }
  throw new Error(`No free incident id after ${ID_ATTEMPTS} attempts`);
}

/** The incident's current version, or 404 naming the id. */
export async function currentIncident(incidents: IncidentReader, incidentId: string): Promise<Incident> {
  const incident = await incidents.get(incidentId);
  if (!incident)
    throw new DeskProblem(
      'not-found',
      'No such incident',
      `incidentId: "${incidentId}" is not in the incident register.`,
    );
  return incident;
}

const stale = (incidentId: string) =>
  new DeskProblem(
    'conflict',
    'Incident changed meanwhile',
    `"${incidentId}" was changed by someone else since you opened it; open it again and redo your change.`,
    undefined,
    { slug: 'incident-changed-meanwhile' },
  );

function checkWritable(incident: Incident, version: number) {
  if (incident.state === 'closed')
    throw new DeskProblem(
      'conflict',
      'Incident closed',
      `"${incident.incidentId}" was closed on ${incident.closedAt?.slice(0, 10)}; a closed incident is kept as it was.`,
      undefined,
      { slug: 'incident-closed' },
    );
  if (incident.version !== version) throw stale(incident.incidentId);
}

/** The next version: who made it, when and why; the rest as given. */
function nextVersion(before: Incident, actor: StaffActor, now: Date, reason: string): Incident {
  const { changedAt: _a, changedBy: _b, changeReason: _c, ...kept } = before;
  return {
    ...kept,
    version: before.version + 1,
    changedAt: now.toISOString(),
    changedBy: actor.staffId,
    changeReason: reason,
  };
}

async function store(deps: IncidentDeps, incident: Incident, link: IncidentSubject[] = []) {
  try {
    await deps.incidents.replace(incident, link);
  } catch (error) {
    if (error instanceof StaleWriteError) throw stale(incident.incidentId);
    throw error;
  }
}

/** POST /v1/staff/incidents/{incidentId}/registration: the officer takes a draft on; it is open. */
export async function registerIncident(
  deps: IncidentWriteDeps,
  actor: StaffActor,
  incidentId: string,
  input: { version: number },
): Promise<IncidentView> {
  const now = deps.clock.now();
  const before = await currentIncident(deps.incidents, incidentId);
  checkWritable(before, input.version);
  if (before.state !== 'draft')
    throw new DeskProblem(
      'conflict',
      'Incident registered already',
      `"${incidentId}" is registered and open already; change it if more is known.`,
      undefined,
      { slug: 'incident-registered-already' },
    );
  const incident: Incident = {
    ...nextVersion(before, actor, now, 'Registered: the officer took the draft on.'),
    state: 'open',
    ...assessed(deps, before, before, now),
  };
  await logAccess(
    deps,
    actor,
    'write',
    `incident ${incidentId}: registered (version ${incident.version})`,
    [],
    incident,
  );
  await store(deps, incident);
  return viewOf(incident);
}

/** PUT /v1/staff/incidents/{incidentId}: the incident as it now stands, a new version with the reason. */
export async function changeIncident(
  deps: IncidentWriteDeps,
  actor: StaffActor,
  incidentId: string,
  change: IncidentDetails & { version: number; reason: string },
): Promise<IncidentView> {
  const now = deps.clock.now();
  const before = await currentIncident(deps.incidents, incidentId);
  checkWritable(before, change.version);
  checkDetails(change, before.persons.linked, now, 'Incident not changed');
  const known = facts(change, before.persons.linked);
  const { occurredAt: _occurredAt, ...withoutOccurred } = nextVersion(before, actor, now, change.reason);
  const incident: Incident = { ...withoutOccurred, ...known, ...assessed(deps, before, known, now) };
  await logAccess(deps, actor, 'write', `incident ${incidentId}: version ${incident.version}`, [], incident);
  await store(deps, incident);
  return viewOf(incident);
}

/** POST /v1/staff/incidents/{incidentId}/subjects: registry subjects whose data was involved. */
export async function linkIncidentSubjects(
  deps: IncidentLinkDeps,
  actor: StaffActor,
  incidentId: string,
  input: { version: number; subjectIds: string[] },
): Promise<IncidentDossier> {
  const now = deps.clock.now();
  const title = 'Subjects not linked';
  const before = await currentIncident(deps.incidents, incidentId);
  checkWritable(before, input.version);
  const asked = [...new Set(input.subjectIds)];
  if (asked.length > INCIDENT_LINKS_PER_CALL)
    throw unprocessable(title, [
      {
        field: 'body.subjectIds',
        message: `${asked.length} subjects are more than one change can link (${INCIDENT_LINKS_PER_CALL}); link them in parts of ${INCIDENT_LINKS_PER_CALL} or fewer.`,
      },
    ]);
  const linkedBefore = new Set((await deps.incidents.subjects(incidentId)).map((s) => s.subjectId));
  const already = asked.filter((s) => linkedBefore.has(s));
  if (already.length > 0)
    throw unprocessable(title, [
      { field: 'body.subjectIds', message: `already linked to this incident: ${already.join(', ')}.` },
    ]);
  const registered = await deps.registry.registered(asked, now);
  const unknown = asked.filter((s) => !registered.has(s));
  if (unknown.length > 0)
    throw unprocessable(title, [
      {
        field: 'body.subjectIds',
        message: `the registry holds nothing under ${unknown.join(', ')}; search the registry by e-mail address or customer number for the subject's id.`,
      },
    ]);
  const linked = before.persons.linked + asked.length;
  const { confirmed, estimated } = before.persons;
  if (confirmed !== undefined && linked > confirmed)
    throw unprocessable(title, [
      {
        field: 'body.subjectIds',
        message: `${linked} subjects would be linked, more than the ${confirmed} persons confirmed; change the incident's confirmed count (persons.confirmed) first.`,
      },
    ]);
  if (confirmed === undefined && estimated !== undefined && linked > estimated)
    throw unprocessable(title, [
      {
        field: 'body.subjectIds',
        message: `${linked} subjects would be linked, more than the ${estimated} persons estimated; change the incident's estimate (persons.estimated) first.`,
      },
    ]);
  const persons = { ...before.persons, linked };
  const incident: Incident = {
    ...nextVersion(before, actor, now, `Linked ${asked.length} registry subject${asked.length === 1 ? '' : 's'}.`),
    persons,
    ...assessed(deps, before, { ...before, persons }, now),
  };
  const links: IncidentSubject[] = asked.map((subjectId) => ({
    incidentId,
    subjectId,
    linkedAt: now.toISOString(),
    linkedBy: actor.staffId,
  }));
  await logAccess(
    deps,
    actor,
    'write',
    `incident ${incidentId}: linked subjects (version ${incident.version})`,
    asked,
    incident,
  );
  await store(deps, incident, links);
  return dossier(deps, incident);
}

/**
 * POST /v1/staff/incidents/{incidentId}/reportability: the officer's answer instead of the desk's,
 * with a written reason. Giving the desk's own answer withdraws an override.
 */
export async function overrideReportability(
  deps: IncidentWriteDeps,
  actor: StaffActor,
  incidentId: string,
  input: { version: number; reportable: boolean; reason: string },
): Promise<IncidentView> {
  const now = deps.clock.now();
  const before = await currentIncident(deps.incidents, incidentId);
  checkWritable(before, input.version);
  const own = before.reportability.reportable;
  if (input.reportable === own && !before.reportability.override)
    throw unprocessable('Nothing to override', [
      {
        field: 'body.reportable',
        message: `the desk's own answer is already "${own ? 'reportable' : 'not reportable'}"; an override gives the other answer.`,
      },
    ]);
  const { override: _previous, ...desk } = before.reportability;
  const reportability: Reportability =
    input.reportable === own
      ? desk
      : {
          ...desk,
          override: { reportable: input.reportable, reason: input.reason, by: actor.staffId, at: now.toISOString() },
        };
  const incident: Incident = {
    ...nextVersion(
      before,
      actor,
      now,
      input.reportable === own ? `Override withdrawn: ${input.reason}` : `Reportability overridden: ${input.reason}`,
    ),
    reportability,
  };
  await logAccess(
    deps,
    actor,
    'write',
    `incident ${incidentId}: reportability (version ${incident.version})`,
    [],
    incident,
  );
  await store(deps, incident);
  return viewOf(incident);
}

/** POST /v1/staff/incidents/{incidentId}/closure: closed with the reason, kept for good. */
export async function closeIncident(
  deps: IncidentDeps,
  actor: StaffActor,
  incidentId: string,
  input: { version: number; reason: string },
): Promise<IncidentView> {
  const now = deps.clock.now();
  const before = await currentIncident(deps.incidents, incidentId);
  checkWritable(before, input.version);
  const { changedAt: _a, changedBy: _b, changeReason: _c, ...kept } = before;
  const incident: Incident = {
    ...kept,
    version: before.version + 1,
    state: 'closed',
    closedAt: now.toISOString(),
    closedBy: actor.staffId,
    closeReason: input.reason,
  };
  await logAccess(deps, actor, 'write', `incident ${incidentId}: closed (version ${incident.version})`, [], incident);
  await store(deps, incident);
  return viewOf(incident);
}

async function dossier(deps: IncidentDeps, incident: Incident): Promise<IncidentDossier> {
  const [versions, subjects] = await Promise.all([
    deps.incidents.versions(incident.incidentId),
    deps.incidents.subjects(incident.incidentId),
  ]);
  return { incident: viewOf(incident), versions, subjects };
}

/** GET /v1/staff/incidents/{incidentId}: the incident, every version, the linked subjects and their notices. */
export async function viewIncident(
  deps: IncidentDeps,
  actor: StaffActor,
  incidentId: string,
): Promise<IncidentDossier> {
  const incident = await currentIncident(deps.incidents, incidentId);
  const found = await dossier(deps, incident);
  await logAccess(
    deps,
    actor,
    'read',
    `incident ${incidentId}`,
    found.subjects.map((s) => s.subjectId),
    incident,
  );
  return found;
}

/** GET /v1/staff/incidents: every incident's current version, newest awareness first. */
export async function listIncidents(deps: IncidentDeps, actor: StaffActor): Promise<{ items: IncidentView[] }> {
  const incidents = await deps.incidents.list();
  await logAccess(deps, actor, 'read', 'incident register');
  return { items: incidents.map(viewOf) };
}
