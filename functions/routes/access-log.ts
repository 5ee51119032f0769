// The access log: listed and verified by the officer and auditors.

import {
  accessAlertParams,
  accessAlertsResponse,
  accessLogQuery,
  accessLogResponse,
  accessLogVerifyBody,
  accessLogVerifyResponse,
  incidentTimelineParams,
  incidentTimelineQuery,
  incidentTimelineResponse,
} from '../http/contract/access-log';
import { incidentResponse } from '../http/contract/incidents';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listAccessLog = {
  name: 'list-access-log',
  method: 'GET',
  path: '/v1/staff/access-log',
  summary:
    'The access log, newest first, filtered by actor and subject within a window of at most 31 days; entries hold opaque ids, no personal data values.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { 'access-log': 'read', ...STAFF_CHECK },
  request: { query: accessLogQuery },
  response: {
    status: 200,
    schema: accessLogResponse,
    description: 'One page of entries; nextCursor when more may follow.',
  },
} as const satisfies RouteDefinition;

export const verifyAccessLog = {
  name: 'verify-access-log',
  method: 'POST',
  path: '/v1/staff/access-log/verify',
  summary:
    "Verify the access log: every chain's sequence, hashes and links, and every digest of the chain heads; names the first broken link.",
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { 'access-log': 'read', ...STAFF_CHECK },
  buckets: { 'access-log-digests': 'read' },
  request: { body: accessLogVerifyBody },
  response: {
    status: 200,
    schema: accessLogVerifyResponse,
    description: "verified true with each chain's head, or false with the first broken link.",
  },
} as const satisfies RouteDefinition;

export const getIncidentTimeline = {
  name: 'get-incident-timeline',
  method: 'GET',
  path: '/v1/staff/incidents/{incidentId}/timeline',
  summary:
    "An incident's timeline from the access log: every read and write of it, who, in which role, what and when, with the version read or written; newest first, a month of days a page.",
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { 'access-log': 'read', incidents: 'read', ...STAFF_CHECK },
  request: { params: incidentTimelineParams, query: incidentTimelineQuery },
  response: {
    status: 200,
    schema: incidentTimelineResponse,
    description: 'One page of days; nextBefore while older days of the incident remain.',
  },
} as const satisfies RouteDefinition;

export const listAccessAlerts = {
  name: 'list-access-alerts',
  method: 'GET',
  path: '/v1/staff/access-alerts',
  summary:
    "Access monitoring's recent alerts, newest first: who read many people's data in an hour or read outside desk hours, by staff and subject ids, and the incident opened from each; access-logged.",
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { evidence: 'read', incidents: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: accessAlertsResponse, description: 'The recent alerts.' },
} as const satisfies RouteDefinition;

export const openIncidentFromAlert = {
  name: 'open-incident-from-alert',
  method: 'POST',
  path: '/v1/staff/access-alerts/{alertId}/incident',
  summary:
    "Open a draft incident from an access-monitoring alert: aware from the alert's time, its facts as the summary, the registry subjects it names linked, every factor false for the officer to judge; once per alert.",
  auth: { kind: 'staff', roles: ['officer'] },
  // personal-data: which of the alert's subject ids the registry holds (keys and expiry only).
  tables: {
    evidence: 'read',
    incidents: 'read-write',
    'personal-data': 'read',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { params: accessAlertParams },
  response: {
    status: 201,
    schema: incidentResponse,
    description: 'The draft as version 1, with the reportability answer and the report deadlines.',
  },
} as const satisfies RouteDefinition;
