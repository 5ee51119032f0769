// POST /v1/staff/requests/{requestId}/representative-verification: before a representative's request
// is decided, staff record how the representative's authority and identity were checked. The desk
// keeps which documents were seen, who checked and when; never a copy or a document number, and never
// more about the person than the desk already holds.
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import type { DeskWriter, RequestReader } from './ports';
import { DeskProblem } from '../kernel/problems';
import { refuseFutureDates } from '../kernel/supplied-dates';
import type { StaffActor } from '../staff';
import { commitOrConflict, getConfirmedRequest, logRequestAccess } from './request-store';
import { isOpen, type DeskRequest, type RepresentativeVerification, type RequesterKind } from './request';

/**
 * APPI Art. 37(3) and Cabinet Order Art. 13: a request may be made by the legal representative of a
 * minor or an adult ward, or by an agent the person appointed. The documents that show that authority:
 */
export const AUTHORITY_DOCUMENTS = {
  // Parent or guardian of a minor: the family register shows the relationship.
  'family-register-certificate': {
    for: ['legal-representative'],
    ja: '戸籍謄本又は戸籍抄本（未成年者の法定代理人）',
    en: 'Certified copy of the family register (legal representative of a minor)',
  },
  // Guardian of an adult ward: the certificate under the Act on Guardianship Registration.
  'guardianship-registration-certificate': {
    for: ['legal-representative'],
    ja: '後見登記等に関する登記事項証明書（成年後見人）',
    en: 'Certificate of registered matters under the Act on Guardianship Registration (guardian of an adult ward)',
  },
  // Guardian appointed by the family court, before the registration is issued.
  'family-court-appointment': {
    for: ['legal-representative'],
    ja: '家庭裁判所の選任審判書（法定代理人）',
    en: 'The family court\'s ruling appointing the guardian (legal representative)',
  },
  'power-of-attorney': {
    for: ['agent'],
    ja: 'ご本人の委任状（任意代理人）',
    en: 'Power of attorney signed by the person (appointed agent)',
  },
  'power-of-attorney-with-seal-certificate': {
    for: ['agent'],
    ja: 'ご本人の実印を押印した委任状及び印鑑登録証明書（任意代理人）',
    en: 'Power of attorney bearing the person\'s registered seal, with the seal registration certificate (appointed agent)',
  },
} as const satisfies Record<string, { for: readonly Exclude<RequesterKind, 'self'>[]; ja: string; en: string }>;
export type AuthorityDocument = keyof typeof AUTHORITY_DOCUMENTS;
export const AUTHORITY_DOCUMENT_IDS = Object.keys(AUTHORITY_DOCUMENTS) as [AuthorityDocument, ...AuthorityDocument[]];

/**
 * Official documents that show who the representative is (the identity documents the PPC guidelines
 * give as examples). Only the kind is recorded: of an Individual Number Card, only the front is seen.
 */
export const IDENTITY_DOCUMENTS = {
  'driving-licence': { ja: '運転免許証', en: 'Driving licence' },
  passport: { ja: '旅券（パスポート）', en: 'Passport' },
  'individual-number-card': { ja: '個人番号カード（表面のみ）', en: 'Individual Number Card (front only)' },
  'residence-card': { ja: '在留カード', en: 'Residence card' },
  'health-insurance-certificate': { ja: '健康保険の資格確認書', en: 'Health insurance eligibility certificate' },
  'resident-record-copy': { ja: '住民票の写し', en: 'Copy of the resident record' },
  'other-official-photo-id': { ja: 'その他の官公署発行の顔写真付き証明書', en: 'Other official photo identification' },
} as const satisfies Record<string, { ja: string; en: string }>;
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
  const fits: readonly RequesterKind[] = AUTHORITY_DOCUMENTS[input.authorityDocument].for;
  if (!fits.includes(kind)) {
    const valid = AUTHORITY_DOCUMENT_IDS.filter((d) => (AUTHORITY_DOCUMENTS[d].for as readonly RequesterKind[]).includes(kind));
    throw new DeskProblem('unprocessable', 'Document does not show this authority', `A ${input.authorityDocument} does not show the authority of ${kind === 'agent' ? 'an appointed agent' : 'a legal representative'}. Use one of: ${valid.join(', ')}.`);
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
