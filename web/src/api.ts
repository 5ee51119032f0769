// The desk's public API, called only through its documented routes (GET /v1/openapi.json), at the
// base URL the runtime config names. A failure is a problem (the API answered) or a network failure
// (it did not); neither throws, so the pages keep what was typed.
import type {
  MyConsents,
  ProblemDetails,
  RecordedConsent,
  RequestStatus,
  ResendCodeResponse,
  SessionResponse,
  SubjectTokenResponse,
  SubmitResponse,
  VerificationResponse,
  WithdrawalResponse,
} from './api-types';

export type {
  ConsentRecipient,
  ForeignInformation,
  MyConsent,
  MyConsents,
  RecordedConsent,
  RequestStatus,
} from './api-types';

import { retryAfterSeconds } from './retry-after';

export type ApiResult<T> =
  | { kind: 'ok'; data: T }
  | { kind: 'problem'; problem: ProblemDetails; retryAfterSeconds?: number }
  | { kind: 'network' };

export interface RuntimeConfig {
  /** Where the API answers; empty for the origin that served the page. */
  apiBaseUrl: string;
  /** How staff sign in to the desk console; missing means the local desk's form. */
  staffSignIn?: { kind: 'local' } | { kind: 'cognito'; domain: string; clientId: string };
}

let config: Promise<RuntimeConfig> | undefined;

/** Where config.json is from this page: a page in a folder of the build names it in a meta tag (../config.json). */
const configPath = () =>
  document.querySelector('meta[name="appi-desk-config"]')?.getAttribute('content') ?? 'config.json';

/** config.json sits at the build's root; the deployment writes it (lib/) and `npm start` serves the default. */
export function runtimeConfig(): Promise<RuntimeConfig> {
  config ??= fetch(new URL(configPath(), document.baseURI), { cache: 'no-store' })
    .then((r) => (r.ok ? (r.json() as Promise<RuntimeConfig>) : { apiBaseUrl: '' }))
    .catch(() => {
      config = undefined;
      return { apiBaseUrl: '' };
    });
  return config;
}

export async function call<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<ApiResult<T>> {
  const { apiBaseUrl } = await runtimeConfig();
  let response: Response;
  try {
    response = await fetch(`${apiBaseUrl.replace(/\/$/, '')}${path}`, {
      method,
      headers: {
        accept: 'application/json, application/problem+json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 204) return { kind: 'ok', data: undefined as T };
  const wait = retryAfterSeconds(response.headers.get('retry-after'));
  const problem = (details: ProblemDetails): ApiResult<T> => ({
    kind: 'problem',
    problem: details,
    ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
  });
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return response.ok
      ? { kind: 'network' }
      : problem({ title: response.statusText, status: response.status, detail: `HTTP ${response.status}` });
  }
  return response.ok ? { kind: 'ok', data: json as T } : problem(json as ProblemDetails);
}

const encode = encodeURIComponent;

export const api = {
  privacyNotice: () => call<Record<string, unknown>>('GET', '/v1/privacy-notice'),
  submitRequest: (body: Record<string, unknown>) => call<SubmitResponse>('POST', '/v1/requests', { body }),
  verify: (requestId: string, code: string) =>
    call<VerificationResponse>('POST', `/v1/requests/${encode(requestId)}/verification`, { body: { code } }),
  resendCode: (requestId: string) =>
    call<ResendCodeResponse>('POST', `/v1/requests/${encode(requestId)}/verification-code`),
  status: (requestId: string, token: string) =>
    call<RequestStatus>('GET', `/v1/requests/${encode(requestId)}`, { token }),
  withdraw: (requestId: string, token: string, reason: string) =>
    call<WithdrawalResponse>('POST', `/v1/requests/${encode(requestId)}/withdrawal`, {
      token,
      body: reason.trim() ? { reason: reason.trim() } : {},
    }),
  startSession: (email: string, language: 'ja' | 'en') =>
    call<SessionResponse>('POST', '/v1/me/sessions', { body: { email, language } }),
  verifySession: (sessionId: string, code: string) =>
    call<SubjectTokenResponse>('POST', `/v1/me/sessions/${encode(sessionId)}/verification`, { body: { code } }),
  myConsents: (token: string) => call<MyConsents>('GET', '/v1/me/consents', { token }),
  withdrawConsent: (token: string, consentId: string) =>
    call<RecordedConsent>('DELETE', `/v1/me/consents/${encode(consentId)}`, { token }),
};

/**
 * A request between the form and the code step, in this tab only: where the code went (masked), when a
 * new one may be asked for, and its type (a complaint is called a complaint). Never the code itself.
 */
export interface PendingRequest {
  type: string;
  codeSentTo: string;
  resendAvailableAt: string;
}

export const pendingRequests = {
  key: (requestId: string) => `appi-desk.pending-request.${requestId}`,
  get(requestId: string): PendingRequest | undefined {
    try {
      const saved = JSON.parse(sessionStorage.getItem(this.key(requestId)) ?? 'null') as PendingRequest | null;
      return saved && typeof saved.codeSentTo === 'string' ? saved : undefined;
    } catch {
      return undefined;
    }
  },
  set(requestId: string, pending: PendingRequest) {
    sessionStorage.setItem(this.key(requestId), JSON.stringify(pending));
  },
  remove(requestId: string) {
    sessionStorage.removeItem(this.key(requestId));
  },
};

/** The status token lives in this tab's sessionStorage only: no personal data or key outlives the tab. */
export const statusTokens = {
  key: (requestId: string) => `appi-desk.status-token.${requestId}`,
  get(requestId: string): string | undefined {
    return sessionStorage.getItem(this.key(requestId)) ?? undefined;
  },
  set(requestId: string, token: string) {
    sessionStorage.setItem(this.key(requestId), token);
  },
};
