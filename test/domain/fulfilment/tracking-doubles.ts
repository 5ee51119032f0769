// A request's fulfilment tasks and the holders' names, in memory, for the tracking use cases.
import type { FulfilmentTask } from '../../../functions/domain/fulfilment/task';
import type { TaskTracker } from '../../../functions/domain/fulfilment/tracking';

export class MemoryTaskTracker implements TaskTracker {
  constructor(
    readonly tasks: FulfilmentTask[] = [],
    readonly names: Record<string, string> = {},
  ) {}
  async tasksOf(requestId: string) {
    return this.tasks.filter((t) => t.requestId === requestId);
  }
  async holderNames(ids: string[]) {
    return Object.fromEntries(ids.filter((id) => this.names[id]).map((id) => [id, this.names[id]!]));
  }
}

/** A task as the decision makes it, sent and awaiting the holder. */
export function sentTask(overrides: Partial<FulfilmentTask> = {}): FulfilmentTask {
  return {
    taskId: '7d1f3c1e-8a2b-4c3d-9e4f-5a6b7c8d9e0f',
    requestId: 'req-1',
    holderId: 'holder-crm',
    holderVersion: 1,
    instruction: 'erasure',
    categories: ['contact'],
    taskState: 'sent',
    nextContactAt: '2026-11-12T03:00:00.000Z',
    attempts: 1,
    contacts: [{ at: '2026-11-12T02:30:00.000Z', kind: 'send', outcome: 'pending' }],
    createdAt: '2026-11-12T02:29:00.000Z',
    version: 2,
    expiresAt: 4_000_000_000,
    ...overrides,
  };
}
