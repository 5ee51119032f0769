// Internal rules and manuals (policy §6(2)A): the officer publishes versions; every staff member reads
// them and acknowledges their own; the officer and auditors see who has not. No customer personal
// data: a member whose training has lapsed can still read and acknowledge.
import {
  acknowledgementResponse,
  acknowledgeRuleBody,
  publishRuleVersionBody,
  ruleListResponse,
  ruleVersionResponse,
  unacknowledgedResponse,
} from '../http/contract/internal-rules';
import { type RouteDefinition, STAFF_CHECK } from '../http/route-definition';

export const listInternalRules = {
  name: 'list-internal-rules',
  method: 'GET',
  path: '/v1/staff/internal-rules',
  summary:
    "The internal rules and manuals, each with its version in force and any scheduled, and the caller's acknowledgements.",
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { safeguards: 'read', ...STAFF_CHECK },
  request: {},
  response: { status: 200, schema: ruleListResponse, description: 'Every rule and manual, by id.' },
} as const satisfies RouteDefinition;

export const publishRuleVersion = {
  name: 'publish-rule-version',
  method: 'POST',
  path: '/v1/staff/internal-rules',
  summary:
    'Publish a rule or manual, or its next version, binding from its effective day (today or later); of two publications of one version, one is refused.',
  auth: { kind: 'staff', roles: ['officer'] },
  tables: { safeguards: 'read-write', ...STAFF_CHECK },
  request: { body: publishRuleVersionBody },
  response: { status: 201, schema: ruleVersionResponse, description: 'The published version.' },
} as const satisfies RouteDefinition;

export const acknowledgeRule = {
  name: 'acknowledge-rule',
  method: 'POST',
  path: '/v1/staff/internal-rules/acknowledgements',
  summary:
    'The caller acknowledges that they have read and will follow a version in force or scheduled; acknowledging again keeps the first.',
  auth: { kind: 'staff', roles: ['operator', 'officer', 'auditor'] },
  tables: { safeguards: 'read-write', ...STAFF_CHECK },
  request: { body: acknowledgeRuleBody },
  response: { status: 200, schema: acknowledgementResponse, description: "The caller's acknowledgement." },
} as const satisfies RouteDefinition;

export const listUnacknowledged = {
  name: 'list-unacknowledged-rules',
  method: 'GET',
  path: '/v1/staff/internal-rules/unacknowledged',
  summary: 'Each active staff member with the versions in force they have not acknowledged; access-logged.',
  auth: { kind: 'staff', roles: ['officer', 'auditor'] },
  tables: { safeguards: 'read', 'access-log': 'append', ...STAFF_CHECK },
  request: {},
  response: {
    status: 200,
    schema: unacknowledgedResponse,
    description: 'The members with something to acknowledge, by staff id.',
  },
} as const satisfies RouteDefinition;
