// The purpose registry (policy §2(1), (3), (4)): the officer adds, changes and retires purposes of use.
import {
  changePurposeBody,
  createPurposeBody,
  purposeListResponse,
  purposeParams,
  purposeResponse,
  retirePurposeBody,
} from '../http/contract/purposes';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listPurposes = {
  name: 'list-purposes',
  method: 'GET',
  path: '/v1/staff/purposes',
  summary: "The purpose registry: each purpose's current version and its history.",
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { purposes: 'read', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: purposeListResponse, description: 'Every purpose, current version first.' },
} as const satisfies RouteDefinition;

export const createPurpose = {
  name: 'create-purpose',
  method: 'POST',
  path: '/v1/staff/purposes',
  summary: 'Add a purpose of use; it is published in the privacy notice at once.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { purposes: 'read-write', ...STAFF_CHECK },
  request: { body: createPurposeBody },
  response: { status: 201, schema: purposeResponse, description: 'Published as version 1.' },
} as const satisfies RouteDefinition;

export const changePurpose = {
  name: 'change-purpose',
  method: 'PUT',
  path: '/v1/staff/purposes/{purposeId}',
  summary:
    'Change a purpose within its related scope (policy §2(3)): a new version is published and every affected person is e-mailed.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { purposes: 'read-write', ...STAFF_CHECK },
  request: { params: purposeParams, body: changePurposeBody },
  response: {
    status: 200,
    schema: purposeResponse,
    description: 'The new version; notices go out in batches within the SES sending rate.',
  },
} as const satisfies RouteDefinition;

export const retirePurpose = {
  name: 'retire-purpose',
  method: 'POST',
  path: '/v1/staff/purposes/{purposeId}/retirement',
  summary:
    'Retire a purpose whose business has ended (policy §2(4)): records held only for it are erased, the rest recomputed.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { purposes: 'read-write', ...STAFF_CHECK },
  request: { params: purposeParams, body: retirePurposeBody },
  response: {
    status: 200,
    schema: purposeResponse,
    description: 'The retired version; records are recomputed in batches.',
  },
} as const satisfies RouteDefinition;
