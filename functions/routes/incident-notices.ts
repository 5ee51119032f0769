// Notices to the persons of a reportable incident (APPI Art. 26(2)): the officer tells the linked
// persons by e-mail, in batches of one transaction each, or records the alternative measure.
import { INCIDENT_NOTICES_PER_CALL } from '../domain/incidents/limits';
import {
  incidentNoticeParams,
  noticePreviewResponse,
  notifyPersonsBody,
  notifyPersonsResponse,
} from '../http/contract/incident-notices';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const notifyIncidentPersons = {
  name: 'notify-incident-persons',
  method: 'POST',
  path: '/v1/staff/incidents/{incidentId}/notices',
  summary: `Tell the persons linked to a reportable incident, by e-mail through the outbox with the items of Enforcement Rules Art. 10, at most ${INCIDENT_NOTICES_PER_CALL} a call; persons without an address get the alternative measure named (Art. 26(2) proviso). Access-logged.`,
  auth: { kind: 'staff', roles: ['officer'] },
  // personal-data: each person's live e-mail address; outbox: the notice, in the same transaction.
  tables: {
    incidents: 'read-write',
    'personal-data': 'read',
    outbox: 'write',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { params: incidentNoticeParams, body: notifyPersonsBody },
  response: {
    status: 200,
    schema: notifyPersonsResponse,
    description: 'Who was told or recorded unreachable by this call, and how many remain.',
  },
} as const satisfies RouteDefinition;

export const previewIncidentNotice = {
  name: 'preview-incident-notice',
  method: 'GET',
  path: '/v1/staff/incidents/{incidentId}/notice-preview',
  summary:
    'The e-mail the persons of an incident would receive, word for word, what it does not state yet and how many persons wait; access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { incidents: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentNoticeParams },
  response: { status: 200, schema: noticePreviewResponse, description: 'The notice as it would be sent.' },
} as const satisfies RouteDefinition;
