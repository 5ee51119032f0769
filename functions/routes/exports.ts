// Exports (policy §6(1)): only the download reads personal data; none touches My Number.
import {
  exportDecisionBody,
  exportDecisionResponse,
  exportDownloadParams,
  exportFileResponse,
  exportListQuery,
  exportListResponse,
  exportParams,
  exportRequestBody,
  exportRequestResponse,
  exportResponse,
} from '../http/contract/exports';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const requestExport = {
  name: 'request-export',
  method: 'POST',
  path: '/v1/staff/exports',
  summary:
    'Ask to export the data of several subjects, with a reason; the officer is e-mailed to approve it; access-logged.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: {
    exports: 'write',
    purposes: 'read',
    requests: 'read',
    'personal-data': 'lookup',
    outbox: 'write',
    'access-log': 'append',
    ...STAFF_CHECK,
  },
  request: { body: exportRequestBody },
  response: {
    status: 202,
    schema: exportRequestResponse,
    description: 'Requested; nothing is exported until another person, the officer, approves.',
  },
} as const satisfies RouteDefinition;

export const listExports = {
  name: 'list-exports',
  method: 'GET',
  path: '/v1/staff/exports',
  summary:
    'Export requests, newest first, optionally of one status; an operator sees only their own. No personal data values.',
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { exports: 'read', ...STAFF_CHECK },
  request: { query: exportListQuery },
  response: { status: 200, schema: exportListResponse, description: 'What was asked, decided and downloaded.' },
} as const satisfies RouteDefinition;

export const viewExport = {
  name: 'view-export',
  method: 'GET',
  path: '/v1/staff/exports/{exportId}',
  summary:
    'One export request with its subject ids, note and decision; an operator sees only their own. No personal data values.',
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { exports: 'read', ...STAFF_CHECK },
  request: { params: exportParams },
  response: { status: 200, schema: exportResponse, description: 'The export request.' },
} as const satisfies RouteDefinition;

export const decideExport = {
  name: 'decide-export',
  method: 'POST',
  path: '/v1/staff/exports/{exportId}/approval',
  summary:
    'Approve or refuse an export someone else requested; an approval e-mails the requester a single-use link valid 24 hours.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { exports: 'read-write', outbox: 'write', ...STAFF_CHECK },
  request: { params: exportParams, body: exportDecisionBody },
  response: { status: 200, schema: exportDecisionResponse, description: 'Decided; the requester is e-mailed.' },
} as const satisfies RouteDefinition;

export const downloadExport = {
  name: 'download-export',
  method: 'GET',
  path: '/v1/staff/exports/{exportId}/download/{token}',
  summary:
    'Download an approved export once, signed in as its requester, with the e-mailed token: JSON or CSV built from the live records; access-logged. A used or expired link is 410.',
  auth: { kind: 'staff', roles: ['operator', 'officer'] },
  tables: { exports: 'read-write', 'personal-data': 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: exportDownloadParams },
  response: { status: 200, schema: exportFileResponse, description: 'The exported file, as an attachment.' },
} as const satisfies RouteDefinition;
