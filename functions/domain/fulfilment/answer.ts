// The answer that waits for the holders (APPI Art. 34-35, policy §8(1)): a decision that reached
// other holders keeps its result e-mail with the request, and the e-mail is written to the outbox in
// the same transaction as the last task settling, with what was done where. Every settling change of
// a task also writes the request (conditional on its version), so of two tasks settling at once the
// second is retried and sees the first: the answer is released exactly once.
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { outboxMessage } from '../outbox';
import { categoryById } from '../personal-data/categories';
import type { DeskWrite, DeskWriter, RequestReader } from '../requests/ports';
import { answerAddress, type DeskRequest, type Language } from '../requests/request';
import { isSettled } from './fan-out';
import { completesDisclosure, fetchHolderRecords, holderResultsWrites, type ResultsDeps } from './results';
import type { FulfilmentTask } from './task';
import type { FulfilmentTaskReader } from './task-store';
import { HOLDER_SECTION_WORDS, TASK_DONE_WORDS } from './words';

export interface AnswerDeps {
  requests: RequestReader;
  tasks: FulfilmentTaskReader;
  writer: DeskWriter;
  secrets: Pick<SecretSource, 'id'>;
  clock: Clock;
  /**
   * Where a completed disclosure's results are fetched from and merged to (the callback route and the
   * contact workers); without it, completing a disclosure task merges nothing (closing one by hand).
   */
  results?: ResultsDeps;
}

/** Attempts at a settling write before giving up to the caller's retry (stream, schedule, holder). */
const SETTLE_ATTEMPTS = 5;

const categoryName = (id: string, language: Language) => categoryById(id)?.[language] ?? id;

/**
 * What was done where, for the person: each holder by its registered name and the categories it
 * was asked about, never its endpoint. Holders still pending are named as such.
 */
export function holderSection(tasks: readonly FulfilmentTask[], language: Language, partial: boolean): string {
  const done = tasks.filter((t) => t.taskState === 'completed');
  const pending = tasks.filter((t) => !isSettled(t));
  const name = (t: FulfilmentTask) => t.holderName ?? t.holderId;
  const cats = (t: FulfilmentTask) =>
    t.categories.map((c) => categoryName(c, language)).join(language === 'ja' ? '、' : ', ');
  const line = (t: FulfilmentTask, what: string) =>
    language === 'ja' ? `- ${name(t)}（${cats(t)}）: ${what}` : `- ${name(t)} (${cats(t)}): ${what}`;
  const lines = [
    HOLDER_SECTION_WORDS.heading[language],
    ...done.map((t) => line(t, TASK_DONE_WORDS[t.instruction][language])),
  ];
  if (partial && pending.length > 0) {
    lines.push(
      '',
      HOLDER_SECTION_WORDS.partial[language],
      ...pending.map((t) => line(t, HOLDER_SECTION_WORDS.pending[language])),
    );
  }
  return lines.join('\n');
}

/** The held e-mail with the holders' section put before the desk's signature. */
function withSection(message: { subject: string; text: string }, section: string) {
  // The signature (requests/notifications.ts) starts with the e-mail's "-- " line.
  const at = message.text.lastIndexOf('\n--\n');
  const text =
    at >= 0 ? `${message.text.slice(0, at)}\n\n${section}${message.text.slice(at)}` : `${message.text}\n\n${section}`;
  return { subject: message.subject, text };
}

/** The request with its answer released, and the e-mail to queue with it. */
export function releasedAnswer(
  request: DeskRequest,
  tasks: readonly FulfilmentTask[],
  now: Date,
  messageId: string,
  partial: boolean,
): { request: DeskRequest; writes: DeskWrite[] } {
  const held = request.answer;
  if (held?.state !== 'awaiting-holders' || !held.message)
    throw new Error(`Request ${request.requestId} holds no answer`);
  const at = now.toISOString();
  const content = withSection(held.message, holderSection(tasks, request.language, partial));
  const released: DeskRequest = {
    ...request,
    answer: { state: 'released', heldAt: held.heldAt, releasedAt: at, ...(partial ? { partial: true } : {}) },
    version: request.version + 1,
  };
  const message = outboxMessage(
    messageId,
    answerAddress(request),
    content,
    now,
    `decision-${request.status}`,
    request.requestId,
  );
  return {
    request: released,
    writes: [
      { kind: 'request', request: released, expectedVersion: request.version },
      { kind: 'outbox', message },
    ],
  };
}

/**
 * Applies `change` to a task and commits it; a change that settles the task writes the request with
 * it, releasing the held answer when it was the last. Returns the task as stored afterwards (unchanged
 * when `change` returns undefined). Retries when a concurrent writer moved the task or the request.
 */
export async function changeTask(
  deps: AnswerDeps,
  taskId: string,
  change: (task: FulfilmentTask) => FulfilmentTask | undefined,
): Promise<FulfilmentTask | undefined> {
  // A holder's results are fetched once per completion, however often the transaction is retried.
  const fetched = new Map<string, ReturnType<typeof fetchHolderRecords>>();
  for (let attempt = 1; ; attempt++) {
    const task = await deps.tasks.get(taskId);
    if (!task) return undefined;
    const next = change(task);
    if (!next) return task;
    const now = deps.clock.now();
    const writes: DeskWrite[] = [{ kind: 'fulfilment-task', task: next, expectedVersion: task.version }];
    if (isSettled(next) && !isSettled(task)) {
      const request = await deps.requests.get(task.requestId, now);
      const results = deps.results;
      if (results && completesDisclosure(task, next)) {
        // In the task's own transaction: the dossier has the holder's part exactly when the task is done.
        const key = next.resultsUrl ?? '';
        const records = () => {
          if (!fetched.has(key)) fetched.set(key, fetchHolderRecords(results, next));
          return fetched.get(key)!;
        };
        writes.push(...(await holderResultsWrites(results, request, next, records, now)));
      }
      if (request?.answer?.state === 'awaiting-holders') {
        const siblings = (await deps.tasks.listByRequest(task.requestId)).map((t) => (t.taskId === taskId ? next : t));
        if (siblings.every(isSettled)) {
          writes.push(...releasedAnswer(request, siblings, now, deps.secrets.id(), false).writes);
        } else {
          // Not the last: the request moves too, so a sibling settling at once is retried and sees this one.
          writes.push({
            kind: 'request',
            request: { ...request, version: request.version + 1 },
            expectedVersion: request.version,
          });
        }
      }
    }
    try {
      await deps.writer.commit(writes);
      return next;
    } catch (error) {
      if (!(error instanceof StaleWriteError) || attempt >= SETTLE_ATTEMPTS) throw error;
    }
  }
}

/**
 * Sends the held answer now (staff deciding to answer with what is known, or the last task settled):
 * with `partial`, the holders still pending are named; without it, only when every task has settled.
 */
export async function releaseAnswer(
  deps: AnswerDeps,
  requestId: string,
  { partial = false }: { partial?: boolean } = {},
): Promise<{ requestId: string; releasedAt: string; partial: boolean }> {
  const now = deps.clock.now();
  const request = await deps.requests.get(requestId, now);
  if (request?.answer?.state !== 'awaiting-holders') {
    throw new DeskProblem(
      'conflict',
      'No answer waiting',
      'This request has no answer waiting for its holders: it was already sent, or the request was withdrawn.',
    );
  }
  const tasks = await deps.tasks.listByRequest(requestId);
  const pending = tasks.filter((t) => !isSettled(t));
  if (pending.length > 0 && !partial) {
    throw new DeskProblem(
      'conflict',
      'Holders still pending',
      `${pending.length} holder(s) have not finished. Answer with what is known to send the answer now; it will name them.`,
    );
  }
  const { writes } = releasedAnswer(request, tasks, now, deps.secrets.id(), pending.length > 0);
  try {
    await deps.writer.commit(writes);
  } catch (error) {
    if (error instanceof StaleWriteError)
      throw new DeskProblem(
        'conflict',
        'Request changed',
        'The request or a task changed meanwhile. Reload it and try again.',
      );
    throw error;
  }
  return { requestId, releasedAt: now.toISOString(), partial: pending.length > 0 };
}
