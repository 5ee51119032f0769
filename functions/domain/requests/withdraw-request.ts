// POST /v1/requests/{requestId}/withdrawal: the requester, holding the status token, withdraws an
// open request. The request closes, and the acknowledgement e-mail commits with it. An unknown id
// and a wrong token answer alike, as when reading the status, so neither can be probed.

import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { matchesHash } from '../kernel/secrets';
import { outboxMessage } from '../outbox';
import { withdrawnMessage } from './notifications';
import type { DeskWriter, RequestReader } from './ports';
import { answerAddress, closedRequestExpiry, type DeskRequest, isOpen } from './request';
import { commitOrConflict } from './request-store';
import { requestTypeSchema } from './types/schemas';

export interface WithdrawRequestDeps {
  requests: RequestReader;
  writer: DeskWriter;
  secrets: SecretSource;
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
  if (!isOpen(request)) {
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
    version: request.version + 1,
    expiresAt: closedRequestExpiry(now),
  };
  const label = requestTypeSchema(request.type)?.label ?? { ja: request.type, en: request.type };
  const message = outboxMessage(
    deps.secrets.id(),
    answerAddress(request),
    withdrawnMessage(request, label, closedAt),
    now,
    'request-withdrawn',
    request.requestId,
  );
  await commitOrConflict(
    deps.writer,
    [
      { kind: 'request', request: withdrawn, expectedVersion: request.version },
      { kind: 'outbox', message },
    ],
    'Request changed',
    'The desk changed this request while you were withdrawing it. Read its status and withdraw again if it is still open.',
  );
  return { requestId, status: 'withdrawn' as const, closedAt };
}
