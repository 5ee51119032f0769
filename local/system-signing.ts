// The company systems' IAM access, locally: one well-known key pair per system, standing for the IAM
// user AWS would have, and the SigV4 check API Gateway makes on IAM-authorised routes: re-sign the
// request with the caller's secret (service execute-api) and compare, then check the route names
// the caller's system, as its execute-api:Invoke policy would.
import { createHash, createHmac, type Hash, type Hmac, timingSafeEqual } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { Checksum, HttpRequest, SourceData } from '@smithy/types';
import { SYSTEM_NAMES, type SystemName } from '../functions/domain/systems';

/** The region the local desk signs and checks for; fixed, so the curl commands of docs/user-guide.md work on any machine. */
export const LOCAL_SIGNING_REGION = 'ap-northeast-1';
export const SIGNING_SERVICE = 'execute-api';
const LOCAL_ACCOUNT = '000000000000';
/** API Gateway refuses a SigV4 request whose X-Amz-Date is more than 5 minutes off its clock. */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface LocalSystemCredentials {
  system: SystemName;
  accessKeyId: string;
  secretAccessKey: string;
  /** The IAM principal API Gateway would hand the function as the caller. */
  principal: string;
}

/** Public, local-only values: they open nothing but a desk on this machine. */
export const LOCAL_SYSTEM_CREDENTIALS: Record<SystemName, LocalSystemCredentials> = {
  'business-systems': {
    system: 'business-systems',
    accessKeyId: 'AKIALOCALBUSINESSSYS',
    secretAccessKey: 'local-business-systems-secret-not-secret',
    principal: `arn:aws:iam::${LOCAL_ACCOUNT}:user/local-business-systems`,
  },
  payroll: {
    system: 'payroll',
    accessKeyId: 'AKIALOCALPAYROLL0001',
    secretAccessKey: 'local-payroll-secret-key-not-a-secret-00',
    principal: `arn:aws:iam::${LOCAL_ACCOUNT}:user/local-payroll`,
  },
};

/** SHA-256 and HMAC-SHA256 from node:crypto, in the shape the signer takes. */
const bytes = (data: SourceData) =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

class Sha256 implements Checksum {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function signerFor(credentials: LocalSystemCredentials): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    region: LOCAL_SIGNING_REGION,
    service: SIGNING_SERVICE,
    sha256: Sha256,
    // API Gateway does not need X-Amz-Content-Sha256 (curl and the SDK leave it out); checked when sent.
    applyChecksum: false,
  });
}

function queryOf(search: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const held = query[key];
    query[key] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
  }
  return query;
}

/**
 * The headers that sign a request as `system` does with its local keys: what a company system's
 * AWS SDK or `curl --aws-sigv4` adds. Host is signed but not returned: fetch sets it from the URL.
 */
export async function signAsSystem(
  system: SystemName,
  request: { method: string; url: string; headers?: Record<string, string>; body?: string },
  signingDate = new Date(),
): Promise<Record<string, string>> {
  const url = new URL(request.url);
  const signed = await signerFor(LOCAL_SYSTEM_CREDENTIALS[system]).sign(
    {
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query: queryOf(url.search),
      headers: { ...request.headers, host: url.host },
      ...(request.body !== undefined ? { body: request.body } : {}),
    } as HttpRequest,
    { signingDate },
  );
  const { host: _host, ...headers } = signed.headers;
  return headers;
}

/** A request as the gateway received it: raw path and query, lower-case headers, the body's bytes. */
export interface ReceivedRequest {
  method: string;
  /** The request target as sent, path and query, still %-encoded. */
  target: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Why API Gateway refused: its response type and a detail a developer can act on. */
export interface SigningRefusal {
  responseType: 'MISSING_AUTHENTICATION_TOKEN' | 'INVALID_SIGNATURE' | 'ACCESS_DENIED';
  title: string;
  detail: string;
}

const HOW_TO_SIGN = `Sign with AWS Signature Version 4 for service ${SIGNING_SERVICE}, region ${LOCAL_SIGNING_REGION}, with the local key of a system (printed by npm start and shown on the start page), e.g. curl --aws-sigv4 "aws:amz:${LOCAL_SIGNING_REGION}:${SIGNING_SERVICE}" --user KEY:SECRET.`;

const invalid = (detail: string): SigningRefusal => ({
  responseType: 'INVALID_SIGNATURE',
  title: 'Invalid signature',
  detail,
});

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Verifies a SigV4-signed request against the local keys and the systems a route admits; answers the
 * calling system's credentials, or why API Gateway would refuse the call.
 */
export async function verifySystemSignature(
  request: ReceivedRequest,
  admitted: readonly SystemName[],
  now = new Date(),
): Promise<{ caller: LocalSystemCredentials } | { refusal: SigningRefusal }> {
  const authorization = request.headers.authorization;
  if (!authorization) {
    return {
      refusal: {
        responseType: 'MISSING_AUTHENTICATION_TOKEN',
        title: 'Missing Authentication Token',
        detail: `This route is for the company's systems (${admitted.join(', ')}) and the request is not signed. ${HOW_TO_SIGN}`,
      },
    };
  }
  const parsed = AUTHORIZATION.exec(authorization.trim());
  if (!parsed)
    return {
      refusal: invalid(
        `The Authorization header is not an AWS4-HMAC-SHA256 signature with Credential, SignedHeaders and Signature. ${HOW_TO_SIGN}`,
      ),
    };
  const [, accessKeyId, scopeDate, region, service, signedHeaderList, signature] = parsed as unknown as string[];
  const caller = Object.values(LOCAL_SYSTEM_CREDENTIALS).find((c) => c.accessKeyId === accessKeyId);
  if (!caller)
    return {
      refusal: invalid(
        `The security token included in the request is invalid: ${accessKeyId} is not a local system key. The keys are ${SYSTEM_NAMES.map((s) => `${LOCAL_SYSTEM_CREDENTIALS[s].accessKeyId} (${s})`).join(' and ')}.`,
      ),
    };
  if (region !== LOCAL_SIGNING_REGION || service !== SIGNING_SERVICE) {
    return {
      refusal: invalid(
        `The credential is scoped to ${region}/${service}; the local desk checks ${LOCAL_SIGNING_REGION}/${SIGNING_SERVICE}.`,
      ),
    };
  }
  const signingDate = parseAmzDate(request.headers['x-amz-date']);
  if (!signingDate)
    return {
      refusal: invalid(
        'The request has no valid X-Amz-Date header (YYYYMMDDTHHMMSSZ); sign it with the time of sending.',
      ),
    };
  if (Math.abs(now.getTime() - signingDate.getTime()) > MAX_CLOCK_SKEW_MS) {
    return {
      refusal: invalid(
        `Signature expired: signed at ${request.headers['x-amz-date']}, more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes from now (${now.toISOString()}). Sign each request when you send it, with a correct clock.`,
      ),
    };
  }
  if (request.headers['x-amz-date']!.slice(0, 8) !== scopeDate) {
    return {
      refusal: invalid(
        `The credential scope's date ${scopeDate} is not the date of X-Amz-Date ${request.headers['x-amz-date']}.`,
      ),
    };
  }
  const signedHeaders = signedHeaderList!.split(';');
  if (!signedHeaders.includes('host')) return { refusal: invalid('The Host header must be among the SignedHeaders.') };
  const unsent = signedHeaders.filter((name) => request.headers[name] === undefined);
  if (unsent.length > 0)
    return { refusal: invalid(`SignedHeaders names ${unsent.join(', ')}, which the request does not carry.`) };

  const body = request.body ?? Buffer.alloc(0);
  const declaredHash = request.headers['x-amz-content-sha256'];
  if (
    declaredHash !== undefined &&
    signedHeaders.includes('x-amz-content-sha256') &&
    declaredHash !== createHash('sha256').update(body).digest('hex')
  ) {
    return {
      refusal: invalid(
        'X-Amz-Content-Sha256 does not match the body that arrived: the body was changed after signing, or the hash was computed over other bytes.',
      ),
    };
  }
  const [path = '/', search = ''] = request.target.split(/\?(.*)/s);
  const resigned = await signerFor(caller).sign(
    {
      method: request.method,
      protocol: 'http:',
      hostname: request.headers.host ?? '',
      path,
      query: queryOf(search),
      headers: Object.fromEntries(signedHeaders.map((name) => [name, request.headers[name]!])),
      body,
    } as HttpRequest,
    { signingDate, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]{64})$/.exec(resigned.headers.authorization ?? '')?.[1] ?? '';
  if (!sameHex(expected, signature!)) {
    return {
      refusal: invalid(
        `The request signature we calculated does not match the signature you provided: the method, path, query, signed headers or body differ from what was signed, or the secret is not ${caller.system}'s local secret.`,
      ),
    };
  }
  if (!admitted.includes(caller.system)) {
    return {
      refusal: {
        responseType: 'ACCESS_DENIED',
        title: 'Access denied',
        detail: `User: ${caller.principal} is not authorized to perform: execute-api:Invoke on this route; it admits ${admitted.join(', ')}, and the key is ${caller.system}'s.`,
      },
    };
  }
  return { caller };
}
