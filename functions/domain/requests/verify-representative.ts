// POST /v1/staff/requests/{requestId}/representative-verification: before a representative's request
// is decided, staff record how the representative's authority and identity were checked. The desk
// keeps which documents were seen, who checked and when; never a copy or a document number, and never
// more about the person than the desk already holds.
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { refuseFutureDates } from '../kernel/supplied-dates';
import type { StaffActor } from '../staff';
import type { DeskWriter, RequestReader } from './ports';
import { AUTHORITY_DOCUMENTS, IDENTITY_DOCUMENTS } from './representative-words';
import { type DeskRequest, isOpen, type RepresentativeVerification, type RequesterKind } from './request';
import { commitOrConflict, getConfirmedRequest, logRequestAccess } from './request-store';

export { AUTHORITY_DOCUMENTS, IDENTITY_DOCUMENTS } from './representative-words';

export type AuthorityDocument = keyof typeof AUTHORITY_DOCUMENTS;
export const AUTHORITY_DOCUMENT_IDS = Object.keys(AUTHORITY_DOCUMENTS) as [AuthorityDocument, ...AuthorityDocument[]];

export type IdentityDocument = keyof typeof IDENTITY_DOCUMENTS;
export const IDENTITY_DOCUMENT_IDS = Object.keys(IDENTITY_DOCUMENTS) as [IdentityDocument, ...IdentityDocument[]];

export interface RepresentativeVerificationInput {
  authorityDocument: AuthorityDocument;
  identityDocument: IdentityDocument;
  /** When the documents were checked; defaults to now. */
  checkedAt?: string;
}

export interface VerifyRepresentativeDeps {
  requests: RequestReader;
  accessLog: AccessLogWriter;
  writer: DeskWriter;
  clock: Clock;
}

export async function verifyRepresentative(
  deps: VerifyRepresentativeDeps,
  actor: StaffActor,
  requestId: string,
  input: RepresentativeVerificationInput,
) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  if (!isOpen(request)) {
    throw new DeskProblem(
      'conflict',
      'Request closed',
      `This request is ${request.status}; a closed request's record is final.`,
    );
  }
  const kind = request.requester.kind;
  if (kind === 'self') {
    throw new DeskProblem(
      'unprocessable',
      'No representative',
      'The person made this request themselves; there is no representative to verify. The e-mailed code already confirmed them.',
    );
  }
  if (request.representativeVerification) {
    throw new DeskProblem(
      'conflict',
      'Already verified',
      `The representative was verified by ${request.representativeVerification.checkedBy} at ${request.representativeVerification.checkedAt}; the record stands.`,
    );
  }
  const fits: readonly RequesterKind[] = AUTHORITY_DOCUMENTS[input.authorityDocument].for;
  if (!fits.includes(kind)) {
    const valid = AUTHORITY_DOCUMENT_IDS.filter((d) =>
      (AUTHORITY_DOCUMENTS[d].for as readonly RequesterKind[]).includes(kind),
    );
    throw new DeskProblem(
      'unprocessable',
      'Document does not show this authority',
      `A ${input.authorityDocument} does not show the authority of ${kind === 'agent' ? 'an appointed agent' : 'a legal representative'}. Use one of: ${valid.join(', ')}.`,
    );
  }
  refuseFutureDates('Check in the future', [{ field: 'body.checkedAt', instant: input.checkedAt }], now);

  const at = now.toISOString();
  const verification: RepresentativeVerification = {
    authorityDocument: input.authorityDocument,
    identityDocument: input.identityDocument,
    checkedBy: actor.staffId,
    checkedAt: input.checkedAt ? new Date(input.checkedAt).toISOString() : at,
  };
  await logRequestAccess(deps.accessLog, actor, request, 'write', ['representativeVerification'], at);
  const verified: DeskRequest = {
    ...request,
    representativeVerification: verification,
    history: [...request.history, { at, event: 'representative-verified', by: actor.staffId }],
    version: request.version + 1,
  };
  await commitOrConflict(
    deps.writer,
    [{ kind: 'request', request: verified, expectedVersion: request.version }],
    'Changed meanwhile',
    'Someone changed this request while you were recording the verification. Reload it and record it again if it is still needed.',
  );
  return { requestId, representativeVerification: verification };
}
