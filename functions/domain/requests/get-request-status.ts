// GET /v1/requests/{requestId}: the requester, holding the status token, sees where the request
// stands. An unknown id and a wrong token answer alike, so neither can be probed.
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { matchesHash } from '../kernel/secrets';
import type { RequestReader } from './ports';
import { groundLabels } from './types/schemas';

export interface GetRequestStatusDeps {
  requests: RequestReader;
  clock: Clock;
}

export async function getRequestStatus(deps: GetRequestStatusDeps, requestId: string, statusToken: string | undefined) {
  const request = await deps.requests.get(requestId, deps.clock.now());
  if (!request?.statusTokenHash || !statusToken || !matchesHash(statusToken, request.statusTokenHash)) {
    throw new DeskProblem(
      'not-found',
      'Request not found',
      'No request matches this id and status token. Use the link and token you received when you confirmed the request.',
    );
  }
  const { decision } = request;
  return {
    requestId: request.requestId,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    ...(request.answer?.state === 'awaiting-holders' ? { awaitingHolders: true as const } : {}),
    ...(decision
      ? {
          decision: {
            outcome: decision.outcome,
            grounds: decision.grounds,
            groundLabels: groundLabels(request.type, decision.grounds),
            ...(decision.reason ? { reason: decision.reason } : {}),
            decidedAt: decision.decidedAt,
          },
        }
      : {}),
  };
}
