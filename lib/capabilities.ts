// Which part of the desk each route belongs to, so that its function, role, policy and method land in
// that capability's nested stack (lib/route-stack.ts). One map, checked against ROUTES by the tests:
// a route missing here fails the synthesis.

/** The capabilities the route functions are split by, each a nested stack of its own. */
export const CAPABILITIES = {
  requests: 'Requests under APPI Art. 33-35 (disclosure, correction, cessation): submitting, verifying, deciding, answering',
  registry: 'The registry of personal data, purposes of use and Individual Numbers, and the privacy notice',
  'consents-and-provisions': 'Consents, their self-service by the person, recipients and records of provision to third parties',
  safeguards: 'Staff accounts, the access log and exports: the safeguards of policy §6',
} as const;

export type Capability = keyof typeof CAPABILITIES;

const BY_CAPABILITY: Record<Capability, readonly string[]> = {
  requests: [
    'submit-request',
    'verify-request',
    'get-request-status',
    'withdraw-request',
    'list-requests',
    'view-request',
    'decide-request',
    'assign-request',
    'add-request-note',
    'verify-representative',
    'get-disclosure',
    'get-paper-disclosure',
    'record-posting',
    'get-request-report',
  ],
  registry: [
    'register-personal-data',
    'register-personal-data-by-staff',
    'record-subject-event',
    'check-use',
    'view-subject',
    'search-subjects',
    'list-purposes',
    'create-purpose',
    'change-purpose',
    'retire-purpose',
    'register-my-number',
    'get-my-number',
    'view-my-number',
    'get-privacy-notice',
    'get-openapi',
  ],
  'consents-and-provisions': [
    'record-consent',
    'record-consent-by-staff',
    'start-subject-session',
    'verify-subject-session',
    'list-my-consents',
    'withdraw-my-consent',
    'register-recipient',
    'list-recipients',
    'lift-provision-cessation',
    'permit-provision',
    'record-receipt',
    'list-provisions',
  ],
  safeguards: [
    'list-access-log',
    'verify-access-log',
    'request-export',
    'list-exports',
    'view-export',
    'decide-export',
    'download-export',
    'list-staff-accounts',
    'create-staff-account',
    'change-staff-role',
    'confirm-officer-grant',
    'disable-staff-account',
    'enable-staff-account',
  ],
};

const CAPABILITY_OF = new Map<string, Capability>(
  (Object.entries(BY_CAPABILITY) as [Capability, readonly string[]][]).flatMap(([capability, routes]) => routes.map((route) => [route, capability] as const)),
);

/** The capability a route belongs to; a route no capability names cannot be deployed. */
export function routeCapability(routeName: string): Capability {
  const capability = CAPABILITY_OF.get(routeName);
  if (!capability) throw new Error(`Route ${routeName} belongs to no capability: add it to lib/capabilities.ts`);
  return capability;
}

/** The routes a capability names, for the tests that hold this map to ROUTES. */
export function capabilityRoutes(capability: Capability): readonly string[] {
  return BY_CAPABILITY[capability];
}
