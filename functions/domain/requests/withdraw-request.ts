// POST /v1/requests/{requestId}/withdrawal: the requester, holding the status token, withdraws an
// open request. The request closes, and the acknowledgement e-mail commits with it. An unknown id
// and a wrong token answer alike, as when reading the status, so neither can be probed.

import { type Company, deskContact } from '../company';
import type { FulfilmentTask } from '../fulfilment/task';
import type { FulfilmentTaskReader } from '../fulfilment/task-store';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { matchesHash } from '../kernel/secrets';
import { outboxMessage } from '../outbox';
import { withdrawnMessage } from './notifications';
import type { DeskWrite, DeskWriter, RequestReader } from './ports';
import { answerAddress, closedRequestExpiry, type DeskRequest, isOpen } from './request';
import { commitOrConflict } from './request-store';
import { requestTypeSchema } from './types/schemas';

export interface WithdrawRequestDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  requests: RequestReader;
  writer: DeskWriter;
  secrets: SecretSource;
  /** The decision's fulfilment tasks: a withdrawal while the answer awaits the holders cancels theirs. */
  tasks?: Pick<FulfilmentTaskReader, 'listByRequest'>;
  clock: Clock;
}

export interface WithdrawalInput {
  reason?: string;
}

export async function withdrawRequest(
  deps: WithdrawRequestDeps,
  requestId: string,
  statusToken: string | undefined,
  input: WithdrawalInput = {},
) {
  const now = deps.clock.now();
  const request = await deps.requests.get(requestId, now);
  if (!request?.statusTokenHash || !statusToken || !matchesHash(statusToken, request.statusTokenHash)) {
    throw new DeskProblem(
      'not-found',
      'Request not found',
      'No request matches this id and status token. Use the link and token you received when you confirmed the request.',
    );
  }
  // A decided request whose answer still waits for the holders may be withdrawn too: what the holders
  // have not yet done is cancelled, and the acknowledgement replaces the held answer.
  const awaitingHolders = request.answer?.state === 'awaiting-holders';
  if (!isOpen(request) && !awaitingHolders) {
    throw new DeskProblem(
      'conflict',
      'Request closed',
      `This request is already ${request.status} and closed; only an open request can be withdrawn.`,
      undefined,
      { slug: 'request-closed', extensions: { requestStatus: request.status } },
    );
  }

  const closedAt = now.toISOString();
  const withdrawn: DeskRequest = {
    ...request,
    status: 'withdrawn',
    closedAt,
    history: [
      ...request.history,
      { at: closedAt, event: 'withdrawn', ...(input.reason ? { reason: input.reason } : {}) },
    ],
    ...(awaitingHolders && request.answer
      ? { answer: { state: 'withdrawn' as const, heldAt: request.answer.heldAt } }
      : {}),
    version: request.version + 1,
    expiresAt: closedRequestExpiry(now),
  };
  const taskWrites: DeskWrite[] =
    awaitingHolders && deps.tasks
      ? (await deps.tasks.listByRequest(requestId)).flatMap((task) => {
          const next = withdrawnTask(task, closedAt);
          return next ? [{ kind: 'fulfilment-task' as const, task: next, expectedVersion: task.version }] : [];
        })
      : [];
  const label = requestTypeSchema(request.type)?.label ?? { ja: request.type, en: request.type };
  const message = outboxMessage(
    deps.secrets.id(),
    answerAddress(request),
    withdrawnMessage(request, label, closedAt, deskContact(deps.company)),
    now,
    'request-withdrawn',
    request.requestId,
  );
  await commitOrConflict(
    deps.writer,
    [
      { kind: 'request', request: withdrawn, expectedVersion: request.version },
      ...taskWrites,
      { kind: 'outbox', message },
    ],
    'Request changed',
    'The desk changed this request while you were withdrawing it. Read its status and withdraw again if it is still open.',
  );
  return { requestId, status: 'withdrawn' as const, closedAt };
}

/**
 * A task on withdrawal: not yet accepted (or waiting for a person) → cancelled; accepted by the
 * holder → cancel-pending, for the worker to cancel there (OpenDSR §9); done or cancelled stays.
 */
export function withdrawnTask(task: FulfilmentTask, at: string): FulfilmentTask | undefined {
  const base = { ...task, version: task.version + 1 };
  const { identities: _i, corrections: _c, ...withoutPersonalData } = base;
  switch (task.taskState) {
    case 'to-send':
    case 'needs-person':
      return {
        ...withoutPersonalData,
        taskState: 'cancelled',
        contacts: [...task.contacts, { at, kind: 'person', outcome: 'withdrawn before sent' }],
      };
    case 'sent':
      return { ...base, taskState: 'cancel-pending', nextContactAt: at, attempts: 0 };
    default:
      return undefined;
  }
}
