// Doubles for the fan-out: a holder registry in memory, and a writer that applies task and request
// writes atomically with their version conditions, as the DynamoDB transaction does.
import type { FulfilmentTask } from '../../../functions/domain/fulfilment/task';
import type { FulfilmentTaskReader } from '../../../functions/domain/fulfilment/task-store';
import type { Holder, HolderReader } from '../../../functions/domain/holders/holder';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { DeskWrite } from '../../../functions/domain/requests/ports';
import { type ArrayRequestReader, RecordingWriter } from '../doubles';

export function holder(overrides: Partial<Holder> = {}): Holder {
  return {
    holderId: 'holder-crm',
    name: 'Mecara CRM',
    owner: 'Sales',
    kind: 'processor',
    categories: ['name', 'email'],
    purposes: ['service-provision'],
    endpoint: {
      baseUrl: 'https://opendsr.crm.example/v2',
      processorDomain: 'opendsr.crm.example',
      apiVersion: '2.0',
      supportedRequestTypes: ['access', 'erasure'],
      supportedIdentities: [{ identity_type: 'email', identity_format: 'raw' }],
      certificatePem: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----',
      certificateFingerprint: 'AA:BB',
      discoveredAt: '2026-11-01T00:00:00.000Z',
    },
    understandsDeskExtension: true,
    version: 1,
    registeredAt: '2026-11-01T00:00:00.000Z',
    registeredBy: 'officer-1',
    ...overrides,
  };
}

export class MemoryHolders implements HolderReader {
  constructor(readonly items: Holder[]) {}
  async get(holderId: string) {
    return this.items.find((h) => h.holderId === holderId);
  }
  async list() {
    return this.items.filter((h) => !h.retiredAt);
  }
}

export class MemoryTasks implements FulfilmentTaskReader {
  readonly items = new Map<string, FulfilmentTask>();
  async get(taskId: string) {
    const task = this.items.get(taskId);
    return task && structuredClone(task);
  }
  async listByRequest(requestId: string) {
    return [...this.items.values()].filter((t) => t.requestId === requestId).map((t) => structuredClone(t));
  }
  async due(state: FulfilmentTask['taskState'], now: Date, limit: number) {
    return [...this.items.values()]
      .filter((t) => t.taskState === state && t.nextContactAt <= now.toISOString())
      .slice(0, limit)
      .map((t) => structuredClone(t));
  }
}

/** Applies requests and tasks, each conditional on its expected version, all or nothing. */
export class TaskApplyingWriter extends RecordingWriter {
  constructor(
    readonly requests: ArrayRequestReader,
    readonly tasks: MemoryTasks,
  ) {
    super();
  }
  override async commit(writes: DeskWrite[]): Promise<void> {
    // Check everything, then record and apply, with no await in between: atomic, as a transaction is.
    for (const write of writes) {
      const expected = write.kind === 'request' || write.kind === 'fulfilment-task' ? write.expectedVersion : undefined;
      if (write.kind === 'request') {
        const current = this.requests.items.find((r) => r.requestId === write.request.requestId);
        if (expected === undefined ? current !== undefined : current?.version !== expected) throw new StaleWriteError();
      }
      if (write.kind === 'fulfilment-task') {
        const current = this.tasks.items.get(write.task.taskId);
        if (expected === undefined ? current !== undefined : current?.version !== expected) throw new StaleWriteError();
      }
    }
    this.record(writes);
    for (const write of writes) {
      if (write.kind === 'fulfilment-task') this.tasks.items.set(write.task.taskId, structuredClone(write.task));
      if (write.kind === 'request') {
        const index = this.requests.items.findIndex((r) => r.requestId === write.request.requestId);
        if (index >= 0) this.requests.items.splice(index, 1, structuredClone(write.request));
        else this.requests.items.push(structuredClone(write.request));
      }
    }
  }
}
