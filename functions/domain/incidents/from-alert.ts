// POST /v1/staff/access-alerts/{alertId}/incident: the officer opens a draft incident from an access
// monitoring alert (APPI Art. 26, policy §6(1)). The draft carries the alert's facts: awareness at the
// alert (the company knew then, at the latest: day one of every count, Rules Art. 8), a summary in
// Japanese and English, the registry subjects the alert names linked, and every factor false until
// the officer judges them (a wrongful purpose above all). The id is derived from the alert, so the
// conditional put of version 1 lets one alert open one incident: a second try, or two at once, gets
// 409 naming the incident already opened.

import { createHash } from 'node:crypto';
import type { AccessLogWriter } from '../access-log/ports';
import type { DeskHours } from '../company';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { AccessAlert, AccessAlertReader } from '../monitoring/alerts';
import { alertLogSubject } from '../monitoring/alerts';
import { isSpecialCare } from '../personal-data/categories';
import type { StaffActor } from '../staff';
import { reportDeadlines } from './deadlines';
import { alertAwareHow, alertIncidentSummary } from './from-alert-words';
import type { Incident, IncidentFactors, IncidentSubject } from './incident';
import { INCIDENT_LINKS_PER_CALL } from './limits';
import type { IncidentStore } from './ports';
import { type IncidentView, type RegisteredSubjects, viewOf } from './register';
import { assessReportability } from './reportability';

/**
 * Every fact reportability turns on, false until the officer judges it; only special care-required
 * data is set where the registry holds such data for the subjects the alert names.
 */
export const ALERT_DRAFT_FACTORS: IncidentFactors = {
  specialCareRequired: false,
  financialLoss: false,
  wrongfulPurpose: false,
  individualNumbers: false,
  publiclyViewable: false,
  advancedEncryption: false,
};

/** Crockford's base-32 (the register's id alphabet). */
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** INC-<Japan day the alert was raised>-<six characters of the alert id's SHA-256>: one alert, one id. */
export function incidentIdFromAlert(alert: Pick<AccessAlert, 'alertId' | 'raisedAt'>): string {
  const digest = createHash('sha256').update(`access-alert ${alert.alertId}`, 'utf8').digest();
  const suffix = [...digest.subarray(0, 6)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
  return `INC-${japanDay(new Date(alert.raisedAt))}-${suffix}`;
}

export interface OpenFromAlertDeps {
  alerts: Pick<AccessAlertReader, 'alerts'>;
  incidents: IncidentStore;
  registry: RegisteredSubjects;
  /** The desk's policy for the preliminary report (deadlines.ts, set per deployment). */
  preliminaryDeskDays: number;
  /** The desk's hours, on which the preliminary report's desk days count (the company's configuration). */
  deskHours: DeskHours;
  accessLog: AccessLogWriter;
  clock: Clock;
}

/** The incident opened from this alert, if one was (the officer's list of alerts shows it). */
export async function incidentOfAlert(
  incidents: Pick<IncidentStore, 'get'>,
  alert: Pick<AccessAlert, 'alertId' | 'raisedAt'>,
): Promise<string | undefined> {
  const incidentId = incidentIdFromAlert(alert);
  const incident = await incidents.get(incidentId);
  return incident?.fromAlert === alert.alertId ? incidentId : undefined;
}

const alreadyOpened = (alertId: string, incidentId: string) =>
  new DeskProblem(
    'conflict',
    'Incident already opened',
    `An incident was already opened from alert ${alertId}: ${incidentId}. Open that incident instead.`,
    [{ field: 'alertId', message: `already opened incident ${incidentId}` }],
    { slug: 'incident-already-opened', extensions: { incidentId } },
  );

export async function openIncidentFromAlert(
  deps: OpenFromAlertDeps,
  actor: StaffActor,
  alertId: string,
): Promise<IncidentView> {
  const now = deps.clock.now();
  const [alert] = await deps.alerts.alerts([alertId], now);
  if (!alert)
    throw new DeskProblem(
      'not-found',
      'No such alert',
      `No access-monitoring alert ${alertId} is kept. Choose one from the list of recent alerts.`,
      [{ field: 'alertId', message: 'is not an alert the desk keeps' }],
      { slug: 'no-such-alert' },
    );
  const incidentId = incidentIdFromAlert(alert);
  const existing = await deps.incidents.get(incidentId);
  if (existing) throw alreadyOpened(alertId, incidentId);

  // The alert names opaque ids, some not the registry's (a request, the staff directory): only
  // subjects the registry holds are linked, as many as one write takes; the estimate counts them
  // all and those the alert did not keep.
  const registered = await deps.registry.registered(alert.subjects, now);
  const subjects = alert.subjects.filter((s) => registered.has(s));
  const linked = subjects.slice(0, INCIDENT_LINKS_PER_CALL);
  const estimated = subjects.length + (alert.subjectCount - alert.subjects.length);
  const awareAt = alert.raisedAt;
  const occurredAt = alert.findings.map((f) => f.hour).sort()[0] ?? alert.from;
  const persons = { estimated, linked: linked.length };
  // What those reads may have exposed: the categories the registry holds for the subjects read.
  const categories = [...new Set(subjects.flatMap((s) => registered.get(s) ?? []))].sort();
  const factors = { ...ALERT_DRAFT_FACTORS, specialCareRequired: categories.some(isSpecialCare) };
  const incident: Incident = {
    incidentId,
    version: 1,
    state: 'draft',
    kinds: ['leak'],
    awareAt,
    awareHow: alertAwareHow(alert),
    occurredAt,
    summary: alertIncidentSummary(alert),
    categories,
    // Items beyond the categories are the officer's words (Rules Art. 8(1)(ii)); an alert has none.
    dataItems: [],
    persons,
    factors,
    cause: '',
    secondaryDamage: '',
    measuresTaken: '',
    publication: '',
    recurrencePrevention: '',
    other: '',
    fromAlert: alert.alertId,
    reportability: assessReportability(factors, persons, now),
    deadlines: reportDeadlines(new Date(awareAt), factors, deps.preliminaryDeskDays, deps.deskHours),
    reports: {},
    createdAt: now.toISOString(),
    createdBy: actor.staffId,
  };
  const links: IncidentSubject[] = linked.map((subjectId) => ({
    incidentId,
    subjectId,
    linkedAt: incident.createdAt,
    linkedBy: actor.staffId,
  }));
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: [alertLogSubject(alert.alertId), ...linked],
    fields: ['incidents'],
    reason: `incident ${incidentId}: opened from ${alert.alertId}`,
    sourceIp: actor.sourceIp,
    at: incident.createdAt,
    incidentId,
    incidentVersion: 1,
  });
  // Two officers at once: the conditional put lets one in; the other is told which incident stands.
  if (!(await deps.incidents.add(incident, links))) throw alreadyOpened(alertId, incidentId);
  return viewOf(incident);
}
