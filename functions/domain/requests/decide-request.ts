// POST /v1/staff/requests/{requestId}/decision: an operator decides. The decision, what fulfilling
// it writes, and the result e-mail commit together, and only if nobody decided first.
import { outboxMessage } from '../outbox';
import type { AccessLogWriter, Clock, DeskWrite, DeskWriter, HoldingsReader, RequestReader, SecretSource } from '../ports';
import { DeskProblem } from '../problems';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import { refusalMessage } from './notifications';
import { requestType } from './request-types';
import { commitOrConflict, getConfirmedRequest } from './request-store';
import { closedRequestExpiry, isOpen, type DecisionOutcome, type DeskRequest } from './request';

export interface DecideRequestDeps {
  requests: RequestReader;
  holdings: HoldingsReader;
  purposes: PurposeVersionReader;
  accessLog: AccessLogWriter;
  writer: DeskWriter;
  secrets: SecretSource;
  clock: Clock;
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  grounds?: string[];
  reason?: string;
}

export async function decideRequest(
  deps: DecideRequestDeps,
  actor: StaffActor,
  requestId: string,
  input: DecisionInput,
  publicBaseUrl: string,
) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  if (!isOpen(request)) {
    throw new DeskProblem('conflict', 'Request closed', `This request is already ${request.status}; a closed request (decided, withdrawn or expired) cannot be decided.`);
  }
  const definition = requestType(request.type);
  if (!definition) throw new Error(`Request ${requestId} has unregistered type ${request.type}`);

  const grounds = input.grounds ?? [];
  if (!definition.outcomes.includes(input.outcome)) {
    throw new DeskProblem('unprocessable', 'Outcome not available', `A ${request.type} request can be decided as: ${definition.outcomes.join(', ')}.`);
  }
  const unknownGrounds = grounds.filter((g) => !(g in definition.refusalGrounds));
  if (unknownGrounds.length > 0) {
    throw new DeskProblem('unprocessable', 'Unknown grounds', `Not a ground for refusing a ${request.type} request: ${unknownGrounds.join(', ')}. Valid grounds: ${Object.keys(definition.refusalGrounds).join(', ')}.`);
  }
  if (input.outcome === 'fulfilled' && grounds.length > 0) {
    throw new DeskProblem('unprocessable', 'Grounds need a refusal', 'Grounds explain a refusal; leave them out when the request is fulfilled.');
  }
  if (input.outcome !== 'fulfilled' && (grounds.length === 0 || !input.reason)) {
    throw new DeskProblem('unprocessable', 'Grounds and reason required', 'A refusal must name at least one ground and give a reason the requester can read (APPI Art. 36).');
  }

  let writes: DeskWrite[] = [];
  let content;
  if (input.outcome === 'fulfilled') {
    ({ writes, message: content } = await definition.fulfil({
      request, actor, now, publicBaseUrl,
      holdings: deps.holdings, purposes: deps.purposes, accessLog: deps.accessLog, secrets: deps.secrets,
    }));
  } else {
    content = refusalMessage(request, definition.label, grounds.map((g) => definition.refusalGrounds[g]!), input.reason!);
  }

  const decidedAt = now.toISOString();
  const decided: DeskRequest = {
    ...request,
    status: input.outcome,
    decision: {
      outcome: input.outcome,
      grounds,
      ...(input.reason ? { reason: input.reason } : {}),
      decidedAt,
      decidedBy: actor.staffId,
    },
    history: [...request.history, { at: decidedAt, event: input.outcome, by: actor.staffId }],
    version: request.version + 1,
    expiresAt: closedRequestExpiry(now),
  };
  const message = outboxMessage(deps.secrets.id(), request.requester.email, content, now, `decision-${input.outcome}`);
  await commitOrConflict(
    deps.writer,
    [{ kind: 'request', request: decided, expectedVersion: request.version }, ...writes, { kind: 'outbox', message }],
    'Decided meanwhile',
    'Someone changed this request while you were deciding. Reload it and decide again if it is still open.',
  );
  return { requestId, status: decided.status, decidedAt };
}
