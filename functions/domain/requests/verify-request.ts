// POST /v1/requests/{requestId}/verification: the requester proves they read the e-mailed code.
// Right code: the request is received, the clock starts and the requester gets a status token.
// Wrong code: one try fewer; none left locks the request.
import { type Company, deskContact } from '../company';
import { answerDueAt } from '../kernel/calendar';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { hashSecret, matchesHash } from '../kernel/secrets';
import { outboxMessage } from '../outbox';
import { receivedMessage, statusLink } from './notifications';
import type { DeskWriter, RequestReader } from './ports';
import { answerAddress, type DeskRequest } from './request';
import { commitOrConflict } from './request-store';
import { codeSecret } from './submit-request';
import { requestTypeSchema } from './types/schemas';

export interface VerifyRequestDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  requests: RequestReader;
  writer: DeskWriter;
  secrets: SecretSource;
  clock: Clock;
  /** The desk-day target the answer is due in (DESK_RESPONSE_DESK_DAYS), capped by answerDueAt. */
  responseDeskDays: number;
  /** The Privacy Center's URL (DESK_PRIVACY_CENTER_URL); the receipt links its status page when set. */
  privacyCenterUrl?: string;
}

const CHANGED_WHILE_CHECKED = [
  'Request changed',
  'The request changed while this code was checked. Try the code again.',
] as const;

/** The same answer for an unknown id, a confirmed request and a lapsed one, so none can be told apart. */
export const notAwaiting = () =>
  new DeskProblem(
    'not-found',
    'No request awaits this code',
    'No request with this id is waiting for a confirmation code. Check the id in the e-mail, or submit the request again.',
  );

/** Locked after too many wrong codes: a new code (resend-verification-code) unlocks it, with fresh tries. */
const locked = (detail: string) =>
  new DeskProblem('locked', 'Request locked', detail, undefined, { slug: 'code-locked' });

export async function verifyRequest(deps: VerifyRequestDeps, requestId: string, code: string) {
  const now = deps.clock.now();
  const request = await deps.requests.get(requestId, now);
  if (!request?.verification) throw notAwaiting();
  const { verification } = request;
  if (verification.attemptsLeft <= 0) {
    throw locked('This request is locked after too many wrong codes. Ask for a new code, or submit the request again.');
  }
  if (new Date(verification.codeExpiresAt) <= now) {
    throw new DeskProblem(
      'gone',
      'Code expired',
      'This confirmation code has expired. Ask for a new code, or submit the request again.',
      undefined,
      { slug: 'code-expired' },
    );
  }

  if (!matchesHash(codeSecret(requestId, code), verification.codeHash)) {
    const attemptsLeft = verification.attemptsLeft - 1;
    const updated: DeskRequest = {
      ...request,
      verification: { ...verification, attemptsLeft },
      history: [...request.history, { at: now.toISOString(), event: attemptsLeft > 0 ? 'wrong-code' : 'locked' }],
      version: request.version + 1,
    };
    await commitOrConflict(
      deps.writer,
      [{ kind: 'request', request: updated, expectedVersion: request.version }],
      ...CHANGED_WHILE_CHECKED,
    );
    throw attemptsLeft > 0
      ? new DeskProblem(
          'unprocessable',
          'Wrong code',
          `That code is not the one we sent. ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left.`,
          undefined,
          { slug: 'wrong-code', extensions: { attemptsLeft } },
        )
      : locked(
          'That code was wrong too many times; the request is locked. Ask for a new code, or submit the request again.',
        );
  }

  const statusToken = deps.secrets.token();
  const receivedAt = now.toISOString();
  const { verification: _spent, expiresAt: _unverifiedExpiry, ...rest } = request;
  const received: DeskRequest = {
    ...rest,
    status: 'received',
    receivedAt,
    dueAt: answerDueAt(now, deps.responseDeskDays, deps.company.desk.hours).toISOString(),
    statusTokenHash: hashSecret(statusToken),
    history: [...request.history, { at: receivedAt, event: 'received' }],
    version: request.version + 1,
  };
  const label = requestTypeSchema(request.type)?.label ?? { ja: request.type, en: request.type };
  const message = outboxMessage(
    deps.secrets.id(),
    answerAddress(request),
    receivedMessage(
      received,
      label,
      deskContact(deps.company),
      deps.privacyCenterUrl ? statusLink(deps.privacyCenterUrl, requestId, statusToken, request.language) : undefined,
    ),
    now,
    'request-received',
    requestId,
  );
  await commitOrConflict(
    deps.writer,
    [
      { kind: 'request', request: received, expectedVersion: request.version },
      { kind: 'outbox', message },
    ],
    ...CHANGED_WHILE_CHECKED,
  );
  return { requestId, status: received.status, receivedAt, dueAt: received.dueAt as string, statusToken };
}
