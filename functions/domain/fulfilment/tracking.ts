// What the desk's staff see of a decided request at the holders: each task with the holder's name,
// what it was asked, where it stands and its last contact (APPI Art. 34-35, policy §8(1): a decision
// is kept only when every system and subcontractor holding the data has acted). Tasks hold no
// personal data once the holder accepted them, and the view shows none: no identities, no endpoints.
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import type { DeskRequest } from '../requests/request';
import type { StaffActor } from '../staff';
import { type AnswerDeps, changeTask, releaseAnswer } from './answer';
import type { FulfilmentTask, TaskContact, TaskInstruction, TaskState } from './task';
import { type AnswerState, FINISHED_TASK_STATES } from './tracking-words';

export interface TaskTracker {
  /** Every task of a request, live (not past expiresAt). */
  tasksOf(requestId: string, now: Date): Promise<FulfilmentTask[]>;
  /** The holders' names by id (the registry's current version); an unknown id is left out. */
  holderNames(holderIds: string[]): Promise<Record<string, string>>;
}

export interface TaskView {
  taskId: string;
  holderId: string;
  /** The holder's registered name; its id when the registry no longer knows it. */
  holderName: string;
  instruction: TaskInstruction;
  categories: string[];
  state: TaskState;
  lastContact?: TaskContact;
  expectedCompletionAt?: string;
  completedAt?: string;
  resultsCount?: number;
  closedByPerson?: { by: string; at: string; note: string };
}

function namedAtCreation(task: FulfilmentTask): string | undefined {
  return (task as FulfilmentTask & { holderName?: string }).holderName;
}

export function isFinished(task: Pick<FulfilmentTask, 'taskState'>): boolean {
  return FINISHED_TASK_STATES.includes(task.taskState);
}

/** Tasks in the registry's order of holder names, so the console and the e-mails list them alike. */
export async function trackedTasks(
  tracker: Pick<TaskTracker, 'tasksOf' | 'holderNames'>,
  requestId: string,
  now: Date,
): Promise<TaskView[]> {
  const tasks = await tracker.tasksOf(requestId, now);
  if (tasks.length === 0) return [];
  // A task made since names carry the holder's name as it was then; older ones ask the registry.
  const unnamed = tasks.filter((t) => !namedAtCreation(t)).map((t) => t.holderId);
  const names = unnamed.length ? await tracker.holderNames([...new Set(unnamed)]) : {};
  return tasks
    .map((t) => ({
      taskId: t.taskId,
      holderId: t.holderId,
      holderName: namedAtCreation(t) ?? names[t.holderId] ?? t.holderId,
      instruction: t.instruction,
      categories: t.categories,
      state: t.taskState,
      ...(t.contacts.length ? { lastContact: t.contacts.at(-1)! } : {}),
      ...(t.expectedCompletionAt ? { expectedCompletionAt: t.expectedCompletionAt } : {}),
      ...(t.completedAt ? { completedAt: t.completedAt } : {}),
      ...(t.resultsCount !== undefined ? { resultsCount: t.resultsCount } : {}),
      ...(t.closedByPerson ? { closedByPerson: t.closedByPerson } : {}),
    }))
    .sort((a, b) => a.holderName.localeCompare(b.holderName, 'ja') || a.taskId.localeCompare(b.taskId));
}

/**
 * A person records what was done by hand at a holder the desk could not instruct (needs-person):
 * the task is completed with the note, who and when, and when it was the last unfinished task the
 * held answer goes out in the same transaction (answer.ts changeTask). Only a needs-person task may be
 * closed so, and only once: of two staff closing it at once, one wins and the other gets 409.
 */
export async function closeTaskByHand(
  deps: AnswerDeps,
  actor: StaffActor,
  taskId: string,
  note: string,
): Promise<FulfilmentTask> {
  let closed: FulfilmentTask | undefined;
  const stored = await changeTask(deps, taskId, (task) => {
    if (task.taskState !== 'needs-person') return undefined;
    const at = deps.clock.now().toISOString();
    closed = {
      ...task,
      taskState: 'completed',
      completedAt: at,
      nextContactAt: at,
      closedByPerson: { by: actor.staffId, at, note },
      contacts: [...task.contacts, { at, kind: 'person', outcome: 'completed' }],
      version: task.version + 1,
    };
    return closed;
  }).catch((error: unknown) => {
    if (!(error instanceof StaleWriteError)) throw error;
    throw new DeskProblem(
      'conflict',
      'Changed meanwhile',
      'Someone else changed this task or its request while you were writing. Reload the request to see where it stands.',
    );
  });
  if (!stored) throw new DeskProblem('not-found', 'No such task', 'No task at a holder has this id. Check the link.');
  if (stored !== closed) {
    throw new DeskProblem(
      'conflict',
      'Not waiting for a person',
      `This task is ${stored.taskState}: only a task that needs a person can be closed by recording what was done by hand. Reload the request to see where it stands.`,
    );
  }
  return stored;
}

/**
 * Staff send the held answer now, with what is known (APPI Art. 33(2), 34(3), 35(7): "without delay"):
 * the e-mail names the holders that have not finished. Only while the answer still waits (409 otherwise).
 */
export function answerWithWhatIsKnown(deps: AnswerDeps, requestId: string) {
  return releaseAnswer(deps, requestId, { partial: true });
}

/**
 * Where the answer to the person stands. The decision keeps it with the request while tasks are open
 * ('awaiting-holders'); it is released when every task is finished, or earlier by staff with what was
 * known ('sent-partial').
 */
export function answerStateOf(request: Pick<DeskRequest, 'answer'>): AnswerState | undefined {
  const { answer } = request;
  if (!answer) return undefined;
  if (answer.state === 'awaiting-holders' || answer.state === 'withdrawn') return answer.state;
  return answer.partial ? 'sent-partial' : 'sent';
}
