// Who holds personal data besides the desk's own registry: the company's own systems (CRM, billing,
// marketing) and its subcontractors, the processors it entrusts data to (APPI Art. 25, 27(5)(i);
// policy §6(2)B). A decided request reaches each of them (APPI Art. 34-35, policy §8(1)).
import type { ConsignmentContract } from './contract';

export const HOLDER_KINDS = ['internal-system', 'processor'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** OpenDSR subject request types a processor may support (OpenDSR §6.2). */
export const OPENDSR_REQUEST_TYPES = ['access', 'portability', 'erasure'] as const;
export type OpenDsrRequestType = (typeof OPENDSR_REQUEST_TYPES)[number];

/** OpenDSR identity formats (§5.2). */
export const OPENDSR_IDENTITY_FORMATS = ['raw', 'sha1', 'md5', 'sha256'] as const;
export type OpenDsrIdentityFormat = (typeof OPENDSR_IDENTITY_FORMATS)[number];

export interface OpenDsrIdentityKind {
  identity_type: string;
  identity_format: OpenDsrIdentityFormat;
}

/**
 * How a holder is reached: its OpenDSR endpoint and what its /discovery said when it was registered,
 * the certificate it signs callbacks and answers with pinned here (OpenDSR §4, §6.3, §8.8).
 */
export interface HolderEndpoint {
  /** The versioned base URL, e.g. https://opendsr.crm.example.com/v2; /discovery and /requests are below it. */
  baseUrl: string;
  /** The domain its certificate is issued to; callbacks must name it in X-OpenDSR-Processor-Domain. */
  processorDomain: string;
  apiVersion: string;
  supportedRequestTypes: OpenDsrRequestType[];
  supportedIdentities: OpenDsrIdentityKind[];
  /** The X.509 certificate (PEM) from discovery's processor_certificate, as fetched at registration. */
  certificatePem: string;
  /** sha256 fingerprint of the certificate (hex, colon-separated as openssl prints it), for people to compare. */
  certificateFingerprint: string;
  discoveredAt: string;
}

/** The holder registry's entry; the registry keeps every version (a change is a new version). */
export interface Holder {
  holderId: string;
  name: string;
  /** The department or company that answers for it. */
  owner: string;
  kind: HolderKind;
  /** Registry categories (personal-data/categories.ts) it holds data of. */
  categories: string[];
  /** Registered purposes it holds data for. */
  purposes: string[];
  endpoint: HolderEndpoint;
  /**
   * OpenDSR knows access, portability and erasure only (§6.2). Whether the holder carries out the
   * desk's extension for correction and cessation of use (DESK_OPENDSR_EXTENSION); a holder that
   * does not is asked for those by a person, and the task says so.
   */
  understandsDeskExtension: boolean;
  version: number;
  registeredAt: string;
  registeredBy: string;
  /** A holder no longer holding data is retired, never deleted: tasks it received keep naming it. */
  retiredAt?: string;
  retiredBy?: string;
  retirementReason?: string;
  /** Who made this version and why, for every version after the first. */
  changedAt?: string;
  changedBy?: string;
  changeReason?: string;
  /** A processor's consignment contract (policy §6(2)B, APPI Art. 25); internal systems have none. */
  contract?: ConsignmentContract;
  /** A processor is reviewed every this many months (SUPERVISION_INTERVAL_MONTHS by default). */
  supervisionEveryMonths?: number;
}

export interface HolderReader {
  get(holderId: string): Promise<Holder | undefined>;
  /** Every holder not retired. */
  list(): Promise<Holder[]>;
}

/**
 * What is wrong with a holder's URL, if anything: holders are reached over HTTPS only (OpenDSR §3.3,
 * §8.8). Plain HTTP is allowed only where the deployment says so, which the local runtime alone does
 * (DESK_ALLOW_PLAIN_HTTP_HOLDERS=true) for its demo processor on the loopback.
 */
export function holderUrlFault(url: string, allowPlainHttp: boolean): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL';
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && allowPlainHttp) return undefined;
  return 'must be an https:// URL';
}

/** The setting that allows plain-HTTP holders; only the local runtime sets it. */
export const ALLOW_PLAIN_HTTP_HOLDERS = 'DESK_ALLOW_PLAIN_HTTP_HOLDERS';
