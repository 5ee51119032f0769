// A monitoring alert as the desk keeps it (policy §6(1)): besides the officer's e-mail, a record of
// its findings (who, in which roles, which hour, what was flagged, whose data by subject id), stored
// as evidence with the cursor that raised it, so the officer can list recent alerts and open a draft
// incident from one (APPI Art. 26). Staff ids and subject ids only: never a name, address or value.

import type { AccessLogWriter } from '../access-log/ports';
import { EVIDENCE_RETENTION_SECONDS } from '../kernel/law';
import type { Clock } from '../kernel/ports';
import type { StaffActor } from '../staff';

/** Desk policy: alerts the officer's list shows, newest first (the cursor keeps their ids). */
export const MONITORING_RECENT_ALERTS = 20;
/** Desk policy: findings one alert record keeps; the count says how many there were. */
export const MONITORING_MAX_KEPT_FINDINGS = 50;
/** Desk policy: subject ids one finding keeps, as the e-mail lists its reads; the count says how many more. */
export const MONITORING_MAX_FINDING_SUBJECTS = 20;
/**
 * Desk policy: distinct subject ids one alert keeps over all its findings. With the findings' own
 * lists this keeps an alert well under DynamoDB's 400 KB item even with the longest subject ids.
 */
export const MONITORING_MAX_ALERT_SUBJECTS = 500;

/** What one run flags, per person and hour (access-analysis.ts finds them). */
export type AccessFinding =
  | { kind: 'many-subjects'; actor: string; roles: string[]; hour: string; subjects: number; subjectIds: string[] }
  | {
      kind: 'outside-desk-hours';
      actor: string;
      roles: string[];
      hour: string;
      reads: { at: string; subjects: string[] }[];
    };

export type AlertFindingKind = AccessFinding['kind'];

export interface AlertFinding {
  kind: AlertFindingKind;
  actor: string;
  roles: string[];
  /** Start of the hour flagged (ISO). */
  hour: string;
  /** Distinct subjects read: in the hour (many-subjects), or by the reads outside desk hours. */
  subjectCount: number;
  /** The first MONITORING_MAX_FINDING_SUBJECTS of them. */
  subjects: string[];
  /** outside-desk-hours: how many reads. */
  reads?: number;
}

export interface AccessAlert {
  alertId: string;
  /** When the run that found it committed: the company was aware of the facts then at the latest. */
  raisedAt: string;
  /** The window analysed, [from, to). */
  from: string;
  to: string;
  /** The subjects-per-hour limit in force. */
  limit: number;
  /** The officer's e-mail (outbox message id). */
  messageId: string;
  findings: AlertFinding[];
  findingCount: number;
  /** Distinct subject ids over every finding, the first MONITORING_MAX_ALERT_SUBJECTS of them. */
  subjects: string[];
  subjectCount: number;
}

/** The alert's id, from the first hour of its window: `alert-20261207T03Z`. One committed run analyses that hour. */
export const alertIdOf = (firstHour: Date) => `alert-${firstHour.toISOString().slice(0, 13).replace(/-/g, '')}Z`;

export const ALERT_ID_PATTERN = /^alert-\d{8}T\d{2}Z$/;

/** How long an alert record is kept: as long as the desk's other evidence. */
export const alertExpiresAt = (alert: AccessAlert) =>
  Math.floor(Date.parse(alert.raisedAt) / 1000) + EVIDENCE_RETENTION_SECONDS;

function subjectsOf(finding: AccessFinding): string[] {
  return finding.kind === 'many-subjects' ? finding.subjectIds : [...new Set(finding.reads.flatMap((r) => r.subjects))];
}

/** The record of an alert raised at `now` over [from, to) with these findings. */
export function accessAlertRecord(
  findings: AccessFinding[],
  window: { from: Date; to: Date },
  limit: number,
  messageId: string,
  now: Date,
): AccessAlert {
  const all = new Set<string>();
  for (const finding of findings) for (const s of subjectsOf(finding)) all.add(s);
  return {
    alertId: alertIdOf(window.from),
    raisedAt: now.toISOString(),
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    limit,
    messageId,
    findings: findings.slice(0, MONITORING_MAX_KEPT_FINDINGS).map((f) => {
      const subjects = subjectsOf(f);
      return {
        kind: f.kind,
        actor: f.actor,
        roles: f.roles,
        hour: f.hour,
        subjectCount: subjects.length,
        subjects: subjects.slice(0, MONITORING_MAX_FINDING_SUBJECTS),
        ...(f.kind === 'outside-desk-hours' ? { reads: f.reads.length } : {}),
      };
    }),
    findingCount: findings.length,
    subjects: [...all].slice(0, MONITORING_MAX_ALERT_SUBJECTS),
    subjectCount: all.size,
  };
}

export interface AccessAlertReader {
  /** The ids of the recent alerts, newest first (the cursor's list). */
  recentAlertIds(): Promise<string[]>;
  /** Alerts by id, past-expiry ones left out, in the order asked. */
  alerts(alertIds: string[], now: Date): Promise<AccessAlert[]>;
}

/** An alert as the officer's list shows it: with the incident opened from it, if any. */
export interface ListedAccessAlert extends AccessAlert {
  incidentId?: string;
}

export interface ListAlertsDeps {
  alerts: AccessAlertReader;
  /** The incident opened from an alert, if one was. */
  incidentOf(alert: AccessAlert): Promise<string | undefined>;
  accessLog: AccessLogWriter;
  clock: Clock;
}

/** The access-log subject an alert is named by: its findings name the subjects. */
export const alertLogSubject = (alertId: string) => `access-alert:${alertId}`;
/** What of an alert the officer reads. */
export const ALERT_FIELDS = ['actor', 'roles', 'hour', 'kind', 'subjects'];

/**
 * GET /v1/staff/access-alerts: the recent alerts, newest first, with the incident opened from each.
 * Logged once, naming every alert listed (each names its subjects).
 */
export async function listAccessAlerts(deps: ListAlertsDeps, actor: StaffActor): Promise<ListedAccessAlert[]> {
  const now = deps.clock.now();
  const alerts = await deps.alerts.alerts(await deps.alerts.recentAlertIds(), now);
  const incidents = await Promise.all(alerts.map((alert) => deps.incidentOf(alert)));
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: alerts.map((a) => alertLogSubject(a.alertId)),
    fields: ALERT_FIELDS,
    reason: 'access monitoring alerts',
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  return alerts.map((alert, i) => {
    const incidentId = incidents[i];
    return { ...alert, ...(incidentId ? { incidentId } : {}) };
  });
}
