// A holder's status callback (OpenDSR §8.6), after its signature was verified against the pinned
// certificate of the holders registered under the domain it names. Only the holder a task went to may
// move it, only to the desk's own callback URL, and only forward: a replayed or stale callback is
// answered 200 and changes nothing, as the specification expects a controller to acknowledge it.
import { DeskProblem } from '../kernel/problems';
import { type AnswerDeps, changeTask } from './answer';
import { holderReported } from './contact';
import type { OpenDsrCallback } from './opendsr';

export interface CallbackDeps extends AnswerDeps {
  /** The desk's own callback URL, the one its requests name. */
  callbackUrl: string;
}

/** An unknown task and another holder's task answer alike, so neither can be probed. */
const unknownTask = () =>
  new DeskProblem(
    'not-found',
    'Unknown request',
    'No request sent to your processor domain has this subject_request_id. Check the id in your receipt.',
  );

/**
 * Records the callback. `verifiedHolderIds`: the holders whose pinned certificate verified the
 * signature. Returns whether the task moved.
 */
export async function receiveCallback(
  deps: CallbackDeps,
  verifiedHolderIds: readonly string[],
  callback: OpenDsrCallback,
): Promise<{ subjectRequestId: string; changed: boolean }> {
  if (callback.status_callback_url !== deps.callbackUrl) {
    throw new DeskProblem(
      'forbidden',
      'Not this desk’s callback URL',
      'status_callback_url must be the URL this desk gave in the request’s status_callback_urls.',
    );
  }
  const task = await deps.tasks.get(callback.subject_request_id);
  if (!task || !verifiedHolderIds.includes(task.holderId)) throw unknownTask();
  const at = deps.clock.now().toISOString();
  let changed = false;
  await changeTask(deps, task.taskId, (t) => {
    const next = holderReported(t, callback.request_status, at, callback);
    if (next === t) return undefined;
    changed = true;
    return {
      ...next,
      contacts: [...t.contacts, { at, kind: 'callback', outcome: callback.request_status }],
      version: t.version + 1,
    };
  });
  return { subjectRequestId: task.taskId, changed };
}
