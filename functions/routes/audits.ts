// Audits of compliance (policy §6(2)A; APPI Art. 23; PPC General Guidelines 10-3(5)): the officer
// plans them and follows their corrective actions; the assigned auditor records results and closes
// them; both read them and their report.
import {
  actionChangeBody,
  auditDossierResponse,
  auditFindingSchema,
  auditListResponse,
  auditParams,
  auditPlanSchema,
  auditReportResponse,
  auditResultSchema,
  closeAuditBody,
  findingBody,
  findingParams,
  planAuditBody,
  resultBody,
} from '../http/contract/audits';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

const READERS = ['officer', 'auditor'] as const;

export const listAudits = {
  name: 'list-audits',
  method: 'GET',
  path: '/v1/staff/audits',
  summary: 'Every audit plan, latest planned first.',
  auth: { kind: 'staff', roles: READERS },
  tables: { audits: 'read', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: auditListResponse, description: 'The audits.' },
} as const satisfies RouteDefinition;

export const planAudit = {
  name: 'plan-audit',
  method: 'POST',
  path: '/v1/staff/audits',
  summary:
    'Plan an audit: title, scope, the period audited, the day, the auditor (an auditor account) and the checklist items (all by default); access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { audits: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { body: planAuditBody },
  response: { status: 201, schema: auditPlanSchema, description: 'The plan, version 1.' },
} as const satisfies RouteDefinition;

export const viewAudit = {
  name: 'view-audit',
  method: 'GET',
  path: '/v1/staff/audits/{auditId}',
  summary: 'One audit with its results and findings.',
  auth: { kind: 'staff', roles: READERS },
  tables: { audits: 'read', ...STAFF_CHECK },
  request: { params: auditParams },
  response: { status: 200, schema: auditDossierResponse, description: 'The audit.' },
} as const satisfies RouteDefinition;

export const recordAuditResult = {
  name: 'record-audit-result',
  method: 'POST',
  path: '/v1/staff/audits/{auditId}/results',
  summary: "The assigned auditor's answer for one checklist item, conditional on the version read; access-logged.",
  auth: { kind: 'staff', roles: ['auditor'] },
  tables: { audits: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: auditParams, body: resultBody },
  response: { status: 201, schema: auditResultSchema, description: "The item's result, its new version." },
} as const satisfies RouteDefinition;

export const addAuditFinding = {
  name: 'add-audit-finding',
  method: 'POST',
  path: '/v1/staff/audits/{auditId}/findings',
  summary:
    'A finding on one checklist item with its corrective action (owner, due day), while the audit is in progress; access-logged.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { audits: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: auditParams, body: findingBody },
  response: { status: 201, schema: auditFindingSchema, description: 'The finding, its action open.' },
} as const satisfies RouteDefinition;

export const changeCorrectiveAction = {
  name: 'change-corrective-action',
  method: 'PUT',
  path: '/v1/staff/audits/{auditId}/findings/{findingId}/action',
  summary:
    'The officer moves a corrective action forward (open, in-progress, done with what was done), or changes its owner or due day; access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { audits: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: findingParams, body: actionChangeBody },
  response: { status: 200, schema: auditFindingSchema, description: 'The finding, its new version.' },
} as const satisfies RouteDefinition;

export const closeAudit = {
  name: 'close-audit',
  method: 'POST',
  path: '/v1/staff/audits/{auditId}/closure',
  summary: 'The assigned auditor closes the audit with a conclusion once every item is answered; access-logged.',
  auth: { kind: 'staff', roles: ['auditor'] },
  tables: { audits: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: auditParams, body: closeAuditBody },
  response: { status: 200, schema: auditPlanSchema, description: 'The audit, closed.' },
} as const satisfies RouteDefinition;

export const viewAuditReport = {
  name: 'view-audit-report',
  method: 'GET',
  path: '/v1/staff/audits/{auditId}/report',
  summary:
    "The audit report: the checklist as audited with each item's result and where the desk holds evidence, the findings and their actions, overdue ones marked.",
  auth: { kind: 'staff', roles: READERS },
  tables: { audits: 'read', ...STAFF_CHECK },
  request: { params: auditParams },
  response: { status: 200, schema: auditReportResponse, description: 'The report.' },
} as const satisfies RouteDefinition;
