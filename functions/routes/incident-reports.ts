// The reports to the PPC about an incident (APPI Art. 26(1); Enforcement Rules Art. 8): the officer and
// auditors read the preliminary and final report the desk prepares; the officer records each one's
// submission on the PPC's own form.
import {
  incidentReportParams,
  incidentReportQuery,
  incidentReportResponse,
  reportSubmissionBody,
  reportSubmissionResponse,
} from '../http/contract/incident-reports';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const viewIncidentReport = {
  name: 'view-incident-report',
  method: 'GET',
  path: '/v1/staff/incidents/{incidentId}/reports/{kind}',
  summary:
    'The preliminary or final report to the PPC, prepared from the incident with the items of Enforcement Rules Art. 8(1), in Japanese; access-logged.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { incidents: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentReportParams, query: incidentReportQuery },
  response: {
    status: 200,
    schema: incidentReportResponse,
    description: 'The report, with items not yet known marked 調査中 in a preliminary report.',
  },
} as const satisfies RouteDefinition;

export const recordReportSubmission = {
  name: 'record-report-submission',
  method: 'POST',
  path: '/v1/staff/incidents/{incidentId}/reports/{kind}/submission',
  summary:
    "Record that a report was submitted on the PPC's form: when, its receipt reference and the incident version it was prepared from; a new version of the incident.",
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { incidents: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: incidentReportParams, body: reportSubmissionBody },
  response: {
    status: 201,
    schema: reportSubmissionResponse,
    description: 'The incident’s new version and its reports.',
  },
} as const satisfies RouteDefinition;
