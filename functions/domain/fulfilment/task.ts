// A fulfilment task: a decided request carried to one holder (APPI Art. 34-35, policy §8(1)). The
// decision creates it in its own transaction, so no decision stands without its tasks; the task
// then records every contact with the holder until the holder has done what was decided.
import type { OpenDsrRequestStatus } from './opendsr';

/** The domain the desk's OpenDSR extension is keyed by (OpenDSR §7.1.2): the desk's public host. */
export const DESK_OPENDSR_EXTENSION = 'DESK_OPENDSR_EXTENSION_DOMAIN';

/** What the holder is asked to do, in the request types of the Act. */
export type TaskInstruction = 'disclosure' | 'correction' | 'cessation-of-use' | 'erasure';

/**
 * to-send: not yet accepted by the holder (first send or a retry after a failure);
 * sent: accepted, awaiting the holder's callback or the next poll;
 * completed: the holder reports it done; cancelled: withdrawn before the holder acted;
 * cancel-pending: a cancellation still to reach the holder;
 * needs-person: the holder refused, answered wrongly, or cannot take this instruction by OpenDSR;
 * a person must act and record what was done.
 */
export const TASK_STATES = ['to-send', 'sent', 'completed', 'cancel-pending', 'cancelled', 'needs-person'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export interface TaskContact {
  at: string;
  /** What was done: send, poll, cancel, or a callback from the holder. */
  kind: 'send' | 'poll' | 'cancel' | 'callback' | 'person';
  /** The holder's request_status after it, or why it failed (never personal data). */
  outcome: string;
}

/** One identity of the person as the holder knows it (OpenDSR §5): personal data, kept only until the holder accepted the task. */
export interface TaskIdentity {
  /** OpenDSR identity_type: 'email' or 'controller_customer_id'. */
  type: string;
  value: string;
}

/** A correction the holder is asked to make (the desk's extension): personal data, kept only until accepted. */
export interface TaskCorrection {
  category: string;
  action: 'correct' | 'add';
  value: string;
}

export interface FulfilmentTask {
  /** The OpenDSR subject_request_id (UUID v4). */
  taskId: string;
  requestId: string;
  holderId: string;
  /** The holder's version the task was created against (its endpoint and certificate). */
  holderVersion: number;
  instruction: TaskInstruction;
  /** The registry categories the holder is asked about. */
  categories: string[];
  taskState: TaskState;
  /** ISO instant of the next send, retry or poll; the byState index sorts by it. */
  nextContactAt: string;
  attempts: number;
  contacts: TaskContact[];
  holderStatus?: OpenDsrRequestStatus;
  expectedCompletionAt?: string;
  /** The holder's results (OpenDSR results_url) for a disclosure, same origin as its endpoint. */
  resultsUrl?: string;
  resultsCount?: number;
  createdAt: string;
  completedAt?: string;
  /** What a person recorded when they closed a needs-person task. */
  closedByPerson?: { by: string; at: string; note: string };
  /** The holder's name when the task was made, for the answer and the staff view (never its endpoint). */
  holderName?: string;
  /** The identities to send; removed once the holder accepted the task. */
  identities?: TaskIdentity[];
  /** For a correction: what to change; removed once the holder accepted the task. */
  corrections?: TaskCorrection[];
  /** For a cessation of use: the purposes ceased (registered purpose ids). */
  purposes?: string[];
  version: number;
  expiresAt: number;
}
