// What the fulfilment use cases read of the tasks; every change goes through the DeskWriter, in one
// transaction with the request and the answer it may release.
import type { FulfilmentTask, TaskState } from './task';

export interface FulfilmentTaskReader {
  get(taskId: string): Promise<FulfilmentTask | undefined>;
  /** Every task a request made. */
  listByRequest(requestId: string): Promise<FulfilmentTask[]>;
  /** Tasks in this state whose nextContactAt is due by `now`, soonest first. */
  due(state: TaskState, now: Date, limit: number): Promise<FulfilmentTask[]>;
}
