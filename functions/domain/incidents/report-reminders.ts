// Scheduled: the officer hears of each report to the PPC that falls due soon or is overdue (APPI
// Art. 26(1); Enforcement Rules Art. 8), once per incident, report, due instant and stage. The reminder
// commits with a marker in the incident's partition, so two runs never mail twice.
import { type Company, type DeskContact, type DeskHours, deskContact } from '../company';
import { deskOpeningBefore, japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature, formatJapanTime } from '../requests/notifications';
import { type Incident, REPORT_KINDS, type ReportKind } from './incident';
import type { IncidentReader } from './ports';
import { REPORT_KIND_WORDS } from './report-words';
import { actsAsReportable } from './reportability';

/**
 * Desk policy: the first reminder comes at the desk's opening one desk day before the day a report is
 * due, so a report due after a weekend or the year-end closure is flagged before the desk closes for it.
 */
export const REPORT_REMINDER_LEAD_DESK_DAYS = 1;

/** 'due-soon' within the lead time; 'overdue' once the due instant has passed without a recorded submission. */
export const REPORT_REMINDER_STAGES = ['due-soon', 'overdue'] as const;
export type ReportReminderStage = (typeof REPORT_REMINDER_STAGES)[number];

export interface ReportReminder {
  incidentId: string;
  kind: ReportKind;
  dueAt: string;
  stage: ReportReminderStage;
}

export interface IncidentReportReminders {
  /**
   * Enqueues the message and marks this reminder sent (item 'reminder#<kind>#<due>#<stage>'), all or
   * nothing; false when it was sent already.
   */
  remind(reminder: ReportReminder, message: OutboxMessage, now: Date): Promise<boolean>;
}

export interface ReportReminderDeps {
  incidents: Pick<IncidentReader, 'list'>;
  reminders: IncidentReportReminders;
  clock: Clock;
  officerEmail: string;
  /** The company: its desk's hours place the warning, its desk signs the e-mail. */
  company: Company;
}

const dueOf = (incident: Incident, kind: ReportKind) =>
  kind === 'preliminary' ? incident.deadlines.preliminaryDueAt : incident.deadlines.finalDueAt;

/**
 * The reports an incident still owes. Drafts count too: the days run from awareness (Rules Art. 8),
 * not from the officer taking the incident on. A closed incident owes nothing the desk can chase.
 */
export function reportsOwed(incident: Incident): { kind: ReportKind; dueAt: string }[] {
  if (incident.state === 'closed' || !actsAsReportable(incident.reportability)) return [];
  return REPORT_KINDS.filter((kind) => !incident.reports[kind]).map((kind) => ({ kind, dueAt: dueOf(incident, kind) }));
}

/** The stage a report is in at `now`, or none before the reminder window opens. */
export function reminderStage(dueAt: string, now: Date, hours: DeskHours): ReportReminderStage | undefined {
  const due = new Date(dueAt);
  if (now > due) return 'overdue';
  if (now >= deskOpeningBefore(due, REPORT_REMINDER_LEAD_DESK_DAYS, hours)) return 'due-soon';
  return undefined;
}

/** The officer's e-mail: the incident's number, the report and when it is due; no personal data. */
export function reportReminderText(reminder: ReportReminder, desk: DeskContact) {
  const words = REPORT_KIND_WORDS[reminder.kind];
  const name = { ja: words.ja, en: words.en.toLowerCase() };
  const due = { ja: formatJapanTime(reminder.dueAt, 'ja'), en: formatJapanTime(reminder.dueAt, 'en') };
  const overdue = reminder.stage === 'overdue';
  const article = reminder.kind === 'preliminary' ? '第8条第1項' : '第8条第2項';
  const rule = reminder.kind === 'preliminary' ? 'Art. 8(1)' : 'Art. 8(2)';
  return {
    subject: overdue
      ? `【漏えい等】個人情報保護委員会への${name.ja}の期限超過 / Overdue ${name.en} to the PPC: ${reminder.incidentId}`
      : `【漏えい等】個人情報保護委員会への${name.ja}の期限が近づいています / ${name.en} to the PPC due soon: ${reminder.incidentId}`,
    text:
      [
        overdue
          ? `事案 ${reminder.incidentId} の個人情報保護委員会への${name.ja}は、期限（${due.ja}）を過ぎていますが、提出の記録がありません。`
          : `事案 ${reminder.incidentId} の個人情報保護委員会への${name.ja}の期限は${due.ja}です。提出の記録はまだありません。`,
        `報告を提出し、受付番号をデスクのコンソールの事案の画面に記録してください（個人情報保護法第26条第1項、同法施行規則${article}）。`,
        '',
        overdue
          ? `The ${name.en} to the PPC on incident ${reminder.incidentId} was due at ${due.en}, and no submission is recorded.`
          : `The ${name.en} to the PPC on incident ${reminder.incidentId} is due at ${due.en}; no submission is recorded yet.`,
        `Submit it and record its receipt reference on the incident's page of the desk console (APPI Art. 26(1), Enforcement Rules ${rule}).`,
      ].join('\n') + bilingualSignature(desk),
  };
}

/**
 * The reports to the PPC past their due instant with no submission recorded, for the desk report: most
 * overdue first. Days overdue are calendar days, a started day counted, as the report counts requests.
 */
export function overdueIncidentReports(incidents: readonly Incident[], now: Date) {
  return incidents
    .flatMap((incident) =>
      reportsOwed(incident)
        .filter(({ dueAt }) => new Date(dueAt) < now)
        .map(({ kind, dueAt }) => ({
          incidentId: incident.incidentId,
          report: kind,
          dueAt,
          daysOverdue: Math.ceil((now.getTime() - Date.parse(dueAt)) / 86_400_000),
        })),
    )
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.incidentId.localeCompare(b.incidentId));
}

export async function remindIncidentReports(deps: ReportReminderDeps): Promise<{ owed: number; reminded: number }> {
  const now = deps.clock.now();
  let owed = 0;
  let reminded = 0;
  for (const incident of await deps.incidents.list()) {
    for (const { kind, dueAt } of reportsOwed(incident)) {
      const stage = reminderStage(dueAt, now, deps.company.desk.hours);
      if (!stage) continue;
      owed++;
      const reminder: ReportReminder = { incidentId: incident.incidentId, kind, dueAt, stage };
      const message = outboxMessage(
        `incident-report-${incident.incidentId}-${kind}-${stage}-${japanDay(new Date(dueAt))}`,
        deps.officerEmail,
        reportReminderText(reminder, deskContact(deps.company)),
        now,
        `incident-report-${stage}`,
      );
      if (await deps.reminders.remind(reminder, message, now)) reminded++;
    }
  }
  return { owed, reminded };
}
