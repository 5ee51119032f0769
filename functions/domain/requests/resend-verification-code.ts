// POST /v1/requests/{requestId}/verification-code: a new code for a request still awaiting one, when
// the first was lost, expired or locked by wrong tries. It goes only to the address already on the
// request (never one the caller names), at most once a minute and a few times per request, and the
// request and its e-mail commit together. An unknown id, a confirmed request and a lapsed one answer
// as the code step does (404), so the route tells no more than verification already does.
import { type Company, deskContact } from '../company';
import {
  VERIFICATION_CODE_DIGITS,
  VERIFICATION_CODE_LIFETIME_SECONDS,
  VERIFICATION_MAX_ATTEMPTS,
  VERIFICATION_MAX_RESENDS,
  VERIFICATION_RESEND_INTERVAL_SECONDS,
} from '../kernel/law';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { hashSecret } from '../kernel/secrets';
import { outboxMessage } from '../outbox';
import { verificationCodeMessage } from './notifications';
import type { DeskWriter, RequestReader } from './ports';
import { answerAddress, type DeskRequest } from './request';
import { commitOrConflict } from './request-store';
import { codeSecret } from './submit-request';
import { requestTypeSchema } from './types/schemas';
import { notAwaiting } from './verify-request';

export interface ResendCodeDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  requests: RequestReader;
  writer: DeskWriter;
  secrets: SecretSource;
  clock: Clock;
}

const at = (ms: number) => new Date(ms).toISOString();

export async function resendVerificationCode(deps: ResendCodeDeps, requestId: string) {
  const now = deps.clock.now();
  const request = await deps.requests.get(requestId, now);
  if (!request?.verification || request.status !== 'awaiting-verification') throw notAwaiting();
  const { verification } = request;

  const availableAt =
    Date.parse(verification.codeSentAt ?? request.createdAt) + VERIFICATION_RESEND_INTERVAL_SECONDS * 1000;
  if (now.getTime() < availableAt) {
    const seconds = Math.ceil((availableAt - now.getTime()) / 1000);
    throw new DeskProblem(
      'too-soon',
      'Too soon for a new code',
      `A code was sent to this request less than a minute ago. Wait ${seconds} s, then ask again; the code already sent may still arrive.`,
      undefined,
      { slug: 'code-resend-too-soon', extensions: { resendAvailableAt: at(availableAt) }, retryAfterSeconds: seconds },
    );
  }
  const resends = verification.resends ?? 0;
  if (resends >= VERIFICATION_MAX_RESENDS) {
    throw new DeskProblem(
      'conflict',
      'No more new codes',
      `This request has had ${VERIFICATION_MAX_RESENDS} new codes already. Submit the request again to receive a code.`,
      undefined,
      { slug: 'code-resend-limit', extensions: { maxResends: VERIFICATION_MAX_RESENDS } },
    );
  }

  const code = deps.secrets.code(VERIFICATION_CODE_DIGITS);
  const codeExpiresAt = at(now.getTime() + VERIFICATION_CODE_LIFETIME_SECONDS * 1000);
  const updated: DeskRequest = {
    ...request,
    // A fresh code and fresh tries: the earlier code stops working, a lock is lifted.
    verification: {
      codeHash: hashSecret(codeSecret(requestId, code)),
      codeExpiresAt,
      attemptsLeft: VERIFICATION_MAX_ATTEMPTS,
      codeSentAt: now.toISOString(),
      resends: resends + 1,
    },
    history: [...request.history, { at: now.toISOString(), event: 'code-resent' }],
    version: request.version + 1,
  };
  const label = requestTypeSchema(request.type)?.label ?? { ja: request.type, en: request.type };
  const message = outboxMessage(
    deps.secrets.id(),
    answerAddress(request),
    verificationCodeMessage(request, code, label, VERIFICATION_CODE_LIFETIME_SECONDS / 60, deskContact(deps.company)),
    now,
    'verification-code',
    requestId,
  );
  await commitOrConflict(
    deps.writer,
    [
      { kind: 'request', request: updated, expectedVersion: request.version },
      { kind: 'outbox', message },
    ],
    'Request changed',
    'The request changed while a new code was being sent (perhaps another one was asked for at the same moment). Wait a minute, then ask again if no code arrives.',
  );
  return {
    requestId,
    codeExpiresAt,
    resendAvailableAt: at(now.getTime() + VERIFICATION_RESEND_INTERVAL_SECONDS * 1000),
    resendsLeft: VERIFICATION_MAX_RESENDS - resends - 1,
  };
}
