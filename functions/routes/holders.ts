// The holder registry (policy §6(2)B, §8(1); APPI Art. 25): the officer registers, changes and retires
// the systems and processors that hold personal data and records their supervision; auditors read it.
import {
  changeHolderBody,
  holderDossierResponse,
  holderListResponse,
  holderParams,
  holderResponse,
  holderReviewBody,
  registerHolderBody,
  retireHolderBody,
} from '../http/contract/holders';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listHolders = {
  name: 'list-holders',
  method: 'GET',
  path: '/v1/staff/holders',
  summary:
    "The holder registry: every system and processor holding personal data, a processor's contract standing and its next review; access-logged.",
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { holders: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: holderListResponse, description: 'Every holder, retired ones last.' },
} as const satisfies RouteDefinition;

export const registerHolder = {
  name: 'register-holder',
  method: 'POST',
  path: '/v1/staff/holders',
  summary:
    "Register a system or processor holding personal data: its OpenDSR discovery and certificate are fetched and pinned; a processor's consignment contract is recorded (policy §6(2)B).",
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { holders: 'read-write', purposes: 'read', 'access-log': 'append', ...STAFF_CHECK },
  // Fetches the holder's OpenDSR discovery and certificate on the internet.
  reachesHolders: true,
  request: { body: registerHolderBody },
  response: {
    status: 201,
    schema: holderResponse,
    description: "Registered as version 1, with the certificate's fingerprint to compare.",
  },
} as const satisfies RouteDefinition;

export const viewHolder = {
  name: 'view-holder',
  method: 'GET',
  path: '/v1/staff/holders/{holderId}',
  summary: 'One holder with every version, its supervision reviews and when the next is due; access-logged.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { holders: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: holderParams },
  response: { status: 200, schema: holderDossierResponse, description: 'The holder, its versions and reviews.' },
} as const satisfies RouteDefinition;

export const changeHolder = {
  name: 'change-holder',
  method: 'PUT',
  path: '/v1/staff/holders/{holderId}',
  summary:
    'Change a holder: a new version, the old ones kept; a new endpoint (or a rotated certificate) is discovered again.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { holders: 'read-write', purposes: 'read', 'access-log': 'append', ...STAFF_CHECK },
  // Fetches the holder's OpenDSR discovery and certificate on the internet.
  reachesHolders: true,
  request: { params: holderParams, body: changeHolderBody },
  response: { status: 200, schema: holderResponse, description: 'The new version.' },
} as const satisfies RouteDefinition;

export const retireHolder = {
  name: 'retire-holder',
  method: 'POST',
  path: '/v1/staff/holders/{holderId}/retirement',
  summary: 'Retire a holder that no longer holds personal data; it is kept, and no new task goes to it.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { holders: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: holderParams, body: retireHolderBody },
  response: { status: 200, schema: holderResponse, description: 'The retired version.' },
} as const satisfies RouteDefinition;

export const recordHolderReview = {
  name: 'record-holder-review',
  method: 'POST',
  path: '/v1/staff/holders/{holderId}/reviews',
  summary:
    "Record a supervision review of a processor (policy §6(2)B, APPI Art. 25): when, what was found, the outcome; the next review's due day follows.",
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { holders: 'read-write', 'access-log': 'append', ...STAFF_CHECK },
  request: { params: holderParams, body: holderReviewBody },
  response: { status: 201, schema: holderDossierResponse, description: 'The holder with its reviews.' },
} as const satisfies RouteDefinition;
