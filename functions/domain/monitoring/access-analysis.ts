// Monitoring of staff access (policy §6(1)): each closed hour of the access log is
// read once, and the Information Security Officer is e-mailed when someone read many people's data
// in one hour or read any outside desk hours. The e-mail names staff ids, roles, times and subject
// ids only: the officer opens the access log for the rest.

import { type Company, type DeskHours, deskContact } from '../company';
import { isDeskOpen } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { StaleWriteError } from '../kernel/problems';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature, formatJapanTime } from '../requests/notifications';
import type { StaffRole } from '../staff';
import { type AccessAlert, type AccessFinding, accessAlertRecord } from './alerts';

export type { AccessFinding } from './alerts';

/**
 * Desk policy: more distinct subjects than this read by one person in one hour is flagged. An
 * operator answering requests opens a handful of people an hour; a whole queue worked through is a
 * few dozen at most, while a copy of the customer base runs to hundreds. Thirty flags the second
 * without waking the officer for the first. Configurable: DESK_MONITOR_MAX_SUBJECTS_PER_HOUR.
 */
export const MONITORING_MAX_SUBJECTS_PER_HOUR = 30;

/**
 * Desk policy: an hour is analysed only this long after it ended, so every entry stamped within it
 * is written (a route function runs for at most 15 seconds) and the byDay index has caught up.
 */
export const MONITORING_SETTLE_MINUTES = 5;

/**
 * Desk policy: hours one run analyses at most. A run that is days late (the worker failed, and its
 * failure alarm fired) catches up this many hours per run, oldest first, and never skips one.
 */
export const MONITORING_MAX_HOURS_PER_RUN = 24;

/** Desk policy: reads outside desk hours listed per person and hour; the count says how many more. */
export const MONITORING_MAX_LISTED_READS = 20;

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** One access-log entry as monitoring sees it: who, in which role, what kind, whose data, when. */
export interface MonitoredAccess {
  actor: string;
  role: StaffRole | 'system';
  action: 'read' | 'write';
  subjects: string[];
  at: string;
}

export interface AccessLogReader {
  /** Entries with `at` in [from, to), past-expiry ones left out. */
  entriesBetween(from: Date, to: Date, now: Date): Promise<MonitoredAccess[]>;
}

export interface MonitoringCursor {
  /** Start of the last hour analysed, ISO. */
  analysedThrough: string;
  /** The recent alerts' ids, newest first (at most MONITORING_RECENT_ALERTS): the officer's list. */
  recentAlerts?: string[];
}

/** An alert as one run raises it: the officer's e-mail and the record kept of it. */
export interface RaisedAlert {
  message: OutboxMessage;
  record: AccessAlert;
}

export interface MonitoringStore {
  cursor(): Promise<MonitoringCursor | undefined>;
  /**
   * Moves the cursor from `previous` (undefined: none yet) to `analysedThrough`, enqueues the alert's
   * e-mail and stores its record (its id first on the cursor's recent list), all or nothing. Throws
   * StaleWriteError when another run moved the cursor first.
   */
  advance(
    previous: MonitoringCursor | undefined,
    analysedThrough: string,
    alert: RaisedAlert | undefined,
    now: Date,
  ): Promise<void>;
}

export interface AccessMonitoringDeps {
  log: AccessLogReader;
  store: MonitoringStore;
  clock: Clock;
  officerEmail: string;
  maxSubjectsPerHour: number;
  /** The company: its desk's hours tell reads outside them, its desk signs the e-mail. */
  company: Company;
}

export interface MonitoringTally {
  /** Hours analysed by this run. */
  hours: number;
  findings: number;
  /** The alert's message id, when one was enqueued. */
  alert?: string;
  /** The alert record's id, when one was raised. */
  alertId?: string;
}

/**
 * The limit as configured (DESK_MONITOR_MAX_SUBJECTS_PER_HOUR), or MONITORING_MAX_SUBJECTS_PER_HOUR
 * when unset; a whole number of at least one.
 */
export function maxSubjectsPerHour(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return MONITORING_MAX_SUBJECTS_PER_HOUR;
  const limit = Number(setting);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new Error(
      `DESK_MONITOR_MAX_SUBJECTS_PER_HOUR must be a whole number of subjects of at least 1, not "${setting}"`,
    );
  }
  return limit;
}

const startOfHour = (instant: Date) => new Date(Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS);

/**
 * The closed hours a run at `now` analyses, oldest first, as their start instants: those after the
 * cursor, up to the last hour that ended MONITORING_SETTLE_MINUTES ago, at most
 * MONITORING_MAX_HOURS_PER_RUN. Without a cursor (the first run), the last such hour only.
 */
export function hoursToAnalyse(cursor: MonitoringCursor | undefined, now: Date): Date[] {
  const lastClosed = startOfHour(new Date(now.getTime() - MONITORING_SETTLE_MINUTES * MINUTE_MS - HOUR_MS));
  const first = cursor ? new Date(startOfHour(new Date(cursor.analysedThrough)).getTime() + HOUR_MS) : lastClosed;
  const hours: Date[] = [];
  for (
    let hour = first;
    hour <= lastClosed && hours.length < MONITORING_MAX_HOURS_PER_RUN;
    hour = new Date(hour.getTime() + HOUR_MS)
  ) {
    hours.push(hour);
  }
  return hours;
}

/**
 * What the officer should hear of: per person and hour, reads of more than `limit` distinct subjects,
 * and reads outside desk hours. Only reads by people count: company systems (role 'system') read
 * through their own grants, at any hour, by design.
 */
export function findAccessAnomalies(entries: MonitoredAccess[], limit: number, hours: DeskHours): AccessFinding[] {
  const groups = new Map<
    string,
    { actor: string; hour: string; roles: Set<string>; subjects: Set<string>; outside: MonitoredAccess[] }
  >();
  for (const entry of entries) {
    if (entry.role === 'system' || entry.action !== 'read') continue;
    const hour = startOfHour(new Date(entry.at)).toISOString();
    const key = JSON.stringify([hour, entry.actor]);
    const group = groups.get(key) ?? { actor: entry.actor, hour, roles: new Set(), subjects: new Set(), outside: [] };
    group.roles.add(entry.role);
    entry.subjects.forEach((s) => group.subjects.add(s));
    if (!isDeskOpen(new Date(entry.at), hours)) group.outside.push(entry);
    groups.set(key, group);
  }
  const findings: AccessFinding[] = [];
  for (const group of [...groups.values()].sort(
    (a, b) => a.hour.localeCompare(b.hour) || a.actor.localeCompare(b.actor),
  )) {
    const base = { actor: group.actor, roles: [...group.roles].sort(), hour: group.hour };
    if (group.subjects.size > limit)
      findings.push({ kind: 'many-subjects', ...base, subjects: group.subjects.size, subjectIds: [...group.subjects] });
    if (group.outside.length > 0) {
      const reads = group.outside
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((e) => ({ at: e.at, subjects: [...e.subjects] }));
      findings.push({ kind: 'outside-desk-hours', ...base, reads });
    }
  }
  return findings;
}

/** The alert's id: fixed by the first hour of the window, which only one committed run ever analyses. */
export const alertMessageId = (firstHour: Date) => `access-monitoring-${firstHour.toISOString()}`;

function findingLines(findings: AccessFinding[], limit: number, language: 'ja' | 'en'): string {
  const ja = language === 'ja';
  return findings
    .map((f) => {
      const who = `${f.actor} (${f.roles.join('/')})`;
      const hour = formatJapanTime(f.hour, language);
      if (f.kind === 'many-subjects') {
        return ja
          ? `- ${who}  ${hour}からの1時間に${f.subjects}人分の個人データを閲覧（上限${limit}人）`
          : `- ${who}  read the data of ${f.subjects} people in the hour from ${hour} (limit ${limit})`;
      }
      const listed = f.reads
        .slice(0, MONITORING_MAX_LISTED_READS)
        .map((r) => `    ${formatJapanTime(r.at, language)}  ${ja ? '対象' : 'subjects'}: ${r.subjects.join(', ')}`);
      const more = f.reads.length - listed.length;
      if (more > 0) listed.push(ja ? `    ほか${more}件` : `    and ${more} more`);
      const head = ja
        ? `- ${who}  窓口時間外の閲覧 ${f.reads.length}件（${hour}からの1時間）`
        : `- ${who}  ${f.reads.length} read(s) outside desk hours in the hour from ${hour}`;
      return [head, ...listed].join('\n');
    })
    .join('\n');
}

/** One e-mail in Japanese, then English, listing every finding of the window [from, to). */
export function accessAlertText(
  findings: AccessFinding[],
  from: Date,
  to: Date,
  limit: number,
  company: Company,
): { subject: string; text: string } {
  const window = (language: 'ja' | 'en') =>
    `${formatJapanTime(from.toISOString(), language)} - ${formatJapanTime(to.toISOString(), language)}`;
  const { opensAtHour, closesAtHour } = company.desk.hours;
  const hours = `${opensAtHour}:00-${closesAtHour}:00`;
  const desk = deskContact(company);
  return {
    subject: `【アクセス監視】${findings.length}件の検知 / Access monitoring: ${findings.length} finding(s)`,
    text:
      `アクセスログの定期分析（${window('ja')}）で、次の閲覧を検知しました。正当な業務によるものか本人に確認し、` +
      `詳細はデスクの画面の「アクセスログ」で確認してください。窓口時間は平日${hours}（日本時間）です。\n\n` +
      `${findingLines(findings, limit, 'ja')}\n\n` +
      `The scheduled analysis of the access log (${window('en')}) found the reads below. Check with each person that they ` +
      `were for the desk's work, and see the access log in the desk console for details. Desk hours are ${hours} Japan time on desk days.\n\n` +
      `${findingLines(findings, limit, 'en')}${bilingualSignature(desk)}`,
  };
}

/** Re-reads after losing the cursor to a concurrent run; the loser then finds those hours done. */
const ATTEMPTS = 3;

/**
 * Analyses every closed hour since the last analysed one and e-mails the officer once for all of
 * them. The alert commits with the cursor, conditional on the cursor the run read, so a rerun or an
 * overlapping run never alerts twice for the same hour.
 */
export async function analyseStaffAccess(deps: AccessMonitoringDeps): Promise<MonitoringTally> {
  const now = deps.clock.now();
  for (let attempt = 1; ; attempt++) {
    const cursor = await deps.store.cursor();
    const hours = hoursToAnalyse(cursor, now);
    const first = hours[0];
    const last = hours.at(-1);
    if (!first || !last) return { hours: 0, findings: 0 };
    const to = new Date(last.getTime() + HOUR_MS);
    const findings = findAccessAnomalies(
      await deps.log.entriesBetween(first, to, now),
      deps.maxSubjectsPerHour,
      deps.company.desk.hours,
    );
    const message =
      findings.length > 0
        ? outboxMessage(
            alertMessageId(first),
            deps.officerEmail,
            accessAlertText(findings, first, to, deps.maxSubjectsPerHour, deps.company),
            now,
            'access-monitoring',
          )
        : undefined;
    const alert = message && {
      message,
      record: accessAlertRecord(findings, { from: first, to }, deps.maxSubjectsPerHour, message.messageId, now),
    };
    try {
      await deps.store.advance(cursor, last.toISOString(), alert, now);
      return {
        hours: hours.length,
        findings: findings.length,
        ...(alert ? { alert: alert.message.messageId, alertId: alert.record.alertId } : {}),
      };
    } catch (error) {
      if (!(error instanceof StaleWriteError) || attempt >= ATTEMPTS) throw error;
    }
  }
}
