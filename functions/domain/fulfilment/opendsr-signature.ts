// Signatures on OpenDSR answers and callbacks (OpenDSR specification.md §4.2, §8.3, §8.6, §8.8): a
// base64 signature of the SHA-256 digest of the raw body, made with the key of the certificate the
// processor published in its /discovery. It is checked over the bytes as received, before anything is
// parsed (§8.8 step 4). The older header names stay valid (§10.1: OpenGDPR, OpenCompliance).
import { type KeyObject, verify, X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

/** Header name prefixes, the desk's v2 naming first, then the names the specification keeps valid. */
export const OPENDSR_HEADER_PREFIXES = ['x-opendsr-', 'x-opencompliance-', 'x-opengdpr-'] as const;
export const SIGNATURE_HEADER = 'X-OpenDSR-Signature';
export const PROCESSOR_DOMAIN_HEADER = 'X-OpenDSR-Processor-Domain';

/** Headers as a fetch Response, an API Gateway event or node:http give them. */
export type HeaderSource =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined | null>>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== wanted || value === undefined || value === null) continue;
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  }
  return undefined;
}

/** The signature and processor domain a message carries, under whichever of the three names it uses. */
export function readOpenDsrHeaders(headers: HeaderSource): { signature?: string; processorDomain?: string } {
  const pick = (suffix: string) => {
    for (const prefix of OPENDSR_HEADER_PREFIXES) {
      const value = header(headers, `${prefix}${suffix}`)?.trim();
      if (value) return value;
    }
    return undefined;
  };
  const signature = pick('signature');
  const processorDomain = pick('processor-domain');
  return { ...(signature ? { signature } : {}), ...(processorDomain ? { processorDomain } : {}) };
}

const MAX_SIGNATURE_CHARS = 4096;

/** Standard base64 (folded lines allowed, as the specification's examples show them); undefined if not. */
function decodeBase64(value: string): Buffer | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length > MAX_SIGNATURE_CHARS) return undefined;
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
}

function publicKeyOf(certificatePem: string): KeyObject | undefined {
  try {
    return new X509Certificate(certificatePem).publicKey;
  } catch {
    return undefined;
  }
}

/**
 * Whether `signature` (base64) is a valid SHA-256 signature of `rawBody` by the key of `certificatePem`.
 * RSA (PKCS#1 v1.5) and ECDSA (DER, or the fixed-length r||s form) are accepted. Never throws: garbage
 * in the header, the body or the certificate answers false.
 */
export function verifyOpenDsrSignature(
  rawBody: Uint8Array | string,
  signature: string | undefined,
  certificatePem: string,
): boolean {
  if (!signature) return false;
  const bytes = decodeBase64(signature);
  const key = publicKeyOf(certificatePem);
  if (!bytes || !key) return false;
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const attempt = (options: { dsaEncoding?: 'der' | 'ieee-p1363' }) => {
    try {
      return verify('sha256', body, { key, ...options }, bytes);
    } catch {
      return false;
    }
  };
  if (key.asymmetricKeyType === 'ec') return attempt({ dsaEncoding: 'der' }) || attempt({ dsaEncoding: 'ieee-p1363' });
  if (key.asymmetricKeyType === 'rsa') return attempt({});
  return false;
}

export interface CertificateFacts {
  fingerprint256: string;
  subject: string;
  validFrom: string;
  validTo: string;
}

/**
 * What is wrong with a certificate a holder publishes, if anything: it must parse, be valid now, name
 * the processor's domain (§4.1, §8.3), and carry an RSA key of 2048 bits or more or an EC key on P-256
 * or P-384. Self-signed certificates (§4.1 forbids them) are the caller's to allow (the local demo).
 */
export function certificateFault(
  certificatePem: string,
  options: { now: Date; processorDomain: string; allowSelfSigned: boolean },
): string | undefined {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(certificatePem);
  } catch {
    return 'is not a PEM X.509 certificate';
  }
  const t = options.now.getTime();
  if (t < Date.parse(cert.validFrom)) return 'is not valid yet';
  if (t > Date.parse(cert.validTo)) return 'has expired';
  const host = options.processorDomain.replace(/^\[|\]$/g, '');
  const named = isIP(host) ? cert.checkIP(host) : cert.checkHost(host);
  if (!named) return `is not issued to ${options.processorDomain}`;
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    if ((details.modulusLength ?? 0) < 2048) return 'has an RSA key shorter than 2048 bits';
  } else if (key.asymmetricKeyType === 'ec') {
    if (!['prime256v1', 'secp384r1'].includes(details.namedCurve ?? ''))
      return 'has an EC key on a curve other than P-256 or P-384';
  } else {
    return 'has a key that is neither RSA nor EC';
  }
  // Signed by its own key: no authority vouches for it (checkIssued misses leaves whose key usage forbids signing).
  if (!options.allowSelfSigned && (cert.checkIssued(cert) || cert.verify(cert.publicKey))) return 'is self-signed';
  return undefined;
}

/** The facts people compare a pinned certificate by (fingerprint as openssl prints it). */
export function certificateFacts(certificatePem: string): CertificateFacts | undefined {
  try {
    const cert = new X509Certificate(certificatePem);
    return {
      fingerprint256: cert.fingerprint256,
      subject: cert.subject,
      validFrom: cert.validFrom,
      validTo: cert.validTo,
    };
  } catch {
    return undefined;
  }
}
