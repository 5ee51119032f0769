// Which part of the desk each route belongs to, so that its function, role, policy and method land in
// that capability's nested stack: the module of functions/routes/ that defines the route decides.
import type { RouteDefinition } from '../functions/http/route-definition';
import { ROUTE_MODULES, type RouteModule } from '../functions/routes';

/** The capabilities the route functions are split by, each a nested stack of its own. */
export const CAPABILITIES = {
  requests:
    'Requests under APPI Art. 33-35 (disclosure, correction, cessation): submitting, verifying, deciding, answering',
  registry: 'The registry of personal data, purposes of use and Individual Numbers, and the privacy notice',
  'consents-and-provisions':
    'Consents, their self-service by the person, recipients and records of provision to third parties',
  safeguards:
    'Staff accounts, the access log and exports, internal rules, training and audits: the safeguards of policy §6',
  fulfilment:
    'Holders of personal data and the fulfilment of decided requests at each: the holder registry, tasks, OpenDSR callbacks',
  incidents:
    'Leaks, losses and damage of personal data (APPI Art. 26): the incident register, reports to the PPC, notices to the persons',
  anonymisation: 'Anonymously processed information (policy §3; APPI Art. 43)',
} as const;

export type Capability = keyof typeof CAPABILITIES;

/** The nested stack of each route module (functions/routes/<module>.ts). */
const STACK_OF_MODULE: Record<RouteModule, Capability> = {
  requests: 'requests',
  'request-details': 'requests',
  disclosures: 'requests',
  'personal-data': 'registry',
  purposes: 'registry',
  'my-number': 'registry',
  notice: 'registry',
  consents: 'consents-and-provisions',
  provisions: 'consents-and-provisions',
  'access-log': 'safeguards',
  exports: 'safeguards',
  'staff-accounts': 'safeguards',
  'internal-rules': 'safeguards',
  training: 'safeguards',
  'safeguards-standing': 'safeguards',
  audits: 'safeguards',
  fulfilment: 'fulfilment',
  holders: 'fulfilment',
  incidents: 'incidents',
  'incident-reports': 'incidents',
  'incident-notices': 'incidents',
  anonymisation: 'anonymisation',
};

const CAPABILITY_OF = new Map<string, Capability>(
  (Object.entries(ROUTE_MODULES) as [RouteModule, Record<string, RouteDefinition>][]).flatMap(([module, routes]) =>
    Object.values(routes).map((route) => [route.name, STACK_OF_MODULE[module]] as const),
  ),
);

/** The capability a route belongs to, from the module that defines it; a route in no module cannot be deployed. */
export function routeCapability(routeName: string): Capability {
  const capability = CAPABILITY_OF.get(routeName);
  if (!capability)
    throw new Error(
      `Route ${routeName} is defined in no module of functions/routes/ that lib/capabilities.ts maps to a stack`,
    );
  return capability;
}

/** The routes a capability holds, for the tests that hold this map to ROUTES. */
export function capabilityRoutes(capability: Capability): readonly string[] {
  return [...CAPABILITY_OF].filter(([, c]) => c === capability).map(([name]) => name);
}
