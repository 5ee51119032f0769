// GET /v1/staff/reports/requests: how the desk keeps its deadlines. Counts by type
// and status, time to decision, the open requests past due, and the reports to the PPC past due.
// Figures only: no requester, no subject. Reading the incident register is logged all the same, as
// every staff read of it is (the entry names no subject: the report shows ids and dates only).

import type { AccessLogWriter } from '../access-log/ports';
import type { AuditReader } from '../audits/ports';
import { overdueCorrectiveActions } from '../audits/report';
import type { DeskHours } from '../company';
import type { IncidentReader } from '../incidents/ports';
import { overdueIncidentReports } from '../incidents/report-reminders';
import { dueAfterDeskDays } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { StaffActor } from '../staff';
import { OPEN_STATUSES, REQUEST_STATUSES, type RequestStatus } from './request';

/** Desk policy: without a range, the report covers requests made in the last 90 days. */
export const REPORT_DEFAULT_DAYS = 90;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const JST_OFFSET_MS = 9 * HOUR_MS;

/** A request as the report sees it. */
export interface ReportedRequest {
  requestId: string;
  type: string;
  status: RequestStatus;
  createdAt: string;
  receivedAt?: string;
  dueAt?: string;
  decidedAt?: string;
}

export interface CreatedRange {
  from: Date;
  to: Date;
}

export interface RequestReportReader {
  /** Live requests of one status made within the range (inclusive), or all of them without one. */
  byStatus(status: RequestStatus, range: CreatedRange | undefined, now: Date): Promise<ReportedRequest[]>;
}

/** An outbox message set aside as undeliverable, as the report sees it: no address, no body. */
export interface UndeliverableMessage {
  messageId: string;
  topic: string;
  requestId?: string;
  createdAt: string;
  setAsideAt?: string;
  attempts: number;
  lastError?: string;
}

export interface UndeliverableReader {
  /** Every message set aside and not yet dealt with, whenever it was written. */
  undeliverable(): Promise<UndeliverableMessage[]>;
}

/** A decided request whose answer waits for holders that have not all finished, as the report sees it. */
export interface UnfinishedAtHolders {
  requestId: string;
  type: string;
  dueAt?: string;
  /** How many holders have not finished. */
  unfinished: number;
}

export interface HolderProgressReader {
  /** Every live request with tasks at holders not yet finished (to send, sent, a person must act). */
  unfinishedAtHolders(now: Date): Promise<UnfinishedAtHolders[]>;
}

export interface RequestReportDeps {
  requests: RequestReportReader;
  outbox: UndeliverableReader;
  holders: HolderProgressReader;
  /** The incident register: its reports to the PPC past due (APPI Art. 26(1), Rules Art. 8). */
  incidents: Pick<IncidentReader, 'list'>;
  /** The audit register: corrective actions past their due day (policy §6(2)A). */
  audits: Pick<AuditReader, 'allFindings'>;
  accessLog: AccessLogWriter;
  clock: Clock;
  /** The desk's hours, on which desk days are counted (the company's configuration). */
  deskHours: DeskHours;
}

/**
 * Nearest-rank percentile: the smallest observation such that at least `percentile`% of all are at
 * or below it, i.e. the ceil(p/100 × n)-th of the sorted values. Always an observed value.
 */
export function nearestRank(values: readonly number[], percentile: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Desk days a decision took, counted as due dates are: the fewest n such that a request received at
 * `from` and due after n desk days would have been answered in time at `to` (0: the same desk day).
 */
export function deskDaysBetween(from: Date, to: Date, hours: DeskHours): number {
  if (to <= from) return 0;
  // n desk days never end before n calendar days have passed, so this bound always answers.
  let low = 0;
  let high = Math.ceil((to.getTime() - from.getTime()) / DAY_MS) + 1;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (to <= dueAfterDeskDays(from, middle, hours)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A Japan calendar date (YYYY-MM-DD) as the instant it starts, or the last millisecond it lasts. */
function japanDayBound(date: string, end: boolean): Date {
  const start = Date.parse(`${date}T00:00:00.000Z`) - JST_OFFSET_MS;
  return new Date(end ? start + DAY_MS - 1 : start);
}

export function reportRange(now: Date, query: { from?: string; to?: string }): CreatedRange {
  const to = query.to ? japanDayBound(query.to, true) : now;
  const from = query.from ? japanDayBound(query.from, false) : new Date(to.getTime() - REPORT_DEFAULT_DAYS * DAY_MS);
  if (from > to) {
    throw new DeskProblem(
      'unprocessable',
      'Range ends before it starts',
      `from (${query.from ?? from.toISOString()}) is after to (${query.to ?? to.toISOString()}). Give from on or before to.`,
      undefined,
      { slug: 'range-ends-before-it-starts' },
    );
  }
  return { from, to };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

function timeToDecision(requests: ReportedRequest[], deskHours: DeskHours) {
  const decided = requests.filter((r) => r.receivedAt && r.decidedAt);
  const hours = decided.map((r) => round1((Date.parse(r.decidedAt!) - Date.parse(r.receivedAt!)) / HOUR_MS));
  const deskDays = decided.map((r) => deskDaysBetween(new Date(r.receivedAt!), new Date(r.decidedAt!), deskHours));
  return {
    decided: decided.length,
    medianHours: nearestRank(hours, 50) ?? null,
    p95Hours: nearestRank(hours, 95) ?? null,
    medianDeskDays: nearestRank(deskDays, 50) ?? null,
    p95DeskDays: nearestRank(deskDays, 95) ?? null,
  };
}

function counts(requests: ReportedRequest[]) {
  const byType: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  const byTypeAndStatus = new Map<string, { type: string; status: RequestStatus; count: number }>();
  for (const { type, status } of requests) {
    byType[type] = (byType[type] ?? 0) + 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
    const key = `${type}\u0000${status}`;
    const cell = byTypeAndStatus.get(key) ?? { type, status, count: 0 };
    cell.count += 1;
    byTypeAndStatus.set(key, cell);
  }
  const statusOrder = (s: RequestStatus) => REQUEST_STATUSES.indexOf(s);
  return {
    total: requests.length,
    byType,
    byStatus,
    byTypeAndStatus: [...byTypeAndStatus.values()].sort(
      (a, b) => a.type.localeCompare(b.type) || statusOrder(a.status) - statusOrder(b.status),
    ),
  };
}

/** Open requests past due, whenever they were made: an old overdue request is the one that matters most. */
function overdue(open: ReportedRequest[], now: Date) {
  return (
    open
      .filter((r) => r.dueAt && new Date(r.dueAt) < now)
      .sort((a, b) => a.dueAt!.localeCompare(b.dueAt!))
      // Calendar days, started ones counted: Art. 39 counts the person's two weeks in calendar days.
      .map((r) => ({
        requestId: r.requestId,
        type: r.type,
        status: r.status,
        dueAt: r.dueAt!,
        daysOverdue: Math.ceil((now.getTime() - Date.parse(r.dueAt!)) / DAY_MS),
      }))
  );
}

/**
 * Decided requests past due whose holders have not all finished: the person still waits for the
 * answer, which waits for them (APPI Art. 34-35, policy §8(1)). Most overdue first.
 */
function overdueAtHolders(requests: UnfinishedAtHolders[], now: Date) {
  return requests
    .filter((r): r is UnfinishedAtHolders & { dueAt: string } => !!r.dueAt && new Date(r.dueAt) < now)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.requestId.localeCompare(b.requestId))
    .map((r) => ({
      requestId: r.requestId,
      type: r.type,
      dueAt: r.dueAt,
      daysOverdue: Math.ceil((now.getTime() - Date.parse(r.dueAt)) / DAY_MS),
      holdersNotFinished: r.unfinished,
    }));
}

/**
 * E-mails the desk gave up on, whenever written: a statutory answer among them never reached the
 * person (APPI Art. 32(2), 33(2), 34(2), 35(7): answers are owed without delay), so each one needs a person to act.
 */
function undeliverableList(messages: UndeliverableMessage[]) {
  return [...messages]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.messageId.localeCompare(b.messageId))
    .map((m) => ({
      messageId: m.messageId,
      kind: m.topic,
      requestId: m.requestId ?? null,
      createdAt: m.createdAt,
      setAsideAt: m.setAsideAt ?? null,
      attempts: m.attempts,
      reason: m.lastError ?? null,
    }));
}

export async function requestReport(deps: RequestReportDeps, query: { from?: string; to?: string }, actor: StaffActor) {
  const now = deps.clock.now();
  const range = reportRange(now, query);
  const inRange = (r: ReportedRequest) =>
    r.createdAt >= range.from.toISOString() && r.createdAt <= range.to.toISOString();
  // One query per status on the byStatus index; open ones unbounded for the overdue list. Fine at a
  // desk's scale (thousands of requests a year); a larger desk would keep running counts instead.
  const perStatus = await Promise.all(
    REQUEST_STATUSES.map((status) =>
      deps.requests.byStatus(status, OPEN_STATUSES.includes(status) ? undefined : range, now),
    ),
  );
  const all = perStatus.flat();
  const reported = all.filter(inRange);
  const undeliverable = await deps.outbox.undeliverable();
  const atHolders = await deps.holders.unfinishedAtHolders(now);
  const incidents = await deps.incidents.list();
  const findings = await deps.audits.allFindings();
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: [],
    fields: ['incidents'],
    reason: 'Desk report: reports to the PPC past due',
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    generatedAt: now.toISOString(),
    counts: counts(reported),
    timeToDecision: timeToDecision(reported, deps.deskHours),
    overdue: overdue(
      all.filter((r) => OPEN_STATUSES.includes(r.status)),
      now,
    ),
    overdueAtHolders: overdueAtHolders(atHolders, now),
    undeliverable: undeliverableList(undeliverable),
    overdueIncidentReports: overdueIncidentReports(incidents, now),
    overdueCorrectiveActions: overdueCorrectiveActions(findings, now),
  };
}
