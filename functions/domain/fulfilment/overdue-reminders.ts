// The scheduled reminder of decided requests still being carried out at the holders when the
// request's due date passes: the person is owed the answer "without delay" (APPI Art. 33(2), 34(3),
// 35(7)), and the answer waits for the holders. The request's assignee (or, with none, every operator)
// and the officer hear of each request once. The e-mail names the request, its due date and the
// holders not finished, never the person or an endpoint: staff open the request at the desk for more.
import { type Company, type DeskContact, deskContact } from '../company';
import type { Clock, SecretSource } from '../kernel/ports';
import { StaleWriteError } from '../kernel/problems';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature, formatJapanTime } from '../requests/notifications';
import { requestTypeSchema } from '../requests/types/schemas';
import type { StaffRole } from '../staff';
import type { TaskState } from './task';
import { TASK_STATE_LABELS } from './tracking-words';

/** The states in which a holder has yet to finish what the decision asked (cancel-pending is a withdrawal's, not the answer's). */
export const UNFINISHED_TASK_STATES = ['to-send', 'sent', 'needs-person'] as const satisfies readonly TaskState[];

/** A task not finished, as the reminder sees it: no identities, no endpoint. */
export interface UnfinishedTask {
  taskId: string;
  requestId: string;
  holderId: string;
  holderName?: string;
  taskState: TaskState;
}

/** The request as the reminder sees it: no requester, no subject, no details. */
export interface OverdueRequestSummary {
  requestId: string;
  type: string;
  dueAt?: string;
  assignee?: string;
  remindedHoldersOverdueAt?: string;
}

export interface OverdueFulfilmentStore {
  /** Live tasks in an unfinished state. */
  unfinishedTasks(now: Date): Promise<UnfinishedTask[]>;
  /** The live requests of these ids. */
  requests(requestIds: string[], now: Date): Promise<OverdueRequestSummary[]>;
  /** The holders' names by id; an unknown id is left out. */
  holderNames(holderIds: string[]): Promise<Record<string, string>>;
  /**
   * Marks the request as reminded at `now` and enqueues the messages, all or nothing; StaleWriteError
   * when it was marked meanwhile.
   */
  recordReminder(requestId: string, messages: OutboxMessage[], now: Date): Promise<void>;
}

export interface OverdueStaff {
  /** The e-mail addresses of active staff holding the role. */
  activeEmails(role: StaffRole): Promise<string[]>;
  /** The address of an active staff member, if they are one. */
  activeEmailOf(staffId: string): Promise<string | undefined>;
}

export interface OverdueFulfilmentDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  store: OverdueFulfilmentStore;
  staff: OverdueStaff;
  secrets: SecretSource;
  clock: Clock;
}

export interface OverdueTally {
  reminded: number;
  messages: number;
  /** Requests no active staff member could be told of; tried again next run. */
  unaddressed: number;
}

function typeLabel(type: string) {
  return requestTypeSchema(type)?.label ?? { ja: type, en: type };
}

/** One e-mail in Japanese, then English: staff have no language of their own on file. */
export function overdueFulfilmentText(
  request: OverdueRequestSummary & { dueAt: string },
  unfinished: { holderName: string; taskState: TaskState }[],
  desk: DeskContact,
): { subject: string; text: string } {
  const holders = (language: 'ja' | 'en') =>
    unfinished.map((t) => `- ${t.holderName}: ${TASK_STATE_LABELS[t.taskState]?.[language] ?? t.taskState}`).join('\n');
  const due = (language: 'ja' | 'en') => formatJapanTime(request.dueAt, language);
  return {
    subject: `【期限超過・保有先の対応中】${request.requestId} / Request ${request.requestId} overdue: holders not finished`,
    text:
      `次のご請求は回答期限（${due('ja')}）を過ぎましたが、データを保有するシステム・委託先での対応が終わっていないため、回答が送られていません。デスクの画面で各保有先の状況を確認し、担当者による対応が必要なものは対応を記録するか、分かっている内容で回答してください。\n\n` +
      `受付番号: ${request.requestId}（${typeLabel(request.type).ja}）\n${holders('ja')}\n\n` +
      `This request is past its due date (${due('en')}) and its answer has not gone out: the systems and subcontractors holding the data have not all finished. Open it at the desk to see each holder, record what was done by hand where a person must act, or answer with what is known.\n\n` +
      `Request ${request.requestId} (${typeLabel(request.type).en})\n${holders('en')}${bilingualSignature(desk)}`,
  };
}

export async function remindOverdueFulfilment(deps: OverdueFulfilmentDeps): Promise<OverdueTally> {
  const now = deps.clock.now();
  const tally: OverdueTally = { reminded: 0, messages: 0, unaddressed: 0 };
  const tasks = await deps.store.unfinishedTasks(now);
  if (tasks.length === 0) return tally;
  const byRequest = new Map<string, UnfinishedTask[]>();
  for (const t of tasks) byRequest.set(t.requestId, [...(byRequest.get(t.requestId) ?? []), t]);
  const due = (await deps.store.requests([...byRequest.keys()], now))
    .filter((r): r is OverdueRequestSummary & { dueAt: string } => !!r.dueAt && new Date(r.dueAt) < now)
    .filter((r) => !r.remindedHoldersOverdueAt)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  if (due.length === 0) return tally;

  const unnamed = tasks.filter((t) => !t.holderName).map((t) => t.holderId);
  const names = unnamed.length ? await deps.store.holderNames([...new Set(unnamed)]) : {};
  const officers = await deps.staff.activeEmails('officer');
  let operators: string[] | undefined;

  for (const request of due) {
    const assignee = request.assignee ? await deps.staff.activeEmailOf(request.assignee) : undefined;
    const handlers = assignee ? [assignee] : (operators ??= await deps.staff.activeEmails('operator'));
    const recipients = [...new Set([...handlers, ...officers])];
    if (recipients.length === 0) {
      tally.unaddressed++;
      continue;
    }
    const unfinished = byRequest
      .get(request.requestId)!
      .map((t) => ({ holderName: t.holderName ?? names[t.holderId] ?? t.holderId, taskState: t.taskState }))
      .sort((a, b) => a.holderName.localeCompare(b.holderName, 'ja'));
    const content = overdueFulfilmentText(request, unfinished, deskContact(deps.company));
    const messages = recipients.map((to) =>
      outboxMessage(deps.secrets.id(), to, content, now, 'reminder-holders-overdue'),
    );
    try {
      await deps.store.recordReminder(request.requestId, messages, now);
      tally.reminded++;
      tally.messages += messages.length;
    } catch (error) {
      // Marked meanwhile by a concurrent run: the request has been reminded, once.
      if (!(error instanceof StaleWriteError)) throw error;
    }
  }
  return tally;
}
