// Staff sign-in: locally the desk's own form (POST /local/sign-in), in AWS Cognito managed login with
// the authorization code and PKCE (S256). The URL and PKCE parts are pure functions, tested without a
// browser; only the verifier, the state and the page to return to sit in sessionStorage, and only
// while the browser is away at Cognito.
import { runtimeConfig, type RuntimeConfig } from '../api';
import type { ProblemDetails } from '../request-form';
import { sessionFromIdToken, type StaffSession } from './session';

export type CognitoSignIn = Extract<NonNullable<RuntimeConfig['staffSignIn']>, { kind: 'cognito' }>;

export const COGNITO_SCOPE = 'openid email profile';
const PENDING_KEY = 'appi-desk.desk-sign-in';

/** URL-safe base64 without padding (RFC 7636 appendix A). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh random value for the PKCE verifier or the state: 32 bytes, 43 characters (RFC 7636 §4.1). */
export function randomToken(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** code_challenge = BASE64URL(SHA256(verifier)) (RFC 7636 §4.2, S256). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** The console's own address, Cognito's redirect_uri and logout_uri: no query, no fragment. */
export function consoleUrl(location: { origin: string; pathname: string }): string {
  return location.origin + location.pathname;
}

const base = (domain: string) => domain.replace(/\/+$/, '');

export function authorizeUrl(options: { domain: string; clientId: string; redirectUri: string; state: string; codeChallenge: string }): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: COGNITO_SCOPE,
    state: options.state,
    code_challenge: options.codeChallenge,
    code_challenge_method: 'S256',
  });
  return `${base(options.domain)}/oauth2/authorize?${query}`;
}

export function tokenRequest(options: { domain: string; clientId: string; code: string; redirectUri: string; codeVerifier: string }): { url: string; body: string } {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: options.clientId,
    code: options.code,
    redirect_uri: options.redirectUri,
    code_verifier: options.codeVerifier,
  });
  return { url: `${base(options.domain)}/oauth2/token`, body: body.toString() };
}

export function logoutUrl(options: { domain: string; clientId: string; logoutUri: string }): string {
  return `${base(options.domain)}/logout?${new URLSearchParams({ client_id: options.clientId, logout_uri: options.logoutUri })}`;
}

/** What came back from Cognito in the query: a code and state, an error, or nothing (not a return). */
export type CallbackParams =
  | { kind: 'none' }
  | { kind: 'code'; code: string; state: string }
  | { kind: 'error'; error: string };

export function callbackParams(search: string): CallbackParams {
  const query = new URLSearchParams(search);
  const error = query.get('error');
  if (error) return { kind: 'error', error };
  const code = query.get('code');
  const state = query.get('state');
  if (code && state) return { kind: 'code', code, state };
  return { kind: 'none' };
}

/** What the console keeps while the browser is away at Cognito. */
export interface PendingSignIn {
  state: string;
  codeVerifier: string;
  /** The console's fragment (a page, ids only) to return to. */
  returnTo: string;
}

export function parsePendingSignIn(text: string | null): PendingSignIn | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<PendingSignIn>;
    if (typeof value.state === 'string' && typeof value.codeVerifier === 'string' && typeof value.returnTo === 'string') {
      return { state: value.state, codeVerifier: value.codeVerifier, returnTo: value.returnTo.startsWith('#/') ? value.returnTo : '#/' };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export type SignInResult =
  | { kind: 'ok'; session: StaffSession }
  | { kind: 'problem'; problem: ProblemDetails; retryAfterSeconds?: number }
  | { kind: 'network' };

/** The staff sign-in the runtime config names; local unless it names Cognito. */
export async function staffSignInConfig(): Promise<{ kind: 'local' } | CognitoSignIn> {
  const { staffSignIn } = await runtimeConfig();
  return staffSignIn?.kind === 'cognito' ? staffSignIn : { kind: 'local' };
}

async function postLocal(path: string, body: Record<string, string>): Promise<Response | undefined> {
  const { apiBaseUrl } = await runtimeConfig();
  try {
    return await fetch(`${apiBaseUrl.replace(/\/$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, application/problem+json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return undefined;
  }
}

async function problemOf(response: Response): Promise<SignInResult> {
  let problem: ProblemDetails;
  try {
    problem = (await response.json()) as ProblemDetails;
  } catch {
    problem = { title: response.statusText, status: response.status, detail: `HTTP ${response.status}` };
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return { kind: 'problem', problem, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
}

const unusableToken: SignInResult = { kind: 'problem', problem: { title: 'Sign-in failed', status: 401, detail: 'The ID token names no staff member and role.' } };

/** POST /local/sign-in: the local desk's stand-in for Cognito. */
export async function localSignIn(username: string, password: string): Promise<SignInResult> {
  const response = await postLocal('/local/sign-in', { username, password });
  if (!response) return { kind: 'network' };
  if (!response.ok) return problemOf(response);
  const { idToken } = (await response.json()) as { idToken: string };
  const session = sessionFromIdToken(idToken);
  return session ? { kind: 'ok', session } : unusableToken;
}

/** POST /local/password, then sign in with the new password. */
export async function localChangePassword(username: string, password: string, newPassword: string): Promise<SignInResult> {
  const response = await postLocal('/local/password', { username, password, newPassword });
  if (!response) return { kind: 'network' };
  if (!response.ok) return problemOf(response);
  return localSignIn(username, newPassword);
}

/** Sends the browser to Cognito's managed login; it comes back to this page with ?code&state. */
export async function beginCognitoSignIn(config: CognitoSignIn, returnTo: string): Promise<void> {
  const pending: PendingSignIn = { state: randomToken(), codeVerifier: randomToken(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(authorizeUrl({
    domain: config.domain,
    clientId: config.clientId,
    redirectUri: consoleUrl(location),
    state: pending.state,
    codeChallenge: await codeChallengeS256(pending.codeVerifier),
  }));
}

/**
 * On the return from Cognito: checks the state, exchanges the code for tokens, forgets the verifier
 * and takes the code out of the address bar. Undefined when this page load is no return from Cognito.
 */
export async function completeCognitoSignIn(config: CognitoSignIn): Promise<SignInResult | undefined> {
  const params = callbackParams(location.search);
  if (params.kind === 'none') return undefined;
  const pending = parsePendingSignIn(sessionStorage.getItem(PENDING_KEY));
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', consoleUrl(location) + (pending?.returnTo ?? '#/'));
  const failed: SignInResult = { kind: 'problem', problem: { title: 'Sign-in failed', status: 401, detail: params.kind === 'error' ? params.error : 'The sign-in did not come back as it was sent.' } };
  if (params.kind === 'error' || !pending || pending.state !== params.state) return failed;
  const request = tokenRequest({ domain: config.domain, clientId: config.clientId, code: params.code, redirectUri: consoleUrl(location), codeVerifier: pending.codeVerifier });
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: request.body,
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch {
    return { kind: 'network' };
  }
  if (!response.ok) return failed;
  const { id_token: idToken } = (await response.json()) as { id_token?: string };
  const session = idToken ? sessionFromIdToken(idToken) : undefined;
  return session ? { kind: 'ok', session } : unusableToken;
}
