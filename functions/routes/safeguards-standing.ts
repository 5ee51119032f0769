// Standing under the internal rules and training (policy §6(2)A-B): the caller's own, and every
// active member's for the officer and auditors. Open to a lapsed member: it says what to put right.
import { standingListResponse, standingResponse } from '../http/contract/safeguards-standing';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const getMyStanding = {
  name: 'get-my-standing',
  method: 'GET',
  path: '/v1/staff/safeguards/my-standing',
  summary:
    "The caller's own standing: each rule version in force acknowledged or not, each required training current or not, and when they would be refused personal data.",
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { ...STAFF_CHECK, safeguards: 'read' },
  request: {},
  response: { status: 200, schema: standingResponse, description: "The caller's standing today (Japan date)." },
} as const satisfies RouteDefinition;

export const listStandings = {
  name: 'list-standings',
  method: 'GET',
  path: '/v1/staff/safeguards/standings',
  summary:
    "Every active staff member's standing, lapsed first, then by the day they would lapse; the read is access-logged.",
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { ...STAFF_CHECK, safeguards: 'read', 'access-log': 'append' },
  request: {},
  response: { status: 200, schema: standingListResponse, description: 'One standing per active account.' },
} as const satisfies RouteDefinition;
