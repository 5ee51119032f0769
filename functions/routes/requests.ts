// Requests about personal data (APPI Art. 32-39): the requester confirms, follows and withdraws one; the
// desk lists, reads, assigns, annotates and reports them. Making and deciding a request are in
// request-details.ts: their bodies carry each request type's details, which no other route loads.
import { requestIdParams, verificationBody } from '../http/contract/common';
import { answerNowBody, answerNowResponse } from '../http/contract/fulfilment-tracking';
import {
  assigneesResponse,
  assignmentBody,
  assignmentResponse,
  noteBody,
  noteResponse,
  representativeVerificationBody,
  representativeVerificationResponse,
  requestReportQuery,
  requestReportResponse,
  requestStatusResponse,
  resendCodeResponse,
  staffQueueQuery,
  staffQueueResponse,
  staffRequestResponse,
  verificationResponse,
  withdrawalBody,
  withdrawalResponse,
} from '../http/contract/requests';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const verifyRequest = {
  name: 'verify-request',
  method: 'POST',
  path: '/v1/requests/{requestId}/verification',
  summary: 'Confirm a request with the e-mailed code; returns the status token.',
  auth: { kind: 'public' },
  tables: { requests: 'read-write', outbox: 'write' },
  request: { params: requestIdParams, body: verificationBody },
  response: { status: 200, schema: verificationResponse, description: 'Received; the answer is due by dueAt.' },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const resendVerificationCode = {
  name: 'resend-verification-code',
  method: 'POST',
  path: '/v1/requests/{requestId}/verification-code',
  summary:
    'Send a new confirmation code to the address already on a request awaiting one: at most once a minute and three times per request; the new code comes with fresh tries.',
  auth: { kind: 'public' },
  tables: { requests: 'read-write', outbox: 'write' },
  request: { params: requestIdParams },
  response: {
    status: 202,
    schema: resendCodeResponse,
    description: 'A new code is on its way; the one sent before no longer works.',
  },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const getRequestStatus = {
  name: 'get-request-status',
  method: 'GET',
  path: '/v1/requests/{requestId}',
  summary: 'Where a request stands, for the requester holding its status token.',
  auth: { kind: 'status-token' },
  tables: { requests: 'read' },
  request: { params: requestIdParams },
  response: { status: 200, schema: requestStatusResponse, description: 'The request and, once decided, the decision.' },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const listRequests = {
  name: 'list-requests',
  method: 'GET',
  path: '/v1/staff/requests',
  summary:
    'The desk queue, soonest due first: open requests unless a status is given, filtered by type, assignee and due date, searched by request id, e-mail address or name. For operators and the officer it names requester and subject and is access-logged.',
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  // staff: the names of the staff requests can be assigned to (a Scan of the small staff table).
  tables: { requests: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { query: staffQueueQuery },
  response: {
    status: 200,
    schema: staffQueueResponse,
    description: 'The requests; requester and subject only for operators and the officer.',
  },
} as const satisfies RouteDefinition;

export const listAssignees = {
  name: 'list-assignees',
  method: 'GET',
  path: '/v1/staff/assignees',
  summary: 'The active staff a request can be assigned to (id, name, role); the read is access-logged.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { 'access-log': 'append', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: assigneesResponse, description: 'Assignable staff, by name.' },
} as const satisfies RouteDefinition;

export const viewRequest = {
  name: 'view-request',
  method: 'GET',
  path: '/v1/staff/requests/{requestId}',
  summary: 'One request with requester, subject and history; the read is access-logged.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  // personal-data: whether the answer address is held for the customer (its lookup keys only);
  // recipients: the registered third parties a cessation of provision may name, offered by name;
  // fulfilment-tasks and holders: a decided request's tasks at the holders, with the holders' names.
  tables: {
    requests: 'read',
    'personal-data': 'lookup',
    recipients: 'read',
    'fulfilment-tasks': 'read',
    holders: 'read',
    incidents: 'read',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { params: requestIdParams },
  response: { status: 200, schema: staffRequestResponse, description: 'The request as the desk sees it.' },
} as const satisfies RouteDefinition;

export const withdrawRequest = {
  name: 'withdraw-request',
  method: 'POST',
  path: '/v1/requests/{requestId}/withdrawal',
  summary: 'Withdraw your open request, with its status token; an acknowledgement is e-mailed.',
  auth: { kind: 'status-token' },
  tables: { requests: 'read-write', outbox: 'write', 'fulfilment-tasks': 'read-write' },
  request: { params: requestIdParams, body: withdrawalBody },
  response: {
    status: 200,
    schema: withdrawalResponse,
    description: 'Withdrawn; the desk takes no further action on it.',
  },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const assignRequest = {
  name: 'assign-request',
  method: 'POST',
  path: '/v1/staff/requests/{requestId}/assignment',
  summary: 'Hand an open request to an active operator; a received request moves to in-progress.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { requests: 'read-write', ...STAFF_CHECK },
  request: { params: requestIdParams, body: assignmentBody },
  response: { status: 200, schema: assignmentResponse, description: 'Assigned.' },
} as const satisfies RouteDefinition;

export const addRequestNote = {
  name: 'add-request-note',
  method: 'POST',
  path: '/v1/staff/requests/{requestId}/notes',
  summary: 'Record a handling note on an open request; the write is access-logged.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { requests: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: requestIdParams, body: noteBody },
  response: { status: 201, schema: noteResponse, description: 'The note, with its author and time.' },
} as const satisfies RouteDefinition;

export const verifyRepresentative = {
  name: 'verify-representative',
  method: 'POST',
  path: '/v1/staff/requests/{requestId}/representative-verification',
  summary:
    "Record how a representative's authority and identity were checked (document kinds, who, when); needed before deciding their request.",
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { requests: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: requestIdParams, body: representativeVerificationBody },
  response: {
    status: 201,
    schema: representativeVerificationResponse,
    description: 'Recorded; the request may now be decided.',
  },
} as const satisfies RouteDefinition;

export const getRequestReport = {
  name: 'get-request-report',
  method: 'GET',
  path: '/v1/staff/reports/requests',
  summary:
    'How the desk keeps its deadlines: counts by type and status, median and 95th-percentile time to decision, overdue open requests, e-mails set aside as undeliverable, reports to the PPC past due (the register read is access-logged), corrective actions of audits past due.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  // fulfilment-tasks: the decided requests whose holders have not all finished (ids and states only).
  // incidents: the reports to the PPC past due (ids, report and due date only).
  // audits: the corrective actions past their due day (ids, owner and due day only).
  tables: {
    requests: 'read',
    outbox: 'read',
    'fulfilment-tasks': 'read',
    incidents: 'read',
    audits: 'read',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { query: requestReportQuery },
  response: { status: 200, schema: requestReportResponse, description: 'Figures without personal data.' },
} as const satisfies RouteDefinition;

export const answerWithWhatIsKnown = {
  name: 'answer-with-what-is-known',
  method: 'POST',
  path: '/v1/staff/requests/{requestId}/answer',
  summary:
    'Send the answer a decided request holds for its holders now, with what is known: it names the holders that have not finished.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { requests: 'read-write', 'fulfilment-tasks': 'read', outbox: 'write', ...STAFF_CHECK },
  request: { params: requestIdParams, body: answerNowBody },
  response: { status: 200, schema: answerNowResponse, description: 'The answer is on its way to the person.' },
} as const satisfies RouteDefinition;
