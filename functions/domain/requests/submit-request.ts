// POST /v1/requests: a request is recorded and a confirmation code e-mailed to the requester, in one
// transaction. The answer is the same whether or not the desk holds anything about the subject; a
// person asking for themselves must write from the address they name as the subject's, a check on
// what was sent only, so refusing it reveals nothing held.

import { type Company, deskContact } from '../company';
import { normalisedEmail } from '../holdings';
import {
  VERIFICATION_CODE_DIGITS,
  VERIFICATION_CODE_LIFETIME_SECONDS,
  VERIFICATION_MAX_ATTEMPTS,
  VERIFICATION_RESEND_INTERVAL_SECONDS,
} from '../kernel/law';
import { maskedEmail } from '../kernel/masked-email';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { hashSecret } from '../kernel/secrets';
import { outboxMessage } from '../outbox';
import { verificationCodeMessage } from './notifications';
import type { DeskWriter } from './ports';
import { answerAddress, type DeskRequest, type Language, type RequesterKind, unverifiedExpiry } from './request';
import { requestTypeSchema } from './types/schemas';

export interface SubmitRequestInput {
  type: string;
  requester: { kind: RequesterKind; name: string; email: string };
  subject: { email: string; name?: string };
  details?: Record<string, unknown>;
  language: Language;
}

export interface SubmitRequestDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  writer: DeskWriter;
  secrets: SecretSource;
  clock: Clock;
}

/** The code is bound to its request, so equal codes of two requests hash differently. */
export function codeSecret(requestId: string, code: string): string {
  return `${requestId}:${code}`;
}

export async function submitRequest(deps: SubmitRequestDeps, input: SubmitRequestInput) {
  const definition = requestTypeSchema(input.type);
  if (!definition) {
    throw new DeskProblem(
      'unprocessable',
      'Unknown request type',
      `The desk does not accept requests of type "${input.type}".`,
    );
  }
  if (
    input.requester.kind === 'self' &&
    normalisedEmail(input.requester.email) !== normalisedEmail(input.subject.email)
  ) {
    throw new DeskProblem(
      'unprocessable',
      'Not your own address',
      'A request by the person themselves is answered only at the address the desk knows them by: send the same address as requester.email and subject.email. Someone asking for another person is a legal representative or an agent (requester.kind), and is checked by staff before any answer.',
      [
        {
          field: 'body.requester.email',
          message: 'must be the same address as subject.email when you ask for yourself (requester.kind "self")',
        },
      ],
      { slug: 'not-own-address' },
    );
  }
  const now = deps.clock.now();
  const requestId = deps.secrets.id();
  const code = deps.secrets.code(VERIFICATION_CODE_DIGITS);
  const request: DeskRequest = {
    requestId,
    type: input.type,
    status: 'awaiting-verification',
    requester: input.requester,
    subject: input.subject,
    ...(input.details ? { details: input.details } : {}),
    language: input.language,
    createdAt: now.toISOString(),
    verification: {
      codeHash: hashSecret(codeSecret(requestId, code)),
      codeExpiresAt: new Date(now.getTime() + VERIFICATION_CODE_LIFETIME_SECONDS * 1000).toISOString(),
      attemptsLeft: VERIFICATION_MAX_ATTEMPTS,
      codeSentAt: now.toISOString(),
      resends: 0,
    },
    history: [{ at: now.toISOString(), event: 'submitted' }],
    version: 1,
    expiresAt: unverifiedExpiry(now),
  };
  const message = outboxMessage(
    deps.secrets.id(),
    answerAddress(request),
    verificationCodeMessage(
      request,
      code,
      definition.label,
      VERIFICATION_CODE_LIFETIME_SECONDS / 60,
      deskContact(deps.company),
    ),
    now,
    'verification-code',
    requestId,
  );
  await deps.writer.commit([
    { kind: 'request', request },
    { kind: 'outbox', message },
  ]);
  return {
    requestId,
    status: request.status,
    // Masked: the person recognises the address they typed; the page need not hold it whole.
    codeSentTo: maskedEmail(answerAddress(request)),
    resendAvailableAt: new Date(now.getTime() + VERIFICATION_RESEND_INTERVAL_SECONDS * 1000).toISOString(),
  };
}
