// The officer's reports to the PPC: the desk prepares each report from the incident (reports.ts), the
// officer submits it on the PPC's own form, outside the desk, and records here when and under which
// receipt reference; the record is a new version of the incident.
//
// The access log: a report carries counts of persons and the company's own account of the incident,
// never who the persons are, so its entries name no subject (`subjects: []`). Naming the linked
// subjects would record a read of their data that did not happen, and would make every preview of a
// large leak look like a mass read to access monitoring. The entry names the incident and version.

import type { AccessLogEntry } from '../access-log/entry';
import type { AccessLogWriter } from '../access-log/ports';
import type { Company } from '../company';
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { futureInstantFault } from '../kernel/supplied-dates';
import type { StaffActor } from '../staff';
import type { Incident, ReportKind, ReportSubmission } from './incident';
import type { IncidentReader, IncidentStore } from './ports';
import { currentIncident } from './register';
import { REPORT_KIND_WORDS } from './report-words';
import { generateReport, type PpcReport } from './reports';

export interface ReportDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  incidents: IncidentReader;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface SubmissionDeps extends ReportDeps {
  incidents: IncidentStore;
}

/** What the officer records after submitting a report on the PPC's form. */
export interface SubmissionInput {
  /** The incident version the submitted report was generated from (the report shows it). */
  fromVersion: number;
  submittedAt: string;
  receiptReference: string;
  /**
   * Final report only: the one report submitted served as the preliminary report too, because every
   * item was known by then (the PPC accepts one report as both). Records both at once.
   */
  servesAsPreliminary?: boolean;
}

export interface SubmissionRecorded {
  incidentId: string;
  /** The incident's new version, which carries the record. */
  version: number;
  reports: Incident['reports'];
}

const kindName = (kind: ReportKind) => `${kind} report (${REPORT_KIND_WORDS[kind].ja})`;

const unprocessable = (title: string, field: string, message: string, detail?: string) =>
  new DeskProblem('unprocessable', title, `${field}: ${detail ?? message} Nothing was recorded.`, [{ field, message }]);

async function atVersion(deps: ReportDeps, incident: Incident, version: number, field: string): Promise<Incident> {
  if (version === incident.version) return incident;
  const found =
    version < incident.version
      ? (await deps.incidents.versions(incident.incidentId)).find((v) => v.version === version)
      : undefined;
  if (!found)
    throw unprocessable(
      'No such version',
      field,
      `incident ${incident.incidentId} has versions 1 to ${incident.version}, not ${version}.`,
    );
  return found;
}

async function log(
  deps: ReportDeps,
  actor: StaffActor,
  action: 'read' | 'write',
  incident: Incident,
  version: number,
  reason: string,
) {
  const entry: AccessLogEntry = {
    actor: actor.staffId,
    role: actor.role,
    action,
    subjects: [],
    fields: ['incidents'],
    reason: `incident ${incident.incidentId}: ${reason}`,
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
    incidentId: incident.incidentId,
    incidentVersion: version,
  };
  await deps.accessLog.append(entry);
}

/**
 * GET …/reports/{kind}: the report from the current version, or from an earlier one (what a recorded
 * submission was generated from). 422 when the incident is not reportable or a final report would
 * leave an item empty; logged once.
 */
export async function viewIncidentReport(
  deps: ReportDeps,
  actor: StaffActor,
  incidentId: string,
  kind: ReportKind,
  version?: number,
): Promise<PpcReport> {
  const now = deps.clock.now();
  const latest = await currentIncident(deps.incidents, incidentId);
  const incident = await atVersion(deps, latest, version ?? latest.version, 'version');
  const subjects = await deps.incidents.subjects(incidentId);
  const report = generateReport(kind, incident, subjects, now, deps.company);
  const submission = latest.reports[kind];
  await log(deps, actor, 'read', latest, incident.version, `${kindName(kind)} of version ${incident.version}`);
  const { submission: _ofThatVersion, ...rest } = report;
  return { ...rest, ...(submission ? { submission } : {}) };
}

const stale = (incidentId: string) =>
  new DeskProblem(
    'conflict',
    'Incident changed meanwhile',
    `"${incidentId}" was changed by someone else while the submission was being recorded; open it again and check whether the report is recorded already.`,
  );

function checkRecordable(incident: Incident, kind: ReportKind, input: SubmissionInput): void {
  if (incident.state === 'draft')
    throw new DeskProblem(
      'conflict',
      'Incident still a draft',
      `"${incident.incidentId}" is a draft: the officer takes it on before its reports are recorded.`,
    );
  if (incident.state === 'closed')
    throw new DeskProblem(
      'conflict',
      'Incident closed',
      `"${incident.incidentId}" was closed on ${incident.closedAt?.slice(0, 10) ?? 'an earlier day'}; a closed incident is kept as it was.`,
    );
  const recorded = incident.reports[kind];
  if (recorded)
    throw new DeskProblem(
      'conflict',
      'Report already recorded',
      `The ${kindName(kind)} of "${incident.incidentId}" is recorded already: submitted ${recorded.submittedAt}, receipt ${recorded.receiptReference}. A report is recorded once; a further report to the PPC is part of the final report's account.`,
    );
  if (kind === 'preliminary' && input.servesAsPreliminary)
    throw unprocessable(
      'Submission not recorded',
      'servesAsPreliminary',
      'only a final report can serve as the preliminary report too.',
    );
  if (kind === 'final' && !incident.reports.preliminary && !input.servesAsPreliminary)
    throw unprocessable(
      'Preliminary report not recorded',
      'servesAsPreliminary',
      'the preliminary report is not recorded yet: record it first, or, if this one report served as both because everything was known by then, say so.',
    );
}

function checkSubmittedAt(incident: Incident, kind: ReportKind, submittedAt: string, now: Date): void {
  const future = futureInstantFault(submittedAt, now);
  if (future) throw unprocessable('Submission not recorded', 'submittedAt', `${future}.`);
  if (Date.parse(submittedAt) < Date.parse(incident.awareAt))
    throw unprocessable(
      'Submission not recorded',
      'submittedAt',
      `is before the company became aware of the incident (${incident.awareAt}); give when the report was submitted.`,
    );
  const preliminary = incident.reports.preliminary;
  if (kind === 'final' && preliminary && Date.parse(submittedAt) < Date.parse(preliminary.submittedAt))
    throw unprocessable(
      'Submission not recorded',
      'submittedAt',
      `is before the preliminary report was submitted (${preliminary.submittedAt}); give when the final report was submitted.`,
    );
}

/**
 * POST …/reports/{kind}/submission: records that the report was submitted to the PPC, as a new version
 * of the incident conditional on the one read, so of two records at once one wins (409 for the other).
 */
export async function recordReportSubmission(
  deps: SubmissionDeps,
  actor: StaffActor,
  incidentId: string,
  kind: ReportKind,
  input: SubmissionInput,
): Promise<SubmissionRecorded> {
  const now = deps.clock.now();
  const incident = await currentIncident(deps.incidents, incidentId);
  checkRecordable(incident, kind, input);
  checkSubmittedAt(incident, kind, input.submittedAt, now);
  // The report submitted must be one the desk would have prepared from that version.
  const from = await atVersion(deps, incident, input.fromVersion, 'fromVersion');
  generateReport(kind, from, await deps.incidents.subjects(incidentId), now, deps.company);
  const record = (k: ReportKind): ReportSubmission => ({
    kind: k,
    submittedAt: new Date(input.submittedAt).toISOString(),
    receiptReference: input.receiptReference,
    recordedBy: actor.staffId,
    recordedAt: now.toISOString(),
    fromVersion: from.version,
    ...(input.servesAsPreliminary ? { servesBoth: true } : {}),
  });
  const reports = {
    ...incident.reports,
    ...(input.servesAsPreliminary ? { preliminary: record('preliminary') } : {}),
    [kind]: record(kind),
  };
  const next: Incident = {
    ...incident,
    version: incident.version + 1,
    reports,
    changedAt: now.toISOString(),
    changedBy: actor.staffId,
    changeReason: input.servesAsPreliminary
      ? `Submission of the final report, serving as the preliminary report too, recorded (receipt ${input.receiptReference})`
      : `Submission of the ${kindName(kind)} recorded (receipt ${input.receiptReference})`,
  };
  await log(deps, actor, 'write', incident, next.version, `${kindName(kind)} submission recorded`);
  try {
    await deps.incidents.replace(next, []);
  } catch (error) {
    if (error instanceof StaleWriteError) throw stale(incidentId);
    throw error;
  }
  return { incidentId, version: next.version, reports };
}
