// The two routes whose bodies carry each request type's own details, making a request and deciding it,
// and the two that help an operator decide: the decision's preview, and the person's records.
import { requestIdParams } from '../http/contract/common';
import {
  decisionBody,
  decisionPreviewResponse,
  requestRecordsResponse,
  submitRequestBody,
} from '../http/contract/request-details';
import { decisionResponse, submitRequestResponse } from '../http/contract/requests';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const submitRequest = {
  name: 'submit-request',
  method: 'POST',
  path: '/v1/requests',
  summary: 'Make a request about your personal data; a six-digit code is e-mailed to the requester.',
  auth: { kind: 'public' },
  tables: { requests: 'write', outbox: 'write' },
  request: { body: submitRequestBody },
  response: { status: 202, schema: submitRequestResponse, description: 'Recorded; confirm it with the e-mailed code.' },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const decideRequest = {
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
    recipients: 'read',
    disclosures: 'write',
    subjects: 'read-write',
    outbox: 'write',
    suppressions: 'read-write',
    holders: 'read',
    'fulfilment-tasks': 'write',
    // A disclosure states the incidents that involved the person's data (APPI Art. 26); a cessation on
    // the ground reportable-leak may name one (Art. 35(5)).
    incidents: 'read',
    // A disclosure lists the My Number documents held and until when: their details, never the number.
    'my-number': 'details',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  secrets: ['identifier-mac-key'],
  request: { params: requestIdParams, body: decisionBody },
  response: { status: 200, schema: decisionResponse, description: 'Decided; the requester is e-mailed the result.' },
  publicLinks: true,
} as const satisfies RouteDefinition;

export const previewDecision = {
  name: 'preview-decision',
  method: 'POST',
  path: '/v1/staff/requests/{requestId}/decision-preview',
  summary:
    'What a decision would send, and for a disclosure what the dossier would hold; nothing is written but the access-log entry of the read.',
  auth: { kind: 'staff', roles: ['operator'] },
  tables: {
    requests: 'read',
    'personal-data': 'read',
    consents: 'read',
    'provision-records': 'read',
    purposes: 'read',
    recipients: 'read',
    subjects: 'read',
    suppressions: 'read',
    holders: 'read',
    incidents: 'read',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  secrets: ['identifier-mac-key'],
  request: { params: requestIdParams, body: decisionBody },
  response: {
    status: 200,
    schema: decisionPreviewResponse,
    description: 'The e-mail the requester would receive, and the dossier in outline.',
  },
} as const satisfies RouteDefinition;

export const listRequestRecords = {
  name: 'list-request-records',
  method: 'GET',
  path: '/v1/staff/requests/{requestId}/records',
  summary:
    "The records of personal data an open request concerns, to choose a correction's changes from; the read is access-logged.",
  auth: { kind: 'staff', roles: ['operator'] },
  tables: {
    requests: 'read',
    'personal-data': 'read',
    consents: 'read',
    'provision-records': 'read',
    purposes: 'read',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { params: requestIdParams },
  response: { status: 200, schema: requestRecordsResponse, description: "The person's records, by category." },
} as const satisfies RouteDefinition;
