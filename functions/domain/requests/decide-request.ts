// POST /v1/staff/requests/{requestId}/decision: an operator decides. The decision, what fulfilling
// it writes, and the result e-mail commit together, and only if nobody decided first.

import type * as z from 'zod';
import type { AccessLogWriter } from '../access-log/ports';
import { type Company, deskContact } from '../company';
import { tasksFor } from '../fulfilment/fan-out';
import type { FulfilmentTask } from '../fulfilment/task';
import type { HolderReader } from '../holders/holder';
import type { HoldingsReader } from '../holdings';
import type { IncidentReader } from '../incidents/ports';
import type { Clock, IdentifierMac, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { describeIssue } from '../kernel/validation-messages';
import type { MyNumberDocumentReader } from '../my-number/ports';
import { outboxMessage } from '../outbox';
import type { SubjectLifecycleReader, SuppressionReader } from '../personal-data/ports';
import type { RecipientRegistry } from '../provisions/ports';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import { type MessageText, refusalMessage } from './notifications';
import type { DeskWrite, DeskWriter, RequestReader } from './ports';
import { answerAddress, closedRequestExpiry, type DeskRequest, isOpen } from './request';
import { commitOrConflict, getConfirmedRequest } from './request-store';
import type { DecisionInput, Fulfilment, RequestTypeDefinition } from './request-type';
import { requestType } from './types/registry';

export type { DecisionInput } from './request-type';

export interface DecideRequestDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  requests: RequestReader;
  holdings: HoldingsReader;
  purposes: PurposeVersionReader;
  accessLog: AccessLogWriter;
  writer: DeskWriter;
  secrets: SecretSource;
  lifecycles: SubjectLifecycleReader;
  recipients: Pick<RecipientRegistry, 'get'>;
  identifierMac: IdentifierMac;
  suppressions: SuppressionReader;
  /**
   * The holder registry, which the decision's tasks go to. Left out only where no holder can exist
   * (unit tests of a type's own fulfilment); the decide route and its preview always pass it.
   */
  holders?: Pick<HolderReader, 'list'>;
  /** The incident register: a disclosure states the person's incidents, and a cessation on the ground reportable-leak may name one; left out like holders. */
  incidents?: Pick<IncidentReader, 'get' | 'incidentsOf'>;
  /** Which My Number documents are held (never the numbers), which a disclosure lists; left out like holders. */
  myNumberDocuments?: MyNumberDocumentReader;
  clock: Clock;
}

export async function decideRequest(
  deps: DecideRequestDeps,
  actor: StaffActor,
  requestId: string,
  input: DecisionInput,
  publicBaseUrl: string,
) {
  const now = deps.clock.now();
  const { request, definition, decision } = await decidableRequest(deps.requests, requestId, input, now);
  const { writes, content, delivery, tasks } = await decisionEffects(
    deps,
    { request, definition, decision },
    actor,
    now,
    publicBaseUrl,
  );

  const decidedAt = now.toISOString();
  const decided: DeskRequest = {
    ...request,
    status: decision.outcome,
    decision: {
      outcome: decision.outcome,
      grounds: decision.grounds,
      ...(decision.reason ? { reason: decision.reason } : {}),
      ...(decision.details ? { details: decision.details } : {}),
      decidedAt,
      decidedBy: actor.staffId,
    },
    ...(delivery ? { delivery } : {}),
    // Reaching other holders: the answer waits for them and is released with the last task.
    ...(tasks.length > 0
      ? { answer: { state: 'awaiting-holders' as const, message: content, heldAt: decidedAt } }
      : {}),
    closedAt: decidedAt,
    history: [...request.history, { at: decidedAt, event: decision.outcome, by: actor.staffId }],
    version: request.version + 1,
    expiresAt: closedRequestExpiry(now),
  };
  const message = outboxMessage(
    deps.secrets.id(),
    answerAddress(request),
    content,
    now,
    `decision-${decision.outcome}`,
    request.requestId,
  );
  await commitOrConflict(
    deps.writer,
    [
      { kind: 'request', request: decided, expectedVersion: request.version },
      ...writes,
      ...(tasks.length > 0 ? [] : [{ kind: 'outbox' as const, message }]),
    ],
    'Decided meanwhile',
    'Someone changed this request, or personal data the decision changes, while you were deciding. Reload both and decide again if the request is still open.',
  );
  return {
    requestId,
    status: decided.status,
    decidedAt,
    ...(tasks.length > 0 ? { answer: 'awaiting-holders' as const, tasks: tasks.length } : {}),
  };
}

/** An open request, its type and the decision checked against it: what deciding and its preview both start from. */
export interface Decidable {
  request: DeskRequest;
  definition: RequestTypeDefinition;
  decision: DecisionInput & { grounds: string[] };
}

/** The request if it may be decided as `input` says: open, its representative checked, the decision valid for its type. */
export async function decidableRequest(
  requests: RequestReader,
  requestId: string,
  input: DecisionInput,
  now: Date,
): Promise<Decidable> {
  const request = await getConfirmedRequest(requests, requestId, now);
  if (!isOpen(request)) {
    throw new DeskProblem(
      'conflict',
      'Request closed',
      `This request is already ${request.status}; a closed request (decided, withdrawn or expired) cannot be decided.`,
    );
  }
  const definition = requestType(request.type);
  if (!definition) throw new Error(`Request ${requestId} has unregistered type ${request.type}`);
  const decision = checkedDecision(definition, input);
  if (request.requester.kind !== 'self' && !request.representativeVerification) {
    throw new DeskProblem(
      'conflict',
      'Representative not verified',
      `This request was made by ${request.requester.kind === 'agent' ? 'an appointed agent' : 'a legal representative'}. Record how their authority and identity were checked (POST /v1/staff/requests/${requestId}/representative-verification) before deciding.`,
    );
  }
  return { request, definition, decision };
}

/**
 * What a decision writes and the e-mail it sends: a refusal's letter, or the type's fulfilment. Nothing
 * is written here; the caller commits the writes (a decision) or shows them (a preview).
 */
export async function decisionEffects(
  deps: Omit<DecideRequestDeps, 'requests' | 'writer' | 'clock'>,
  { request, definition, decision }: Decidable,
  actor: StaffActor,
  now: Date,
  publicBaseUrl: string,
): Promise<{ writes: DeskWrite[]; content: MessageText; delivery?: Fulfilment['delivery']; tasks: FulfilmentTask[] }> {
  if (decision.outcome === 'refused') {
    return {
      writes: [],
      tasks: [],
      content: refusalMessage(
        request,
        definition.label,
        decision.grounds.map((g) => definition.refusalGrounds[g]!),
        decision.reason!,
        deskContact(deps.company),
        definition.refusalNote?.(decision),
      ),
    };
  }
  const { writes, message, delivery, reach } = await definition.fulfil({
    request,
    decision,
    actor,
    now,
    publicBaseUrl,
    desk: deskContact(deps.company),
    holdings: deps.holdings,
    purposes: deps.purposes,
    accessLog: deps.accessLog,
    secrets: deps.secrets,
    lifecycles: deps.lifecycles,
    recipients: deps.recipients,
    identifierMac: deps.identifierMac,
    suppressions: deps.suppressions,
    ...(deps.incidents ? { incidents: deps.incidents } : {}),
    ...(deps.myNumberDocuments ? { myNumberDocuments: deps.myNumberDocuments } : {}),
  });
  // One task per holder of the affected categories, in the decision's own transaction (the outbox
  // invariant extended to the holders: no decision stands without its tasks).
  const tasks =
    reach?.length && deps.holders
      ? tasksFor(reach, await deps.holders.list(), {
          requestId: request.requestId,
          now,
          expiresAt: closedRequestExpiry(now),
          newId: () => deps.secrets.id(),
        })
      : [];
  return {
    writes: [...writes, ...tasks.map((task): DeskWrite => ({ kind: 'fulfilment-task', task }))],
    content: message,
    ...(delivery ? { delivery } : {}),
    tasks,
  };
}

/** The decision if the request type allows it, with its details parsed; otherwise a 422 saying what to fix. */
function checkedDecision(
  definition: RequestTypeDefinition,
  input: DecisionInput,
): DecisionInput & { grounds: string[] } {
  const type = definition.type;
  const grounds = input.grounds ?? [];
  if (!definition.outcomes.includes(input.outcome)) {
    throw new DeskProblem(
      'unprocessable',
      'Outcome not available',
      `A ${type} request can be decided as: ${definition.outcomes.join(', ')}.`,
      [{ field: 'body.outcome', message: `must be one of: ${definition.outcomes.join(', ')}` }],
    );
  }
  const unknownGrounds = grounds.filter((g) => !(g in definition.refusalGrounds));
  if (unknownGrounds.length > 0) {
    const valid = Object.keys(definition.refusalGrounds).join(', ') || 'none';
    throw new DeskProblem(
      'unprocessable',
      'Unknown grounds',
      `Not a ground for refusing a ${type} request: ${unknownGrounds.join(', ')}. Valid grounds: ${valid}.`,
      grounds.flatMap((g, i) =>
        g in definition.refusalGrounds
          ? []
          : [{ field: `body.grounds.${i}`, message: `is not a ground for a ${type} request; valid: ${valid}` }],
      ),
    );
  }
  if (input.outcome === 'fulfilled' && grounds.length > 0) {
    throw new DeskProblem(
      'unprocessable',
      'Grounds need a refusal',
      'Grounds explain a refusal; leave them out when the request is fulfilled.',
      [{ field: 'body.grounds', message: 'must be left out when the request is fulfilled' }],
    );
  }
  if (input.outcome !== 'fulfilled' && (grounds.length === 0 || !input.reason)) {
    throw new DeskProblem(
      'unprocessable',
      'Grounds and reason required',
      'A refusal or a partial decision must name at least one ground and give a reason the requester can read (APPI Art. 36).',
      [
        ...(grounds.length === 0
          ? [{ field: 'body.grounds', message: 'must name at least one ground for a refusal or a partial decision' }]
          : []),
        ...(!input.reason
          ? [
              {
                field: 'body.reason',
                message: 'is required for a refusal or a partial decision: the requester is told why (APPI Art. 36)',
              },
            ]
          : []),
      ],
    );
  }
  const schema = definition.decisionDetails?.[input.outcome];
  let details: Record<string, unknown> | undefined;
  if (schema) {
    const parsed = schema.safeParse(input.details ?? {}, { reportInput: true });
    if (!parsed.success) {
      throw new DeskProblem(
        'unprocessable',
        'Decision details invalid',
        `A ${type} request decided as ${input.outcome} needs these details: ${describeIssues(parsed.error)}.`,
        parsed.error.issues.map((i) => ({
          field: ['body', 'details', ...i.path.map(String)].join('.'),
          message: describeIssue(i),
        })),
      );
    }
    details = parsed.data;
  } else if (input.details !== undefined) {
    throw new DeskProblem(
      'unprocessable',
      'No details expected',
      `A ${type} request decided as ${input.outcome} takes no details; leave them out.`,
      [
        {
          field: 'body.details',
          message: `must be left out: a ${type} request decided as ${input.outcome} takes no details`,
        },
      ],
    );
  }
  const decision = {
    outcome: input.outcome,
    grounds,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(details ? { details } : {}),
  };
  const problem = definition.checkDecision?.(decision);
  if (problem) throw new DeskProblem('unprocessable', 'Decision incomplete', problem);
  return decision;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(
      (i) =>
        `details${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')} ${describeIssue(i)}`,
    )
    .join('; ');
}
