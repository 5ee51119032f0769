// The route manifest: every HTTP route, who may call it, and what it may touch. The CDK api construct
// builds API Gateway, the functions and their grants from it; the local gateway mounts from it; the
// OpenAPI document is generated from it. One list, so the three cannot drift.
import type { z } from 'zod';
import type { TableName } from './adapters/tables';
import type { StaffRole } from './domain/staff';
import type { SystemName } from './domain/systems';
import * as contract from './http/contract';

export type RouteAuth =
  | { kind: 'public' }
  /** The requester, with the status token issued at verification. */
  | { kind: 'status-token' }
  /** The person, with the subject token issued for an e-mailed code (self-service of consents). */
  | { kind: 'subject-token' }
  /** The holder of an e-mailed link; the token is in the path. */
  | { kind: 'link' }
  | { kind: 'staff'; roles: readonly StaffRole[] }
  /** A company system, signing with IAM (SigV4); only principals granted the named system's policy may call. */
  | { kind: 'system'; systems: readonly SystemName[] };

/**
 * What a function may do with a table: read; write (put/update); read-write; append (conditional put
 * only); erase (read and delete, for the erasure path and its cascade).
 */
export type TableAccess = 'read' | 'write' | 'read-write' | 'append' | 'erase';

export interface RouteDefinition {
  /** The handler's file name in functions/handlers, and the function's name. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  summary: string;
  auth: RouteAuth;
  tables: Partial<Record<TableName, TableAccess>>;
  request: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
  response: { status: number; schema: z.ZodType; description: string };
}

const STAFF_CHECK = { staff: 'read' } as const;
/** Appending to the consent ledger: the events (and a withdrawn consent's expiry), the notice texts kept, the person's address, the receipt. */
const CONSENT_LEDGER = { consents: 'read-write', purposes: 'read', evidence: 'read-write', 'personal-data': 'read', outbox: 'write' } as const;

export const ROUTES = [
  {
    name: 'submit-request',
    method: 'POST',
    path: '/v1/requests',
    summary: 'Make a request about your personal data; a six-digit code is e-mailed to the requester.',
    auth: { kind: 'public' },
    tables: { requests: 'write', outbox: 'write' },
    request: { body: contract.submitRequestBody },
    response: { status: 202, schema: contract.submitRequestResponse, description: 'Recorded; confirm it with the e-mailed code.' },
  },
  {
    name: 'verify-request',
    method: 'POST',
    path: '/v1/requests/{requestId}/verification',
    summary: 'Confirm a request with the e-mailed code; returns the status token.',
    auth: { kind: 'public' },
    tables: { requests: 'read-write', outbox: 'write' },
    request: { params: contract.requestIdParams, body: contract.verificationBody },
    response: { status: 200, schema: contract.verificationResponse, description: 'Received; the answer is due by dueAt.' },
  },
  {
    name: 'get-request-status',
    method: 'GET',
    path: '/v1/requests/{requestId}',
    summary: 'Where a request stands, for the requester holding its status token.',
    auth: { kind: 'status-token' },
    tables: { requests: 'read' },
    request: { params: contract.requestIdParams },
    response: { status: 200, schema: contract.requestStatusResponse, description: 'The request and, once decided, the decision.' },
  },
  {
    name: 'list-requests',
    method: 'GET',
    path: '/v1/staff/requests',
    summary: 'The desk queue, soonest due first; open requests unless a status is given.',
    auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
    tables: { requests: 'read', ...STAFF_CHECK },
    request: { query: contract.staffQueueQuery },
    response: { status: 200, schema: contract.staffQueueResponse, description: 'Requests without personal data.' },
  },
  {
    name: 'view-request',
    method: 'GET',
    path: '/v1/staff/requests/{requestId}',
    summary: 'One request with requester, subject and history; the read is access-logged.',
    auth: { kind: 'staff', roles: ['operator', 'officer'] },
    tables: { requests: 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.requestIdParams },
    response: { status: 200, schema: contract.staffRequestResponse, description: 'The request as the desk sees it.' },
  },
  {
    name: 'decide-request',
    method: 'POST',
    path: '/v1/staff/requests/{requestId}/decision',
    summary: 'Decide a request: fulfil it, or refuse it with grounds and a reason the requester is told.',
    auth: { kind: 'staff', roles: ['operator'] },
    tables: {
      requests: 'read-write',
      'personal-data': 'read-write',
      consents: 'read',
      'provision-records': 'read',
      purposes: 'read',
      disclosures: 'write',
      subjects: 'read-write',
      outbox: 'write',
      'access-log': 'append',
      ...STAFF_CHECK,
    },
    request: { params: contract.requestIdParams, body: contract.decisionBody },
    response: { status: 200, schema: contract.decisionResponse, description: 'Decided; the requester is e-mailed the result.' },
  },
  {
    name: 'withdraw-request',
    method: 'POST',
    path: '/v1/requests/{requestId}/withdrawal',
    summary: 'Withdraw your open request, with its status token; an acknowledgement is e-mailed.',
    auth: { kind: 'status-token' },
    tables: { requests: 'read-write', outbox: 'write' },
    request: { params: contract.requestIdParams, body: contract.withdrawalBody },
    response: { status: 200, schema: contract.withdrawalResponse, description: 'Withdrawn; the desk takes no further action on it.' },
  },
  {
    name: 'assign-request',
    method: 'POST',
    path: '/v1/staff/requests/{requestId}/assignment',
    summary: 'Hand an open request to an active operator; a received request moves to in-progress.',
    auth: { kind: 'staff', roles: ['operator', 'officer'] },
    tables: { requests: 'read-write', ...STAFF_CHECK },
    request: { params: contract.requestIdParams, body: contract.assignmentBody },
    response: { status: 200, schema: contract.assignmentResponse, description: 'Assigned.' },
  },
  {
    name: 'add-request-note',
    method: 'POST',
    path: '/v1/staff/requests/{requestId}/notes',
    summary: 'Record a handling note on an open request; the write is access-logged.',
    auth: { kind: 'staff', roles: ['operator', 'officer'] },
    tables: { requests: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.requestIdParams, body: contract.noteBody },
    response: { status: 201, schema: contract.noteResponse, description: 'The note, with its author and time.' },
  },
  {
    name: 'verify-representative',
    method: 'POST',
    path: '/v1/staff/requests/{requestId}/representative-verification',
    summary: 'Record how a representative\'s authority and identity were checked (document kinds, who, when); needed before deciding their request.',
    auth: { kind: 'staff', roles: ['operator', 'officer'] },
    tables: { requests: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.requestIdParams, body: contract.representativeVerificationBody },
    response: { status: 201, schema: contract.representativeVerificationResponse, description: 'Recorded; the request may now be decided.' },
  },
  {
    name: 'register-personal-data',
    method: 'POST',
    path: '/v1/system/personal-data',
    summary: 'Register personal data of one subject, with source and purposes; all records or none.',
    auth: { kind: 'system', systems: ['business-systems'] },
    tables: { 'personal-data': 'read-write', purposes: 'read', subjects: 'read', consents: 'read' },
    request: { body: contract.registerPersonalDataBody },
    response: { status: 201, schema: contract.registerPersonalDataResponse, description: 'Registered, each record with the expiry its purposes give it.' },
  },
  {
    name: 'register-personal-data-by-staff',
    method: 'POST',
    path: '/v1/staff/subjects/{subjectId}/personal-data',
    summary: 'Register personal data a person at the desk took down (a letter, a call); the write is access-logged.',
    auth: { kind: 'staff', roles: ['operator'] },
    tables: { 'personal-data': 'read-write', purposes: 'read', subjects: 'read', consents: 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.subjectParams, body: contract.staffRegisterPersonalDataBody },
    response: { status: 201, schema: contract.registerPersonalDataResponse, description: 'Registered.' },
  },
  {
    name: 'record-subject-event',
    method: 'POST',
    path: '/v1/system/subjects/{subjectId}/events',
    summary: 'Report a contract end or new activity; the expiry of every record of the subject is recomputed.',
    auth: { kind: 'system', systems: ['business-systems'] },
    tables: { subjects: 'read-write', 'personal-data': 'read-write', purposes: 'read' },
    request: { params: contract.subjectParams, body: contract.subjectEventBody },
    response: { status: 200, schema: contract.subjectEventResponse, description: 'Recorded and recomputed.' },
  },
  {
    name: 'check-use',
    method: 'POST',
    path: '/v1/system/use-checks',
    summary: 'May this category of this person\'s data be used for this purpose? Allowed or denied, with the reason.',
    auth: { kind: 'system', systems: ['business-systems'] },
    tables: { 'personal-data': 'read', purposes: 'read', subjects: 'read', consents: 'read', evidence: 'write' },
    request: { body: contract.useCheckBody },
    response: { status: 200, schema: contract.useCheckResponse, description: 'The answer; a denial is an answer, not an error.' },
  },
  {
    name: 'record-consent',
    method: 'POST',
    path: '/v1/system/consents',
    summary: 'Record a consent the person gave with a web button, or its withdrawal; the event is appended, never changed, and a receipt is e-mailed.',
    auth: { kind: 'system', systems: ['business-systems'] },
    tables: { ...CONSENT_LEDGER, recipients: 'read' },
    request: { body: contract.systemConsentBody },
    response: { status: 201, schema: contract.recordedConsentResponse, description: 'Recorded; says whether a receipt was e-mailed.' },
  },
  {
    name: 'record-consent-by-staff',
    method: 'POST',
    path: '/v1/staff/subjects/{subjectId}/consents',
    summary: 'Record a written or oral consent, or its withdrawal, received by staff; access-logged; a receipt is e-mailed.',
    auth: { kind: 'staff', roles: ['operator'] },
    tables: { ...CONSENT_LEDGER, recipients: 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.subjectParams, body: contract.staffConsentBody },
    response: { status: 201, schema: contract.recordedConsentResponse, description: 'Recorded; says whether a receipt was e-mailed.' },
  },
  {
    name: 'start-subject-session',
    method: 'POST',
    path: '/v1/me/sessions',
    summary: 'See or withdraw your consents: a six-digit code is e-mailed to the address; the answer never says whether the desk knows it.',
    auth: { kind: 'public' },
    tables: { sessions: 'write', outbox: 'write' },
    request: { body: contract.subjectSessionBody },
    response: { status: 202, schema: contract.subjectSessionResponse, description: 'A code is on its way; confirm it within 30 minutes.' },
  },
  {
    name: 'verify-subject-session',
    method: 'POST',
    path: '/v1/me/sessions/{sessionId}/verification',
    summary: 'Confirm the e-mailed code; returns a subject token valid for 15 minutes.',
    auth: { kind: 'public' },
    tables: { sessions: 'read-write' },
    request: { params: contract.sessionParams, body: contract.verificationBody },
    response: { status: 200, schema: contract.subjectTokenResponse, description: 'The subject token.' },
  },
  {
    name: 'list-my-consents',
    method: 'GET',
    path: '/v1/me/consents',
    summary: 'The consents held under your address, with their state.',
    auth: { kind: 'subject-token' },
    tables: { sessions: 'read', 'personal-data': 'read', consents: 'read' },
    request: {},
    response: { status: 200, schema: contract.myConsentsResponse, description: 'Your consents, newest first.' },
  },
  {
    name: 'withdraw-my-consent',
    method: 'DELETE',
    path: '/v1/me/consents/{consentId}',
    summary: 'Withdraw one of your consents; it takes effect at the next use or provision check, and a receipt is e-mailed.',
    auth: { kind: 'subject-token' },
    tables: { sessions: 'read', ...CONSENT_LEDGER },
    request: { params: contract.consentParams },
    response: { status: 200, schema: contract.recordedConsentResponse, description: 'The withdrawal as recorded.' },
  },
  {
    name: 'view-subject',
    method: 'GET',
    path: '/v1/staff/subjects/{subjectId}',
    summary: 'Everything held about a subject that is not past its expiry; the read is access-logged with its reason.',
    auth: { kind: 'staff', roles: ['operator', 'officer'] },
    tables: { 'personal-data': 'read', subjects: 'read', consents: 'read', 'provision-records': 'read', purposes: 'read', requests: 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.subjectParams, query: contract.subjectViewQuery },
    response: { status: 200, schema: contract.subjectViewResponse, description: 'The subject as the desk holds it.' },
  },
  {
    name: 'search-subjects',
    method: 'GET',
    path: '/v1/staff/subjects',
    summary: 'Find subjects by e-mail address or customer number; the search is access-logged with its reason.',
    auth: { kind: 'staff', roles: ['operator', 'officer'] },
    tables: { 'personal-data': 'read', purposes: 'read', requests: 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { query: contract.subjectSearchQuery },
    response: { status: 200, schema: contract.subjectSearchResponse, description: 'Matching subjects, without their data.' },
  },
  {
    name: 'list-purposes',
    method: 'GET',
    path: '/v1/staff/purposes',
    summary: 'The purpose registry: each purpose\'s current version and its history.',
    auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
    tables: { purposes: 'read', ...STAFF_CHECK },
    request: {},
    response: { status: 200, schema: contract.purposeListResponse, description: 'Every purpose, current version first.' },
  },
  {
    name: 'create-purpose',
    method: 'POST',
    path: '/v1/staff/purposes',
    summary: 'Add a purpose of use; it is published in the privacy notice at once.',
    auth: { kind: 'staff', roles: ['officer'] },
    tables: { purposes: 'read-write', ...STAFF_CHECK },
    request: { body: contract.createPurposeBody },
    response: { status: 201, schema: contract.purposeResponse, description: 'Published as version 1.' },
  },
  {
    name: 'change-purpose',
    method: 'PUT',
    path: '/v1/staff/purposes/{purposeId}',
    summary: 'Change a purpose within its related scope (policy §2(3)): a new version is published and every affected person is e-mailed.',
    auth: { kind: 'staff', roles: ['officer'] },
    tables: { purposes: 'read-write', ...STAFF_CHECK },
    request: { params: contract.purposeParams, body: contract.changePurposeBody },
    response: { status: 200, schema: contract.purposeResponse, description: 'The new version; notices go out in batches within the SES sending rate.' },
  },
  {
    name: 'retire-purpose',
    method: 'POST',
    path: '/v1/staff/purposes/{purposeId}/retirement',
    summary: 'Retire a purpose whose business has ended (policy §2(4)): records held only for it are erased, the rest recomputed.',
    auth: { kind: 'staff', roles: ['officer'] },
    tables: { purposes: 'read-write', ...STAFF_CHECK },
    request: { params: contract.purposeParams, body: contract.retirePurposeBody },
    response: { status: 200, schema: contract.purposeResponse, description: 'The retired version; records are recomputed in batches.' },
  },
  {
    name: 'register-my-number',
    method: 'POST',
    path: '/v1/system/my-number',
    summary: 'Register an Individual Number for a statutory affair (tax, social insurance), kept as long as its document must be.',
    auth: { kind: 'system', systems: ['payroll'] },
    tables: { 'my-number': 'write' },
    request: { body: contract.myNumberRegistrationBody },
    response: { status: 201, schema: contract.myNumberRegistrationResponse, description: 'Registered; erased when the document\'s retention ends.' },
  },
  {
    name: 'get-my-number',
    method: 'GET',
    path: '/v1/system/my-number/{subjectId}',
    summary: 'The Individual Numbers of a subject, for the payroll system; every read is access-logged.',
    auth: { kind: 'system', systems: ['payroll'] },
    tables: { 'my-number': 'read', requests: 'read', 'access-log': 'append' },
    request: { params: contract.subjectParams, query: contract.myNumberQuery },
    response: { status: 200, schema: contract.myNumberResponse, description: 'The documents and their numbers.' },
  },
  {
    name: 'view-my-number',
    method: 'GET',
    path: '/v1/staff/subjects/{subjectId}/my-number',
    summary: 'The Individual Numbers of a subject, for the Information Security Officer; every read is access-logged.',
    auth: { kind: 'staff', roles: ['officer'] },
    tables: { 'my-number': 'read', requests: 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.subjectParams, query: contract.myNumberQuery },
    response: { status: 200, schema: contract.myNumberResponse, description: 'The documents and their numbers.' },
  },
  {
    name: 'get-disclosure',
    method: 'GET',
    path: '/v1/disclosures/{token}',
    summary: 'Download a disclosed dossier through the e-mailed link (valid 14 days): JSON, or a page for Accept: text/html, or CSV for Accept: text/csv.',
    auth: { kind: 'link' },
    tables: { disclosures: 'read' },
    request: { params: contract.disclosureParams },
    response: { status: 200, schema: contract.dossierResponse, description: 'Everything held about the person.' },
  },
  {
    name: 'get-paper-disclosure',
    method: 'GET',
    path: '/v1/staff/requests/{requestId}/disclosure',
    summary: 'The stored dossier of a decided paper disclosure, to print: a page for Accept: text/html, else JSON (or CSV); the read is access-logged.',
    auth: { kind: 'staff', roles: ['operator'] },
    tables: { requests: 'read', disclosures: 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.requestIdParams },
    response: { status: 200, schema: contract.dossierResponse, description: 'The dossier as the person is to receive it.' },
  },
  {
    name: 'record-posting',
    method: 'POST',
    path: '/v1/staff/requests/{requestId}/posting',
    summary: 'Record that the paper copy of a disclosure was posted; the requester is e-mailed; the write is access-logged.',
    auth: { kind: 'staff', roles: ['operator'] },
    tables: { requests: 'read-write', outbox: 'write', 'access-log': 'append', ...STAFF_CHECK },
    request: { params: contract.requestIdParams, body: contract.postingBody },
    response: { status: 200, schema: contract.postingResponse, description: 'Recorded as posted.' },
  },
  {
    name: 'get-request-report',
    method: 'GET',
    path: '/v1/staff/reports/requests',
    summary: 'How the desk keeps its deadlines: counts by type and status, median and 95th-percentile time to decision, overdue open requests.',
    auth: { kind: 'staff', roles: ['officer', 'auditor'] },
    tables: { requests: 'read', ...STAFF_CHECK },
    request: { query: contract.requestReportQuery },
    response: { status: 200, schema: contract.requestReportResponse, description: 'Figures without personal data.' },
  },
  {
    name: 'register-recipient',
    method: 'POST',
    path: '/v1/staff/recipients',
    summary: 'Register a recipient of personal data: who it is, whether it is a third party (APPI Art. 27(5)), its country (Art. 28), its opt-out registration (Art. 27(2)).',
    auth: { kind: 'staff', roles: ['officer'] },
    tables: { recipients: 'read-write', ...STAFF_CHECK },
    request: { body: contract.recipientBody },
    response: { status: 201, schema: contract.recipientResponse, description: 'Registered; joint use and opt-out items are published in the privacy notice.' },
  },
  {
    name: 'list-recipients',
    method: 'GET',
    path: '/v1/staff/recipients',
    summary: 'The recipient registry, with each recipient\'s standing under APPI Art. 28.',
    auth: { kind: 'staff', roles: ['officer', 'auditor'] },
    tables: { recipients: 'read', ...STAFF_CHECK },
    request: {},
    response: { status: 200, schema: contract.recipientListResponse, description: 'Every registered recipient.' },
  },
  {
    name: 'permit-provision',
    method: 'POST',
    path: '/v1/system/provisions',
    summary: 'Provide personal data to a recipient: permitted per subject on consent, an APPI Art. 27(1) exception, opt-out or a recipient that is not a third party, and recorded (Art. 29); all or nothing.',
    auth: { kind: 'system', systems: ['business-systems'] },
    tables: { recipients: 'read', purposes: 'read', subjects: 'read', consents: 'read', 'provision-records': 'read-write', evidence: 'write' },
    request: { body: contract.provisionBody },
    response: { status: 200, schema: contract.provisionResponse, description: 'Permitted for every subject and recorded; a refusal is 403 problem+json with the reason per subject.' },
  },
  {
    name: 'record-receipt',
    method: 'POST',
    path: '/v1/system/receipts',
    summary: 'Record personal data received from a third party, with the provider and how it acquired the data as confirmed (APPI Art. 30).',
    auth: { kind: 'system', systems: ['business-systems'] },
    tables: { 'provision-records': 'read-write' },
    request: { body: contract.receiptBody },
    response: { status: 201, schema: contract.receiptResponse, description: 'Recorded for every subject, kept until its retention ends.' },
  },
  {
    name: 'list-provisions',
    method: 'GET',
    path: '/v1/staff/provisions',
    summary: 'The records of provision and receipt kept under a subject (APPI Art. 29, 30), filtered; the read is access-logged with its reason.',
    auth: { kind: 'staff', roles: ['officer', 'auditor'] },
    tables: { 'provision-records': 'read', 'access-log': 'append', ...STAFF_CHECK },
    request: { query: contract.provisionRecordQuery },
    response: { status: 200, schema: contract.provisionRecordListResponse, description: 'The live records, latest first.' },
  },
  {
    name: 'get-privacy-notice',
    method: 'GET',
    path: '/v1/privacy-notice',
    summary: 'Purposes of use, sources, third-party provision, the desk and how to make a request.',
    auth: { kind: 'public' },
    tables: { purposes: 'read', recipients: 'read' },
    request: {},
    response: { status: 200, schema: contract.privacyNoticeResponse, description: 'The privacy notice.' },
  },
  {
    name: 'get-openapi',
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'This API described in OpenAPI 3.1.',
    auth: { kind: 'public' },
    tables: {},
    request: {},
    response: { status: 200, schema: contract.openApiResponse, description: 'The OpenAPI document.' },
  },
] as const satisfies readonly RouteDefinition[];

export type RouteName = (typeof ROUTES)[number]['name'];

export function routeNamed<N extends RouteName>(name: N): Extract<(typeof ROUTES)[number], { name: N }> {
  return ROUTES.find((r) => r.name === name) as Extract<(typeof ROUTES)[number], { name: N }>;
}
