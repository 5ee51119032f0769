// The pure parts of the Cognito sign-in (authorization code with PKCE, RFC 7636, S256): the verifier
// and its challenge, Cognito's URLs, the query it comes back with. No browser state here, so they are
// tested in Node (test/web/desk-sign-in.test.ts).

export const COGNITO_SCOPE = 'openid email profile';

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

export function authorizeUrl(options: {
  domain: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
}): string {
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

export function tokenRequest(options: {
  domain: string;
  clientId: string;
  code: string;
  redirectUri: string;
  codeVerifier: string;
}): { url: string; body: string } {
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
    if (
      typeof value.state === 'string' &&
      typeof value.codeVerifier === 'string' &&
      typeof value.returnTo === 'string'
    ) {
      return {
        state: value.state,
        codeVerifier: value.codeVerifier,
        returnTo: value.returnTo.startsWith('#/') ? value.returnTo : '#/',
      };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
