// The HolderClient port over HTTP: the desk as OpenDSR controller (specification.md §7–§9). Every
// answer is read whole up to a cap, its processor domain compared with the pinned one and its
// signature verified against the pinned certificate before a byte of it is parsed (§8.8). Errors name
// the holder's host and what went wrong, never the identities or the body (§11).

import type { z } from 'zod';
import type { OpenDsrRequest } from '../domain/fulfilment/opendsr';
import {
  cancellationSchema,
  OPENDSR_LIMITS,
  type OpenDsrResults,
  receiptSchema,
  resultsSchema,
  statusSchema,
} from '../domain/fulfilment/opendsr-codec';
import { readOpenDsrHeaders, verifyOpenDsrSignature } from '../domain/fulfilment/opendsr-signature';
import { HolderAnswerError, type HolderClient, HolderUnavailableError } from '../domain/fulfilment/ports';
import { ALLOW_PLAIN_HTTP_HOLDERS, type HolderEndpoint, holderUrlFault } from '../domain/holders/holder';

export interface OpenDsrClientOptions {
  /** Milliseconds for one exchange, connection to last byte; well inside the calling function's timeout. */
  timeoutMs?: number;
  /** Defaults to DESK_ALLOW_PLAIN_HTTP_HOLDERS=true, which only the local runtime sets. */
  allowPlainHttp?: boolean;
  fetch?: typeof fetch;
}

/** A route or worker function gets 15 s or more; one holder's answer must come well within that. */
export const OPENDSR_TIMEOUT_MS = 8000;

class OversizeBody extends Error {}

async function readCapped(response: Response, cap: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > cap) {
    await response.body?.cancel().catch(() => {});
    throw new OversizeBody();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => {});
      throw new OversizeBody();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export class OpenDsrClient implements HolderClient {
  private readonly timeoutMs: number;
  private readonly allowPlainHttp: boolean;
  private readonly fetcher: typeof fetch;

  constructor(options: OpenDsrClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? OPENDSR_TIMEOUT_MS;
    this.allowPlainHttp = options.allowPlainHttp ?? process.env[ALLOW_PLAIN_HTTP_HOLDERS] === 'true';
    this.fetcher = options.fetch ?? fetch;
  }

  async submit(endpoint: HolderEndpoint, request: OpenDsrRequest) {
    const receipt = await this.exchange(endpoint, `${base(endpoint)}/requests`, 'POST', receiptSchema, {
      expected: [201, 200],
      body: JSON.stringify(request),
    });
    return sameRequest(endpoint, receipt, request.subject_request_id);
  }

  async status(endpoint: HolderEndpoint, subjectRequestId: string) {
    const status = await this.exchange(endpoint, requestUrl(endpoint, subjectRequestId), 'GET', statusSchema, {
      expected: [200],
    });
    sameRequest(endpoint, status, subjectRequestId);
    if (status.results_url && !sameOrigin(endpoint.baseUrl, status.results_url)) {
      throw new HolderAnswerError(`${host(endpoint)} named a results URL outside its own origin`);
    }
    return status;
  }

  async cancel(endpoint: HolderEndpoint, subjectRequestId: string) {
    const cancellation = await this.exchange(
      endpoint,
      requestUrl(endpoint, subjectRequestId),
      'DELETE',
      cancellationSchema,
      { expected: [202, 200] },
    );
    return sameRequest(endpoint, cancellation, subjectRequestId);
  }

  async results(endpoint: HolderEndpoint, resultsUrl: string): Promise<OpenDsrResults> {
    if (!sameOrigin(endpoint.baseUrl, resultsUrl)) {
      throw new HolderAnswerError(`${host(endpoint)}: results are fetched only from the holder's own origin`);
    }
    return this.exchange(endpoint, resultsUrl, 'GET', resultsSchema, {
      expected: [200],
      cap: OPENDSR_LIMITS.resultsBytes,
    });
  }

  private async exchange<S extends z.ZodType>(
    endpoint: HolderEndpoint,
    url: string,
    method: 'GET' | 'POST' | 'DELETE',
    schema: S,
    options: { expected: number[]; body?: string; cap?: number },
  ): Promise<z.output<S>> {
    const fault = holderUrlFault(url, this.allowPlainHttp);
    if (fault) throw new HolderAnswerError(`The holder's URL ${fault}`);
    const who = host(endpoint);
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let raw: Uint8Array;
    try {
      response = await this.fetcher(url, {
        method,
        signal,
        // A redirect could lead anywhere; a holder answers at the URL it registered.
        redirect: 'manual',
        headers: {
          accept: 'application/json',
          ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(options.body === undefined ? {} : { body: options.body }),
      });
    } catch {
      throw new HolderUnavailableError(`${who} could not be reached or did not answer in time`);
    }
    if (response.status >= 500 || response.status === 429) {
      await response.body?.cancel().catch(() => {});
      throw new HolderUnavailableError(`${who} answered HTTP ${response.status}; try again later`);
    }
    try {
      raw = await readCapped(response, options.cap ?? OPENDSR_LIMITS.messageBytes);
    } catch (error) {
      if (error instanceof OversizeBody)
        throw new HolderAnswerError(`${who} answered with a body over the size limit`, response.status);
      throw new HolderUnavailableError(`${who} stopped answering mid-way; try again later`);
    }
    if (!options.expected.includes(response.status)) {
      throw new HolderAnswerError(`${who} refused: HTTP ${response.status}`, response.status);
    }
    const { signature, processorDomain } = readOpenDsrHeaders(response.headers);
    if (!processorDomain || processorDomain.toLowerCase() !== endpoint.processorDomain.toLowerCase()) {
      throw new HolderAnswerError(`${who} answered without naming its registered processor domain`, response.status);
    }
    if (!verifyOpenDsrSignature(raw, signature, endpoint.certificatePem)) {
      throw new HolderAnswerError(
        `${who} answered without a valid signature of its registered certificate`,
        response.status,
      );
    }
    const type = response.headers.get('content-type') ?? '';
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw new HolderAnswerError(`${who} answered with ${type ? 'a non-JSON' : 'no'} content type`, response.status);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      throw new HolderAnswerError(`${who} answered with a body that is not JSON`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 5).join(', ');
      throw new HolderAnswerError(`${who} answered with a malformed message (${fields})`, response.status);
    }
    return parsed.data;
  }
}

function base(endpoint: HolderEndpoint): string {
  return endpoint.baseUrl.replace(/\/+$/, '');
}

function requestUrl(endpoint: HolderEndpoint, subjectRequestId: string): string {
  return `${base(endpoint)}/requests/${encodeURIComponent(subjectRequestId)}`;
}

function host(endpoint: HolderEndpoint): string {
  try {
    return `The holder at ${new URL(endpoint.baseUrl).host}`;
  } catch {
    return 'The holder';
  }
}

function sameOrigin(baseUrl: string, other: string): boolean {
  try {
    return new URL(other).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

function sameRequest<T extends { subject_request_id: string }>(endpoint: HolderEndpoint, message: T, id: string): T {
  if (message.subject_request_id !== id) {
    throw new HolderAnswerError(`${host(endpoint)} answered about another request than the one asked`);
  }
  return message;
}
