// The scheduled reminder of the desk's deadlines: operators hear of open requests due
// soon, the Information Security Officer of overdue ones; each request once of each kind. The e-mail
// names only the request id, type, status and due date: staff open the request at the desk for more.
import { type Company, type DeskContact, type DeskHours, deskContact } from '../company';
import { dueAfterDeskDays } from '../kernel/calendar';
import type { Clock, SecretSource } from '../kernel/ports';
import { StaleWriteError } from '../kernel/problems';
import { type OutboxMessage, outboxMessage } from '../outbox';
import type { StaffRole } from '../staff';
import { bilingualSignature, formatJapanTime } from './notifications';
import type { RequestStatus } from './request';
import { requestTypeSchema } from './types/schemas';

/**
 * Desk policy: operators are reminded of an open request once it is due by the close of the second
 * desk day after the one the desk is in (or, outside hours, opens next), so two working days remain.
 */
export const REMINDER_DESK_DAYS = 2;

/** DynamoDB: a transaction holds at most 100 items, here the marked requests and one e-mail per recipient. */
export const MAX_TRANSACTION_ITEMS = 100;

/** Re-reads after losing a write to a concurrent run; the loser then finds nothing left to remind. */
const ATTEMPTS = 3;

export type ReminderKind = 'due-soon' | 'overdue';

/** Who hears of each kind. */
export const REMINDED_ROLE: Record<ReminderKind, StaffRole> = { 'due-soon': 'operator', overdue: 'officer' };

/** An open request as the reminder sees it: no requester, no subject, no details. */
export interface OpenRequestSummary {
  requestId: string;
  type: string;
  status: RequestStatus;
  dueAt: string;
  remindedDueSoonAt?: string;
  remindedOverdueAt?: string;
}

export interface ReminderStore {
  /** Open requests (received, in-progress) not past their expiresAt. */
  openRequests(now: Date): Promise<OpenRequestSummary[]>;
  /**
   * Marks every request as reminded of `kind` at `now` and enqueues the messages, all or nothing.
   * Throws StaleWriteError when one was reminded of that kind meanwhile or is no longer open.
   */
  recordReminder(kind: ReminderKind, requestIds: string[], messages: OutboxMessage[], now: Date): Promise<void>;
}

export interface StaffRoster {
  /** The e-mail addresses of active staff holding the role. */
  activeEmails(role: StaffRole): Promise<string[]>;
}

export interface DeadlineReminderDeps {
  store: ReminderStore;
  staff: StaffRoster;
  secrets: SecretSource;
  clock: Clock;
  /** The company: its desk's hours say what is due soon, its desk signs the e-mail. */
  company: Company;
}

export interface ReminderTally {
  /** Requests reminded in this run, by kind. */
  reminded: Record<ReminderKind, number>;
  /** E-mails enqueued: one per recipient for each list of requests. */
  messages: number;
  /** Requests due a reminder that no active staff member of the role could receive; tried again next run. */
  unaddressed: Record<ReminderKind, number>;
}

function alreadyReminded(request: OpenRequestSummary, kind: ReminderKind): boolean {
  return !!(kind === 'due-soon' ? request.remindedDueSoonAt : request.remindedOverdueAt);
}

/** The open requests due a reminder of `kind` at `now`, soonest due first. Overdue means dueAt has passed. */
export function dueForReminder(
  requests: OpenRequestSummary[],
  kind: ReminderKind,
  now: Date,
  hours: DeskHours,
): OpenRequestSummary[] {
  const soonLimit = dueAfterDeskDays(now, REMINDER_DESK_DAYS, hours);
  return requests
    .filter((r) => !alreadyReminded(r, kind))
    .filter((r) => {
      const due = new Date(r.dueAt);
      return kind === 'overdue' ? due < now : due >= now && due <= soonLimit;
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

function typeLabel(type: string) {
  return requestTypeSchema(type)?.label ?? { ja: type, en: type };
}

/** The open statuses a reminder lists, in the staff's words rather than the API's codes. */
const OPEN_STATUS_LABELS: Partial<Record<RequestStatus, { ja: string; en: string }>> = {
  received: { ja: '受付済み', en: 'received' },
  'in-progress': { ja: '対応中', en: 'in progress' },
};

/** One e-mail in Japanese, then English: staff have no language of their own on file. */
export function reminderText(
  kind: ReminderKind,
  requests: OpenRequestSummary[],
  desk: DeskContact,
): { subject: string; text: string } {
  const lines = (language: 'ja' | 'en') =>
    requests
      .map(
        (r) =>
          `- ${r.requestId}  ${typeLabel(r.type)[language]} / ${OPEN_STATUS_LABELS[r.status]?.[language] ?? r.status} / ${language === 'ja' ? '期限' : 'due'} ${formatJapanTime(r.dueAt, language)}`,
      )
      .join('\n');
  const count = requests.length;
  if (kind === 'due-soon') {
    return {
      subject: `【期限間近】${count}件のご請求 / ${count} request(s) due within ${REMINDER_DESK_DAYS} desk days`,
      text:
        `次のご請求は${REMINDER_DESK_DAYS}営業日以内に回答期限を迎えます。デスクの画面で内容を確認し、遅滞なく回答してください。\n\n${lines('ja')}\n\n` +
        `These requests are due within ${REMINDER_DESK_DAYS} desk days. Open each at the desk and answer without delay.\n\n${lines('en')}${bilingualSignature(desk)}`,
    };
  }
  return {
    subject: `【期限超過】${count}件のご請求 / ${count} request(s) overdue`,
    text:
      `次のご請求は回答期限を過ぎています。請求者は請求から2週間を経過すると訴えを提起できます（個人情報保護法第39条）。デスクの画面で状況を確認してください。\n\n${lines('ja')}\n\n` +
      `These requests are past their due date. Two weeks after a request the person may sue (APPI Art. 39). Open each at the desk to see where it stands.\n\n${lines('en')}${bilingualSignature(desk)}`,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Reminds of one kind. The e-mails commit with the marks on their requests, conditional on the marks
 * being absent, so a rerun or a concurrent run never reminds twice: the run that loses re-reads.
 * Each recipient gets a message of their own, so one bad address does not hold up the others.
 */
async function remind(deps: DeadlineReminderDeps, kind: ReminderKind, now: Date, tally: ReminderTally): Promise<void> {
  let recipients: string[] | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const due = dueForReminder(await deps.store.openRequests(now), kind, now, deps.company.desk.hours);
    if (due.length === 0) return;
    recipients ??= await deps.staff.activeEmails(REMINDED_ROLE[kind]);
    if (recipients.length === 0) {
      tally.unaddressed[kind] = due.length;
      return;
    }
    const batchSize = MAX_TRANSACTION_ITEMS - recipients.length;
    if (batchSize < 1)
      throw new Error(`More ${REMINDED_ROLE[kind]}s than one transaction can e-mail: ${recipients.length}`);
    try {
      for (const batch of chunks(due, batchSize)) {
        const content = reminderText(kind, batch, deskContact(deps.company));
        const messages = recipients.map((to) => outboxMessage(deps.secrets.id(), to, content, now, `reminder-${kind}`));
        await deps.store.recordReminder(
          kind,
          batch.map((r) => r.requestId),
          messages,
          now,
        );
        tally.reminded[kind] += batch.length;
        tally.messages += messages.length;
      }
      return;
    } catch (error) {
      if (!(error instanceof StaleWriteError)) throw error;
    }
  }
}

export async function sendDeadlineReminders(deps: DeadlineReminderDeps): Promise<ReminderTally> {
  const now = deps.clock.now();
  const tally: ReminderTally = {
    reminded: { 'due-soon': 0, overdue: 0 },
    messages: 0,
    unaddressed: { 'due-soon': 0, overdue: 0 },
  };
  await remind(deps, 'overdue', now, tally);
  await remind(deps, 'due-soon', now, tally);
  return tally;
}
