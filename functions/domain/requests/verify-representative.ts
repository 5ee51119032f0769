// POST /v1/staff/requests/{requestId}/representative-verification: before a representative's request
// is decided, staff record how the representative's authority and identity were checked. The desk
// keeps which documents were seen, who checked and when; never a copy or a document number, and never
// more about the person than the desk already holds.
import type { AccessLogWriter, Clock, DeskWriter, RequestReader } from '../ports';
import { DeskProblem } from '../problems';
import type { StaffActor } from '../staff';
import { commitOrConflict, getConfirmedRequest } from './request-store';
import { isOpen, type DeskRequest, type RepresentativeVerification, type RequesterKind } from './request';

/**
 * APPI Art. 37(3) and Cabinet Order Art. 13: a request may be made by the legal representative of a
 * minor or an adult ward, or by an agent the person appointed. The documents that show that authority:
 */
export const AUTHORITY_DOCUMENTS = {
  // Parent or guardian of a minor: the family register shows the relationship.
  'family-register-certificate': ['legal-representative'],
  // Guardian of an adult ward: the certificate of registered matters under the Act on Guardianship Registration.
  'guardianship-registration-certificate': ['legal-representative'],
  // Guardian appointed by the family court: the court's ruling.
  'family-court-appointment': ['legal-representative'],
  // An appointed agent: the person's power of attorney, with or without their seal registration certificate.
  'power-of-attorney': ['agent'],
  'power-of-attorney-with-seal-certificate': ['agent'],
} as const satisfies Record<string, readonly Exclude<RequesterKind, 'self'>[]>;
export type AuthorityDocument = keyof typeof AUTHORITY_DOCUMENTS;
export const AUTHORITY_DOCUMENT_IDS = Object.keys(AUTHORITY_DOCUMENTS) as [AuthorityDocument, ...AuthorityDocument[]];

/**
 * Official documents that show who the representative is (the identity documents the PPC guidelines
 * give as examples). Only the kind is recorded: for an Individual Number Card, only its front is seen.
 */
export const IDENTITY_DOCUMENT_IDS = [
  'driving-licence',
  'passport',
  'individual-number-card',
  'residence-card',
  'health-insurance-certificate',
  'resident-record-copy',
  'other-official-photo-id',
] as const;
export type IdentityDocument = (typeof IDENTITY_DOCUMENT_IDS)[number];

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

export async function verifyRepresentative(deps: VerifyRepresentativeDeps, actor: StaffActor, requestId: string, input: RepresentativeVerificationInput) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  if (!isOpen(request)) {
    throw new DeskProblem('conflict', 'Request closed', `This request is ${request.status}; a closed request's record is final.`);
  }
  const kind = request.requester.kind;
  if (kind === 'self') {
    throw new DeskProblem('unprocessable', 'No representative', 'The person made this request themselves; there is no representative to verify. The e-mailed code already confirmed them.');
  }
  if (request.representativeVerification) {
    throw new DeskProblem('conflict', 'Already verified', `The representative was verified by ${request.representativeVerification.checkedBy} at ${request.representativeVerification.checkedAt}; the record stands.`);
  }
  const fits: readonly RequesterKind[] = AUTHORITY_DOCUMENTS[input.authorityDocument];
  if (!fits.includes(kind)) {
    const valid = AUTHORITY_DOCUMENT_IDS.filter((d) => (AUTHORITY_DOCUMENTS[d] as readonly RequesterKind[]).includes(kind));
    throw new DeskProblem('unprocessable', 'Document does not show this authority', `A ${input.authorityDocument} does not show the authority of ${kind === 'agent' ? 'an appointed agent' : 'a legal representative'}. Use one of: ${valid.join(', ')}.`);
  }
  if (input.checkedAt && new Date(input.checkedAt) > now) {
    throw new DeskProblem('unprocessable', 'Check in the future', 'checkedAt is later than now; give the time the documents were actually checked, or leave it out.');
  }

  const at = now.toISOString();
  const verification: RepresentativeVerification = {
    authorityDocument: input.authorityDocument,
    identityDocument: input.identityDocument,
    checkedBy: actor.staffId,
    checkedAt: input.checkedAt ? new Date(input.checkedAt).toISOString() : at,
  };
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'write',
    subjects: [`request:${request.requestId}`],
    fields: ['representativeVerification'],
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at,
  });
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
