// The consent ledger (policy §2(2), §5; APPI Art. 27, 28(2), 31), and the person's own view of their
// consents through an e-mailed code.
import { subjectParams, verificationBody } from '../http/contract/common';
import {
  consentParams,
  myConsentsResponse,
  recordedConsentResponse,
  sessionParams,
  staffConsentBody,
  subjectSessionBody,
  subjectSessionResponse,
  subjectTokenResponse,
  systemConsentBody,
} from '../http/contract/consents';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

/** Appending to the consent ledger: the events (and a withdrawn consent's expiry), the notice texts kept, the person's address, the receipt. */
const CONSENT_LEDGER = {
  consents: 'read-write',
  purposes: 'read',
  evidence: 'read-write',
  'personal-data': 'read',
  outbox: 'write',
} as const;

export const recordConsent = {
  name: 'record-consent',
  method: 'POST',
  path: '/v1/system/consents',
  summary:
    'Record a consent the person gave with a web button, or its withdrawal; the event is appended, never changed, and a receipt is e-mailed.',
  auth: { kind: 'system', systems: ['business-systems'] },
  tables: { ...CONSENT_LEDGER, recipients: 'read' },
  request: { body: systemConsentBody },
  response: {
    status: 201,
    schema: recordedConsentResponse,
    description: 'Recorded; says whether a receipt was e-mailed.',
  },
} as const satisfies RouteDefinition;

export const recordConsentByStaff = {
  name: 'record-consent-by-staff',
  method: 'POST',
  path: '/v1/staff/subjects/{subjectId}/consents',
  summary:
    'Record a written or oral consent, or its withdrawal, received by staff; access-logged; a receipt is e-mailed.',
  auth: { kind: 'staff', roles: ['operator'] },
  tables: { ...CONSENT_LEDGER, recipients: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: subjectParams, body: staffConsentBody },
  response: {
    status: 201,
    schema: recordedConsentResponse,
    description: 'Recorded; says whether a receipt was e-mailed.',
  },
} as const satisfies RouteDefinition;

export const startSubjectSession = {
  name: 'start-subject-session',
  method: 'POST',
  path: '/v1/me/sessions',
  summary:
    'See or withdraw your consents: a six-digit code is e-mailed to the address; the answer never says whether the desk knows it.',
  auth: { kind: 'public' },
  tables: { sessions: 'write', outbox: 'write' },
  request: { body: subjectSessionBody },
  response: {
    status: 202,
    schema: subjectSessionResponse,
    description: 'A code is on its way; confirm it within 30 minutes.',
  },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const verifySubjectSession = {
  name: 'verify-subject-session',
  method: 'POST',
  path: '/v1/me/sessions/{sessionId}/verification',
  summary: 'Confirm the e-mailed code; returns a subject token valid for 15 minutes.',
  auth: { kind: 'public' },
  tables: { sessions: 'read-write' },
  request: { params: sessionParams, body: verificationBody },
  response: { status: 200, schema: subjectTokenResponse, description: 'The subject token.' },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const listMyConsents = {
  name: 'list-my-consents',
  method: 'GET',
  path: '/v1/me/consents',
  summary:
    'The consents held under your address, with their state and, for a consent to provision, the recipient as registered.',
  auth: { kind: 'subject-token' },
  tables: { sessions: 'read', 'personal-data': 'read', consents: 'read', recipients: 'read' },
  request: {},
  response: { status: 200, schema: myConsentsResponse, description: 'Your consents, newest first.' },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const withdrawMyConsent = {
  name: 'withdraw-my-consent',
  method: 'DELETE',
  path: '/v1/me/consents/{consentId}',
  summary:
    'Withdraw one of your consents; it takes effect at the next use or provision check, and a receipt is e-mailed.',
  auth: { kind: 'subject-token' },
  tables: { sessions: 'read', ...CONSENT_LEDGER, recipients: 'read' },
  request: { params: consentParams },
  response: { status: 200, schema: recordedConsentResponse, description: 'The withdrawal as recorded.' },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;
