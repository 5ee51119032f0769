// The route manifest: every HTTP route, who may call it, and what it may touch. The CDK api construct
// builds API Gateway, the functions and their grants from it; the local gateway mounts from it; the
// OpenAPI document is generated from it. One list, so the three cannot drift.
import type { z } from 'zod';
import type { TableName } from './adapters/tables';
import type { StaffRole } from './domain/staff';
import * as contract from './http/contract';

export type RouteAuth =
  | { kind: 'public' }
  /** The requester, with the status token issued at verification. */
  | { kind: 'status-token' }
  /** The holder of an e-mailed link; the token is in the path. */
  | { kind: 'link' }
  | { kind: 'staff'; roles: readonly StaffRole[] };

/** What a function may do with a table: read; write (put/update); read-write; append (conditional put only). */
export type TableAccess = 'read' | 'write' | 'read-write' | 'append';

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
      'personal-data': 'read',
      consents: 'read',
      'provision-records': 'read',
      disclosures: 'write',
      outbox: 'write',
      'access-log': 'append',
      ...STAFF_CHECK,
    },
    request: { params: contract.requestIdParams, body: contract.decisionBody },
    response: { status: 200, schema: contract.decisionResponse, description: 'Decided; the requester is e-mailed the result.' },
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
    name: 'get-privacy-notice',
    method: 'GET',
    path: '/v1/privacy-notice',
    summary: 'Purposes of use, sources, third-party provision, the desk and how to make a request.',
    auth: { kind: 'public' },
    tables: {},
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
