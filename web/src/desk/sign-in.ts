// Staff sign-in: locally the desk's own form (POST /local/sign-in), in AWS Cognito managed login with
// the authorization code and PKCE (S256; the pure parts are in pkce.ts). Only the verifier, the state
// and the page to return to sit in sessionStorage, and only while the browser is away at Cognito.
import { type RuntimeConfig, runtimeConfig } from '../api';
import type { ProblemDetails } from '../request-form';
import {
  authorizeUrl,
  callbackParams,
  codeChallengeS256,
  consoleUrl,
  type PendingSignIn,
  parsePendingSignIn,
  randomToken,
  tokenRequest,
} from './pkce';
import { type StaffSession, sessionFromIdToken } from './session';

export type CognitoSignIn = Extract<NonNullable<RuntimeConfig['staffSignIn']>, { kind: 'cognito' }>;

const PENDING_KEY = 'appi-desk.desk-sign-in';

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
  return {
    kind: 'problem',
    problem,
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}),
  };
}

const unusableToken: SignInResult = {
  kind: 'problem',
  problem: { title: 'Sign-in failed', status: 401, detail: 'The ID token names no staff member and role.' },
};

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
export async function localChangePassword(
  username: string,
  password: string,
  newPassword: string,
): Promise<SignInResult> {
  const response = await postLocal('/local/password', { username, password, newPassword });
  if (!response) return { kind: 'network' };
  if (!response.ok) return problemOf(response);
  return localSignIn(username, newPassword);
}

/** Sends the browser to Cognito's managed login; it comes back to this page with ?code&state. */
export async function beginCognitoSignIn(config: CognitoSignIn, returnTo: string): Promise<void> {
  const pending: PendingSignIn = { state: randomToken(), codeVerifier: randomToken(), returnTo };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  location.assign(
    authorizeUrl({
      domain: config.domain,
      clientId: config.clientId,
      redirectUri: consoleUrl(location),
      state: pending.state,
      codeChallenge: await codeChallengeS256(pending.codeVerifier),
    }),
  );
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
  const failed: SignInResult = {
    kind: 'problem',
    problem: {
      title: 'Sign-in failed',
      status: 401,
      detail: params.kind === 'error' ? params.error : 'The sign-in did not come back as it was sent.',
    },
  };
  if (params.kind === 'error' || !pending || pending.state !== params.state) return failed;
  const request = tokenRequest({
    domain: config.domain,
    clientId: config.clientId,
    code: params.code,
    redirectUri: consoleUrl(location),
    codeVerifier: pending.codeVerifier,
  });
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
