// A demo holder for the local desk and the tests: a real HTTP server implementing the processor's side
// of OpenDSR v2 (specification.md §6 discovery, §7 requests, §8 status and signed callbacks, §9
// cancellation) with a key pair and certificate of its own, holding a copy of some people's data. It
// carries out what it is asked after a delay: erasure removes its copy, correction changes it, access
// returns it at a results URL on itself; cessation of use drops the ceased purposes. The desk's
// extension (correction, cessation, categories) is read under the desk's domain. Faults for the tests:
// down (connections refused), hang (requests accepted, never answered), stall (never carried out) and
// a wrong signing key.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import type { OpenDsrRequest, OpenDsrRequestStatus } from '../functions/domain/fulfilment/opendsr';
import {
  type DeskExtension,
  deskExtensionOf,
  discoveredCapabilities,
  discoverySchema,
  hashIdentity,
  normaliseIdentity,
  OPENDSR_API_VERSION,
  OPENDSR_LIMITS,
  OPENDSR_REGULATION,
  type OpenDsrDiscovery,
  type OpenDsrResults,
  requestSchema,
} from '../functions/domain/fulfilment/opendsr-codec';
import {
  certificateFacts,
  PROCESSOR_DOMAIN_HEADER,
  SIGNATURE_HEADER,
} from '../functions/domain/fulfilment/opendsr-signature';
import type { HolderEndpoint } from '../functions/domain/holders/holder';
import { signOpenDsr } from './opendsr-signing';

export interface DemoHeldRecord {
  category: string;
  value: string;
  label?: string;
  /** The purposes the holder uses it for; a cessation of use removes ceased ones, and the record with the last. */
  purposes: string[];
}

export interface DemoPerson {
  emails: string[];
  customerIds: string[];
  records: DemoHeldRecord[];
}

export interface DemoProcessorOptions {
  /** The people whose data it holds (a copy is taken). */
  people: DemoPerson[];
  /** 0 (default) picks a free port. */
  port?: number;
  name?: string;
  /** Its OpenDSR domain, which its certificate names; 'localhost' by default. */
  processorDomain?: string;
  /** The desk's extension domain (DESK_OPENDSR_EXTENSION_DOMAIN); without it the extension is ignored. */
  deskExtensionDomain?: string;
  controllerId?: string;
  /** How long a request stays pending before it is carried out. */
  completionDelayMs?: number;
  /** Attempts per callback and the first pause between them (doubling). */
  callbackAttempts?: number;
  callbackBackoffMs?: number;
  log?: (message: string) => void;
}

export const DEMO_PROCESSOR_BASE_PATH = '/opendsr/v2';

export interface DemoRequestView {
  request: OpenDsrRequest;
  status: OpenDsrRequestStatus;
  receivedAt: string;
  /** Callbacks delivered (2xx) and failed for good, in order. */
  callbacks: { url: string; status: OpenDsrRequestStatus; delivered: boolean }[];
}

export interface DemoProcessorFaults {
  /** Requests are accepted and never answered. */
  hang: boolean;
  /** Requests are answered but never carried out (they stay pending). */
  stall: boolean;
  /** Answers and callbacks are signed with a key other than the certificate's. */
  wrongKey: boolean;
}

export interface RunningDemoProcessor {
  name: string;
  port: number;
  /** e.g. http://localhost:4010/opendsr/v2 */
  baseUrl: string;
  processorDomain: string;
  certificatePem: string;
  faults: DemoProcessorFaults;
  /** What it holds now (a copy). */
  people(): DemoPerson[];
  request(subjectRequestId: string): DemoRequestView | undefined;
  /** Stops listening: connections are refused until up(). */
  down(): Promise<void>;
  up(): Promise<void>;
  stop(): Promise<void>;
}

interface HeldRequest {
  request: OpenDsrRequest;
  body: string;
  receivedAt: string;
  expectedAt: string;
  status: OpenDsrRequestStatus;
  extension?: DeskExtension;
  results?: OpenDsrResults['records'];
  callbacks: DemoRequestView['callbacks'];
  /** Callbacks of one request go out in order. */
  chain: Promise<void>;
  timer?: NodeJS.Timeout;
}

const copyPeople = (people: DemoPerson[]): DemoPerson[] => structuredClone(people);

export async function startDemoProcessor(options: DemoProcessorOptions): Promise<RunningDemoProcessor> {
  const name = options.name ?? 'Demo processor';
  const processorDomain = options.processorDomain ?? 'localhost';
  const controllerId = options.controllerId ?? 'appi-desk';
  const delay = options.completionDelayMs ?? 1500;
  const attempts = options.callbackAttempts ?? 4;
  const backoff = options.callbackBackoffMs ?? 500;
  const log = options.log ?? (() => {});
  const people = copyPeople(options.people);
  const requests = new Map<string, HeldRequest>();
  const faults: DemoProcessorFaults = { hang: false, stall: false, wrongKey: false };
  const pending = new Set<NodeJS.Timeout>();
  let stopped = false;

  const notBefore = new Date(Date.now() - 60_000);
  const pems = await generate(
    [
      { name: 'commonName', value: processorDomain },
      { name: 'organizationName', value: name },
    ],
    {
      keySize: 2048,
      algorithm: 'sha256',
      notBeforeDate: notBefore,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: processorDomain }] },
      ],
    },
  );
  let wrongKeyPem: string | undefined;
  const signingKey = () => {
    if (!faults.wrongKey) return pems.private;
    wrongKeyPem ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    }) as string;
    return wrongKeyPem;
  };

  let port = options.port ?? 0;
  let baseUrl = '';
  const signedHeaders = (body: string) => ({
    'content-type': 'application/json',
    [PROCESSOR_DOMAIN_HEADER]: processorDomain,
    [SIGNATURE_HEADER]: signOpenDsr(body, signingKey()),
  });
  const answer = (res: ServerResponse, status: number, message: unknown) => {
    const body = JSON.stringify(message);
    res.writeHead(status, { ...signedHeaders(body), 'cache-control': 'no-store' });
    res.end(body);
  };
  const refuse = (res: ServerResponse, status: number, message: string) =>
    answer(res, status, { error: { code: status, message } });

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!stopped) run();
    }, ms);
    pending.add(timer);
    return timer;
  };

  const statusOf = (held: HeldRequest) => ({
    controller_id: controllerId,
    expected_completion_time: held.expectedAt,
    subject_request_id: held.request.subject_request_id,
    request_status: held.status,
    api_version: OPENDSR_API_VERSION,
    ...(held.results ? { results_url: `${baseUrl}/results/${held.request.subject_request_id}` } : {}),
    ...(held.results ? { results_count: held.results.length } : {}),
  });

  const deliver = async (held: HeldRequest, url: string, snapshot: ReturnType<typeof statusOf>) => {
    const status = snapshot.request_status;
    const body = JSON.stringify({ ...snapshot, status_callback_url: url });
    for (let attempt = 1; attempt <= attempts && !stopped; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: signedHeaders(body),
          body,
          signal: AbortSignal.timeout(5000),
        });
        await response.body?.cancel().catch(() => {});
        if (response.ok) {
          held.callbacks.push({ url, status, delivered: true });
          return;
        }
      } catch {
        // The controller is down or slow: retry below (OpenDSR §8.5 SHOULD retry).
      }
      if (attempt < attempts) await new Promise<void>((r) => later(backoff * 2 ** (attempt - 1), r));
    }
    held.callbacks.push({ url, status, delivered: false });
    log(`${name}: a callback for ${held.request.subject_request_id} could not be delivered`);
  };

  const changeStatus = (held: HeldRequest, status: OpenDsrRequestStatus) => {
    held.status = status;
    // The state as of this change, whatever has happened by the time the callback goes out.
    const snapshot = statusOf(held);
    for (const url of held.request.status_callback_urls ?? []) {
      held.chain = held.chain.then(() => deliver(held, url, snapshot));
    }
  };

  const matches = (person: DemoPerson, request: OpenDsrRequest) =>
    request.subject_identities.some((identity) => {
      const values =
        identity.identity_type === 'email'
          ? person.emails
          : identity.identity_type === 'controller_customer_id'
            ? person.customerIds
            : [];
      return values.some((v) =>
        identity.identity_format === 'sha256'
          ? hashIdentity(identity.identity_type, v) === identity.identity_value.toLowerCase()
          : identity.identity_format === 'raw' &&
            normaliseIdentity(identity.identity_type, v) ===
              normaliseIdentity(identity.identity_type, identity.identity_value),
      );
    });

  const carryOut = (held: HeldRequest) => {
    if (held.status !== 'pending') return;
    if (faults.stall) {
      held.timer = later(delay, () => carryOut(held));
      return;
    }
    changeStatus(held, 'in_progress');
    const ext = held.extension;
    const inScope = (r: DemoHeldRecord) => !ext || ext.categories.includes(r.category);
    const found = people.filter((p) => matches(p, held.request));
    if (held.request.subject_request_type === 'erasure') {
      for (const person of found) {
        if (!ext) person.records = [];
        else person.records = person.records.filter((r) => !inScope(r));
      }
      for (let i = people.length - 1; i >= 0; i--) {
        if (found.includes(people[i]!) && people[i]!.records.length === 0) people.splice(i, 1);
      }
    } else if (ext?.appi_request_type === 'correction') {
      for (const person of found) {
        for (const c of ext.corrections) {
          for (const r of person.records) if (r.category === c.category) r.value = c.value;
        }
      }
    } else if (ext?.appi_request_type === 'cessation-of-use') {
      for (const person of found) {
        person.records = person.records
          .map((r) => (inScope(r) ? { ...r, purposes: r.purposes.filter((p) => !ext.ceased_purposes.includes(p)) } : r))
          .filter((r) => r.purposes.length > 0);
      }
    } else {
      held.results = found.flatMap((p) =>
        p.records.filter(inScope).map((r) => ({
          category: r.category,
          value: r.value,
          ...(r.label ? { label: r.label } : {}),
        })),
      );
    }
    changeStatus(held, 'completed');
    log(`${name}: carried out ${held.request.subject_request_type} ${held.request.subject_request_id}`);
  };

  const readBody = (req: IncomingMessage): Promise<string | 'oversize'> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let total = 0;
      req.on('data', (chunk: Buffer) => {
        total += chunk.byteLength;
        if (total <= OPENDSR_LIMITS.messageBytes) chunks.push(chunk);
      });
      req.on('end', () =>
        resolve(total > OPENDSR_LIMITS.messageBytes ? 'oversize' : Buffer.concat(chunks).toString('utf8')),
      );
      req.on('error', reject);
    });

  const submit = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (body === 'oversize') return refuse(res, 413, 'The request body is larger than 64 KiB.');
    if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      return refuse(res, 415, 'Send the request as application/json.');
    }
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return refuse(res, 400, 'The request body is not JSON.');
    }
    const parsed = requestSchema.safeParse(json);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].join(', ');
      return refuse(res, 400, `Invalid fields: ${fields}.`);
    }
    const request = parsed.data;
    if (request.regulation !== OPENDSR_REGULATION) return refuse(res, 400, 'regulation must be "appi".');
    if (request.subject_request_type === 'portability') return refuse(res, 400, 'portability is not supported.');
    const extension = options.deskExtensionDomain ? deskExtensionOf(request, options.deskExtensionDomain) : undefined;
    if (extension === 'malformed') return refuse(res, 400, 'The desk extension is malformed.');
    const canonical = JSON.stringify(request);
    const known = requests.get(request.subject_request_id);
    if (known) {
      if (known.body !== canonical) return refuse(res, 409, 'subject_request_id is already used by another request.');
      return answer(res, 201, receiptOf(known));
    }
    const receivedAt = new Date();
    const held: HeldRequest = {
      request,
      body: canonical,
      receivedAt: receivedAt.toISOString(),
      expectedAt: new Date(receivedAt.getTime() + delay).toISOString(),
      status: 'pending',
      ...(extension ? { extension } : {}),
      callbacks: [],
      chain: Promise.resolve(),
    };
    requests.set(request.subject_request_id, held);
    answer(res, 201, receiptOf(held));
    changeStatus(held, 'pending');
    held.timer = later(delay, () => carryOut(held));
  };

  const receiptOf = (held: HeldRequest) => ({
    controller_id: controllerId,
    expected_completion_time: held.expectedAt,
    received_time: held.receivedAt,
    encoded_request: Buffer.from(held.body, 'utf8').toString('base64'),
    subject_request_id: held.request.subject_request_id,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (faults.hang) return; // accepted, never answered
    const path = new URL(req.url ?? '/', 'http://processor').pathname;
    if (!path.startsWith(`${DEMO_PROCESSOR_BASE_PATH}/`)) return refuse(res, 404, 'Not an OpenDSR path.');
    const rest = path.slice(DEMO_PROCESSOR_BASE_PATH.length);
    const method = req.method ?? 'GET';
    if (rest === '/discovery' && method === 'GET') {
      const discovery: OpenDsrDiscovery = {
        api_version: OPENDSR_API_VERSION,
        supported_identities: [
          { identity_type: 'email', identity_format: 'sha256' },
          { identity_type: 'email', identity_format: 'raw' },
          { identity_type: 'controller_customer_id', identity_format: 'raw' },
        ],
        supported_subject_request_types: ['access', 'erasure'],
        processor_certificate: `${baseUrl}/cert.pem`,
      };
      return answer(res, 200, discovery);
    }
    if (rest === '/cert.pem' && method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/x-pem-file' });
      return res.end(pems.cert);
    }
    if (rest === '/requests') {
      if (method !== 'POST') return refuse(res, 405, 'Use POST to submit a request.');
      return submit(req, res);
    }
    const byId = /^\/(requests|results)\/([^/]+)$/.exec(rest);
    const held = byId ? requests.get(decodeURIComponent(byId[2]!)) : undefined;
    if (!byId) return refuse(res, 404, 'Not an OpenDSR path.');
    if (!held) return refuse(res, 404, 'No request with this subject_request_id.');
    if (byId[1] === 'results') {
      if (method !== 'GET') return refuse(res, 405, 'Use GET.');
      if (!held.results) return refuse(res, 404, 'This request has no results (yet).');
      const results: OpenDsrResults = { subject_request_id: held.request.subject_request_id, records: held.results };
      return answer(res, 200, results);
    }
    if (method === 'GET') return answer(res, 200, statusOf(held));
    if (method === 'DELETE') {
      if (held.status !== 'pending')
        return refuse(res, 409, `The request is ${held.status} and can no longer be cancelled.`);
      if (held.timer) clearTimeout(held.timer);
      changeStatus(held, 'cancelled');
      return answer(res, 202, {
        controller_id: controllerId,
        received_time: new Date().toISOString(),
        subject_request_id: held.request.subject_request_id,
        api_version: OPENDSR_API_VERSION,
      });
    }
    return refuse(res, 405, 'Use GET or DELETE.');
  };

  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        handle(req, res).catch(() => {
          if (!res.headersSent) refuse(res, 500, 'The processor failed.');
        });
      });
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        baseUrl = `http://localhost:${port}${DEMO_PROCESSOR_BASE_PATH}`;
        server = s;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
      s.closeAllConnections();
    });

  await listen();
  log(`${name}: OpenDSR processor at ${baseUrl}`);
  return {
    name,
    get port() {
      return port;
    },
    get baseUrl() {
      return baseUrl;
    },
    processorDomain,
    certificatePem: pems.cert,
    faults,
    people: () => copyPeople(people),
    request: (id) => {
      const held = requests.get(id);
      return held
        ? {
            request: structuredClone(held.request),
            status: held.status,
            receivedAt: held.receivedAt,
            callbacks: [...held.callbacks],
          }
        : undefined;
    },
    down: close,
    up: () => (server ? Promise.resolve() : listen()),
    stop: async () => {
      stopped = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      await close();
    },
  };
}

/**
 * The endpoint as a holder registration would record it: read from the live processor's /discovery
 * and its processor_certificate, over HTTP like any holder (the local runtime seeds it with this).
 */
export async function discoverEndpoint(
  baseUrl: string,
  processorDomain: string,
  now = new Date(),
): Promise<HolderEndpoint> {
  const discoveryResponse = await fetch(`${baseUrl}/discovery`, { signal: AbortSignal.timeout(5000) });
  if (!discoveryResponse.ok) throw new Error(`${baseUrl}/discovery answered HTTP ${discoveryResponse.status}`);
  const discovery = discoverySchema.parse(await discoveryResponse.json());
  const certificateResponse = await fetch(discovery.processor_certificate, { signal: AbortSignal.timeout(5000) });
  if (!certificateResponse.ok)
    throw new Error(`${discovery.processor_certificate} answered HTTP ${certificateResponse.status}`);
  const certificatePem = await certificateResponse.text();
  const facts = certificateFacts(certificatePem);
  if (!facts) throw new Error(`${discovery.processor_certificate} is not a certificate`);
  return {
    baseUrl,
    processorDomain,
    apiVersion: discovery.api_version,
    ...discoveredCapabilities(discovery),
    certificatePem,
    certificateFingerprint: facts.fingerprint256,
    discoveredAt: now.toISOString(),
  };
}
