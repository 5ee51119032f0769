// The incident register (APPI Art. 26): operators open a draft of a leak, loss or damage of personal
// data, the officer takes it on, keeps it (every change a version), links the persons involved,
// overrides the desk's reportability answer with a written reason and closes it; auditors read it.
import {
  changeIncidentBody,
  closeIncidentBody,
  incidentDossierResponse,
  incidentListResponse,
  incidentParams,
  incidentResponse,
  linkIncidentSubjectsBody,
  openIncidentBody,
  overrideReportabilityBody,
  registerIncidentBody,
} from '../http/contract/incidents';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listIncidents = {
  name: 'list-incidents',
  method: 'GET',
  path: '/v1/staff/incidents',
  summary:
    'The incident register: every leak, loss or damage of personal data with its reportability and report deadlines; access-logged.',
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { incidents: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: incidentListResponse, description: 'Every incident, newest awareness first.' },
} as const satisfies RouteDefinition;

export const openIncident = {
  name: 'open-incident',
  method: 'POST',
  path: '/v1/staff/incidents',
  summary:
    'Open a draft incident: when and how the company became aware, what happened, the data and persons involved; the officer then takes it on.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { incidents: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { body: openIncidentBody },
  response: {
    status: 201,
    schema: incidentResponse,
    description: 'The draft as version 1, with the reportability answer and the report deadlines.',
  },
} as const satisfies RouteDefinition;

export const viewIncident = {
  name: 'view-incident',
  method: 'GET',
  path: '/v1/staff/incidents/{incidentId}',
  summary: 'One incident with every version and the linked subjects with their notices; access-logged.',
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { incidents: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentParams },
  response: {
    status: 200,
    schema: incidentDossierResponse,
    description: 'The incident, its versions and its linked subjects.',
  },
} as const satisfies RouteDefinition;

export const registerIncident = {
  name: 'register-incident',
  method: 'POST',
  path: '/v1/staff/incidents/{incidentId}/registration',
  summary: 'The officer takes a draft on: it is registered and open, and the officer answers for it.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { incidents: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentParams, body: registerIncidentBody },
  response: { status: 200, schema: incidentResponse, description: 'The open incident, a new version.' },
} as const satisfies RouteDefinition;

export const changeIncident = {
  name: 'change-incident',
  method: 'PUT',
  path: '/v1/staff/incidents/{incidentId}',
  summary:
    'Change an incident: a new version with the reason, the old ones kept; reportability and deadlines are assessed again.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { incidents: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentParams, body: changeIncidentBody },
  response: { status: 200, schema: incidentResponse, description: 'The new version.' },
} as const satisfies RouteDefinition;

export const linkIncidentSubjects = {
  name: 'link-incident-subjects',
  method: 'POST',
  path: '/v1/staff/incidents/{incidentId}/subjects',
  summary: 'Link registry subjects whose data the incident involved; each must be in the registry.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { incidents: 'read-write', 'personal-data': 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentParams, body: linkIncidentSubjectsBody },
  response: {
    status: 200,
    schema: incidentDossierResponse,
    description: 'The incident, a new version, with every linked subject.',
  },
} as const satisfies RouteDefinition;

export const overrideReportability = {
  name: 'override-reportability',
  method: 'POST',
  path: '/v1/staff/incidents/{incidentId}/reportability',
  summary: "The officer overrides the desk's reportability answer, with a written reason kept with the new version.",
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { incidents: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentParams, body: overrideReportabilityBody },
  response: { status: 200, schema: incidentResponse, description: 'The new version with the override.' },
} as const satisfies RouteDefinition;

export const closeIncident = {
  name: 'close-incident',
  method: 'POST',
  path: '/v1/staff/incidents/{incidentId}/closure',
  summary: 'Close an incident, with the reason; it is kept for good.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { incidents: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentParams, body: closeIncidentBody },
  response: { status: 200, schema: incidentResponse, description: 'The closed version.' },
} as const satisfies RouteDefinition;
