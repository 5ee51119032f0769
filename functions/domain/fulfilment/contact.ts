// Carrying a task to its holder over OpenDSR: the first send, retries while the holder is down, polls
// of a holder that sends no callback, and cancellations (OpenDSR §7, §8.2, §9). Each contact first
// claims the task by a write conditional on its version, so of the stream worker and the schedule
// (or two of either) only one contacts the holder; the claim expires, so a worker that died mid-way
// leaves the task to the next sweep, never lost. A holder that is down is retried with backoff for as
// long as it takes; one that refuses or answers wrongly leaves the task to a person.
import type { HolderReader } from '../holders/holder';
import { StaleWriteError } from '../kernel/problems';
import { type AnswerDeps, changeTask } from './answer';
import { requestForTask } from './opendsr-codec';
import { HolderAnswerError, type HolderClient, HolderUnavailableError } from './ports';
import type { FulfilmentTask, TaskContact, TaskState } from './task';

/** The first retry after a holder was unreachable; each further failure doubles it, up to the maximum. */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 60 * 60_000;
/** A task the holder accepted is polled after this if no callback closed it (OpenDSR §8.2: callbacks are optional). */
export const FIRST_POLL_MS = 15 * 60_000;
/** …and then this often, until it completes. */
export const POLL_EVERY_MS = 60 * 60_000;
/** A claim's lifetime: a worker that died mid-contact leaves the task due again after this. */
export const CLAIM_MS = 5 * 60_000;
/** Tasks one sweep contacts per state; the rest wait for the next minute. */
export const SWEEP_LIMIT = 10;

/** The states in which the desk owes the holder a contact. */
export const CONTACT_STATES = ['to-send', 'sent', 'cancel-pending'] as const satisfies readonly TaskState[];

export function retryDelayMs(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
}

export interface ContactDeps extends AnswerDeps {
  holders: Pick<HolderReader, 'get'>;
  client: HolderClient;
  /** The desk's callback URL (status_callback_urls) and its extension domain (DESK_OPENDSR_EXTENSION_DOMAIN). */
  callbackUrl: string;
  extensionDomain: string;
}

export type ContactOutcome =
  | 'not-due'
  | 'taken'
  | 'sent'
  | 'polled'
  | 'completed'
  | 'cancelled'
  | 'retry'
  | 'needs-person';

const plus = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** The task without what only the first send needed: the person's identities and corrections. */
function withoutPersonalData(task: FulfilmentTask): FulfilmentTask {
  const { identities: _i, corrections: _c, ...rest } = task;
  return rest;
}

/** Contacts the holder about one task if it is due, and records the contact. */
export async function contactHolder(deps: ContactDeps, taskId: string): Promise<ContactOutcome> {
  const now = deps.clock.now();
  const task = await deps.tasks.get(taskId);
  if (
    !task ||
    !(CONTACT_STATES as readonly string[]).includes(task.taskState) ||
    task.nextContactAt > now.toISOString()
  )
    return 'not-due';
  const claimed: FulfilmentTask = { ...task, nextContactAt: plus(now, CLAIM_MS), version: task.version + 1 };
  try {
    await deps.writer.commit([{ kind: 'fulfilment-task', task: claimed, expectedVersion: task.version }]);
  } catch (error) {
    if (error instanceof StaleWriteError) return 'taken';
    throw error;
  }

  const at = now.toISOString();
  const kind: TaskContact['kind'] =
    task.taskState === 'to-send' ? 'send' : task.taskState === 'sent' ? 'poll' : 'cancel';
  let outcome: ContactOutcome;
  let next: (t: FulfilmentTask) => FulfilmentTask;
  try {
    ({ outcome, next } = await exchange(deps, claimed, now, kind));
  } catch (error) {
    if (error instanceof HolderUnavailableError) {
      outcome = 'retry';
      const failures = claimed.attempts + 1;
      next = (t) => ({
        ...t,
        attempts: failures,
        nextContactAt: plus(now, retryDelayMs(failures)),
        contacts: [...t.contacts, { at, kind, outcome: 'holder unavailable' }],
      });
    } else if (error instanceof HolderAnswerError) {
      outcome = 'needs-person';
      const why = `holder answer not accepted${error.status ? ` (HTTP ${error.status})` : ''}`;
      next = (t) => ({ ...t, taskState: 'needs-person', contacts: [...t.contacts, { at, kind, outcome: why }] });
    } else {
      throw error;
    }
  }
  // Written on the claimed version only: a callback that moved the task meanwhile wins. A withdrawal
  // that cancelled it while the holder was accepting it leaves a cancellation owed to the holder.
  await changeTask(deps, taskId, (t) => {
    if (t.version === claimed.version) return { ...next(t), version: t.version + 1 };
    if (outcome === 'sent' && t.taskState === 'cancelled' && t.holderStatus === undefined)
      return {
        ...t,
        taskState: 'cancel-pending',
        nextContactAt: at,
        contacts: [...t.contacts, { at, kind, outcome: 'pending' }],
        version: t.version + 1,
      };
    return undefined;
  });
  return outcome;
}

async function exchange(
  deps: ContactDeps,
  task: FulfilmentTask,
  now: Date,
  kind: TaskContact['kind'],
): Promise<{ outcome: ContactOutcome; next: (t: FulfilmentTask) => FulfilmentTask }> {
  const at = now.toISOString();
  const contact = (outcome: string): TaskContact => ({ at, kind, outcome });
  const holder = await deps.holders.get(task.holderId);
  if (!holder) {
    return {
      outcome: 'needs-person',
      next: (t) => ({ ...t, taskState: 'needs-person', contacts: [...t.contacts, contact('holder not registered')] }),
    };
  }
  if (task.taskState === 'to-send') {
    const request = await deps.requests.get(task.requestId, now);
    const identities = task.identities ?? [];
    const built = requestForTask({
      task,
      holder,
      identities: {
        emails: identities.filter((i) => i.type === 'email').map((i) => i.value),
        customerIds: identities.filter((i) => i.type === 'controller_customer_id').map((i) => i.value),
      },
      submittedAt: request?.createdAt ?? task.createdAt,
      callbackUrl: deps.callbackUrl,
      extensionDomain: deps.extensionDomain,
      ...(task.corrections ? { corrections: task.corrections } : {}),
      ...(task.purposes ? { ceasedPurposes: task.purposes } : {}),
    });
    if (!built.sendable) {
      return {
        outcome: 'needs-person',
        next: (t) => ({ ...t, taskState: 'needs-person', contacts: [...t.contacts, contact(built.reason)] }),
      };
    }
    const receipt = await deps.client.submit(holder.endpoint, built.request);
    return {
      outcome: 'sent',
      next: (t) => ({
        ...withoutPersonalData(t),
        taskState: 'sent',
        holderStatus: 'pending',
        expectedCompletionAt: receipt.expected_completion_time,
        attempts: 0,
        nextContactAt: new Date(now.getTime() + FIRST_POLL_MS).toISOString(),
        contacts: [...t.contacts, contact('pending')],
      }),
    };
  }
  if (task.taskState === 'sent') {
    const status = await deps.client.status(holder.endpoint, task.taskId);
    return {
      outcome:
        status.request_status === 'completed'
          ? 'completed'
          : status.request_status === 'cancelled'
            ? 'cancelled'
            : 'polled',
      next: (t) => ({
        ...holderReported(t, status.request_status, at, status),
        contacts: [...t.contacts, contact(status.request_status)],
        attempts: 0,
        nextContactAt: new Date(now.getTime() + POLL_EVERY_MS).toISOString(),
      }),
    };
  }
  await deps.client.cancel(holder.endpoint, task.taskId);
  return {
    outcome: 'cancelled',
    next: (t) => ({
      ...t,
      taskState: 'cancelled',
      holderStatus: 'cancelled',
      attempts: 0,
      contacts: [...t.contacts, contact('cancelled')],
    }),
  };
}

/** The order the holder's statuses follow: a status never moves back (a stale poll or a replayed callback). */
const STATUS_RANK = { pending: 0, in_progress: 1, completed: 2, cancelled: 2 } as const;

/**
 * The task after the holder reported `status`: completed or cancelled settles it; pending or in
 * progress is recorded if it is news. Returns the task unchanged (same object) when nothing moves.
 */
export function holderReported(
  task: FulfilmentTask,
  status: keyof typeof STATUS_RANK,
  at: string,
  facts: { expected_completion_time?: string; results_url?: string; results_count?: number } = {},
): FulfilmentTask {
  if (task.taskState === 'completed' || task.taskState === 'cancelled') return task;
  if (task.holderStatus && STATUS_RANK[status] < STATUS_RANK[task.holderStatus]) return task;
  if (task.holderStatus === status && status !== 'completed' && status !== 'cancelled' && task.taskState === 'sent')
    return task;
  const base = {
    ...withoutPersonalData(task),
    holderStatus: status,
    ...(facts.expected_completion_time ? { expectedCompletionAt: facts.expected_completion_time } : {}),
  };
  if (status === 'completed') {
    return {
      ...base,
      taskState: 'completed',
      completedAt: at,
      ...(facts.results_url ? { resultsUrl: facts.results_url } : {}),
      ...(facts.results_count !== undefined ? { resultsCount: facts.results_count } : {}),
    };
  }
  if (status === 'cancelled') return { ...base, taskState: 'cancelled' };
  // Pending or in progress at the holder: accepted, whatever the desk had recorded (a callback may
  // overtake the desk's own record of the send); a cancellation still owed stays owed.
  return { ...base, taskState: task.taskState === 'cancel-pending' ? 'cancel-pending' : 'sent' };
}
