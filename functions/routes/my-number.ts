// My Number (My Number Act Art. 9, 19, 20): registered and read by payroll, read by the officer.
import { subjectParams } from '../http/contract/common';
import {
  myNumberQuery,
  myNumberRegistrationBody,
  myNumberRegistrationResponse,
  myNumberResponse,
} from '../http/contract/my-number';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const registerMyNumber = {
  name: 'register-my-number',
  method: 'POST',
  path: '/v1/system/my-number',
  summary:
    'Register an Individual Number for a statutory affair (tax, social insurance), kept as long as its document must be.',
  auth: { kind: 'system', systems: ['payroll'] },
  tables: { 'my-number': 'write' },
  request: { body: myNumberRegistrationBody },
  response: {
    status: 201,
    schema: myNumberRegistrationResponse,
    description: "Registered; erased when the document's retention ends.",
  },
} as const satisfies RouteDefinition;

export const getMyNumber = {
  name: 'get-my-number',
  method: 'GET',
  path: '/v1/system/my-number/{subjectId}',
  summary: 'The Individual Numbers of a subject, for the payroll system; every read is access-logged.',
  auth: { kind: 'system', systems: ['payroll'] },
  tables: { 'my-number': 'read', requests: 'read', 'personal-data': 'lookup', 'access-log': 'append' },
  request: { params: subjectParams, query: myNumberQuery },
  response: { status: 200, schema: myNumberResponse, description: 'The documents and their numbers.' },
} as const satisfies RouteDefinition;

export const viewMyNumber = {
  name: 'view-my-number',
  method: 'GET',
  path: '/v1/staff/subjects/{subjectId}/my-number',
  summary: 'The Individual Numbers of a subject, for the Information Security Officer; every read is access-logged.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { 'my-number': 'read', requests: 'read', 'personal-data': 'lookup', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: subjectParams, query: myNumberQuery },
  response: { status: 200, schema: myNumberResponse, description: 'The documents and their numbers.' },
} as const satisfies RouteDefinition;
