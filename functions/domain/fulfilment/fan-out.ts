// Which holders a decision reaches, and the task each gets (APPI Art. 34-35, policy §8(1)): a decided
// disclosure, correction, cessation of use or erasure concerns the person's data wherever it is held,
// so every registered holder of the affected categories is asked to act too.

import type { Holder } from '../holders/holder';
import type { Holdings } from '../holdings';
import type { FulfilmentTask, TaskCorrection, TaskIdentity, TaskInstruction } from './task';

/** What one fulfilment affected, as far as other holders must follow it. */
export interface Reach {
  instruction: TaskInstruction;
  /** The desk's subjects the person is held under. */
  subjectIds: string[];
  /** The registry categories affected. */
  categories: string[];
  corrections?: TaskCorrection[];
  /** A cessation of use: the purposes ceased. */
  purposes?: string[];
  /** An erasure of these categories only, not of the person: needs a holder that carries out the desk extension. */
  onlyCategories?: boolean;
  /** The person's identities, from their identifier records (identitiesOf). */
  identities: TaskIdentity[];
}

/** The desk's identifier categories as OpenDSR names them (OpenDSR §5.1). */
const IDENTITY_TYPES: Record<string, string> = { email: 'email', 'customer-id': 'controller_customer_id' };

/** The person's identities from their identifier records, each once. */
export function identitiesOf(held: Pick<Holdings, 'records'>): TaskIdentity[] {
  const seen = new Set<string>();
  const identities: TaskIdentity[] = [];
  for (const record of held.records) {
    const type = IDENTITY_TYPES[record.category];
    const value = record.category === 'email' ? record.value.trim().toLowerCase() : record.value.trim();
    if (!type || seen.has(`${type} ${value}`)) continue;
    seen.add(`${type} ${value}`);
    identities.push({ type, value });
  }
  return identities;
}

/** Why a holder cannot take this instruction by OpenDSR, if it cannot: a person must then ask it. */
export function unsendable(holder: Holder, reach: Pick<Reach, 'instruction' | 'onlyCategories'>): string | undefined {
  const types = holder.endpoint.supportedRequestTypes;
  const extension = holder.understandsDeskExtension ? undefined : 'holder does not carry out the desk extension';
  if (reach.instruction === 'disclosure')
    return types.includes('access') ? undefined : 'holder takes no access requests';
  if (reach.instruction === 'erasure') {
    if (!types.includes('erasure')) return 'holder takes no erasure requests';
    // OpenDSR erasure is of the whole person (§6.2); erasing some categories only is the desk's extension.
    return reach.onlyCategories ? extension : undefined;
  }
  return extension;
}

/** Tasks are kept as long as the request that made them is (its retention counts from the decision). */
export interface TaskOptions {
  requestId: string;
  now: Date;
  expiresAt: number;
  newId: () => string;
}

/**
 * One task per holder not retired whose categories meet what the decision affected, per instruction
 * (a correction that also deletes a record gives a holder a correction task and an erasure task).
 * The identities sent are only those whose type the holder said it takes.
 */
export function tasksFor(
  reach: readonly Reach[],
  holders: readonly Holder[],
  { requestId, now, expiresAt, newId }: TaskOptions,
): FulfilmentTask[] {
  const at = now.toISOString();
  const tasks: FulfilmentTask[] = [];
  for (const r of reach) {
    for (const holder of holders) {
      if (holder.retiredAt) continue;
      const categories = r.categories.filter((c) => holder.categories.includes(c)).sort();
      if (categories.length === 0) continue;
      const known = new Set(holder.endpoint.supportedIdentities.map((i) => i.identity_type));
      const sent = r.identities.filter((i) => known.has(i.type));
      const fault =
        unsendable(holder, r) ?? (sent.length === 0 ? 'holder knows none of the identifiers held' : undefined);
      const corrections = r.corrections?.filter((c) => categories.includes(c.category));
      tasks.push({
        taskId: newId(),
        requestId,
        holderId: holder.holderId,
        holderVersion: holder.version,
        holderName: holder.name,
        instruction: r.instruction,
        categories,
        taskState: fault ? 'needs-person' : 'to-send',
        nextContactAt: at,
        attempts: 0,
        contacts: fault ? [{ at, kind: 'person', outcome: fault }] : [],
        ...(fault ? {} : { identities: sent }),
        ...(corrections?.length && !fault ? { corrections } : {}),
        ...(r.purposes?.length ? { purposes: [...r.purposes] } : {}),
        createdAt: at,
        version: 1,
        expiresAt,
      });
    }
  }
  return tasks;
}

/** A task the holder has finished with, one way or another; a needs-person task waits for a person. */
export function isSettled(task: Pick<FulfilmentTask, 'taskState'>): boolean {
  return task.taskState === 'completed' || task.taskState === 'cancelled';
}
