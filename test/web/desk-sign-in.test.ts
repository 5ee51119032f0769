// The console's sign-in parts that need no browser: PKCE (RFC 7636), Cognito's URLs, the return's
// query, the ID token's claims, and the hash routes a sign-in returns to.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  base64Url,
  callbackParams,
  codeChallengeS256,
  consoleUrl,
  logoutUrl,
  parsePendingSignIn,
  randomToken,
  tokenRequest,
} from '../../web/src/desk/pkce';
import { type DeskRoute, deskPageAllowed, hrefOfDeskRoute, parseDeskRoute } from '../../web/src/desk/routes';
import { sessionExpired, sessionFromIdToken } from '../../web/src/desk/session';
import { waitInWords } from '../../web/src/desk/text';

const DOMAIN = 'https://appi-desk-demo.auth.ap-northeast-1.amazoncognito.com';
const CONSOLE = 'https://d111111abcdef8.cloudfront.net/desk/';

const token = (claims: Record<string, unknown>) =>
  `${base64Url(new TextEncoder().encode('{"alg":"RS256"}'))}.${base64Url(new TextEncoder().encode(JSON.stringify(claims)))}.signature`;

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes 43-character URL-safe verifiers, a new one each time', () => {
    const verifier = randomToken();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(verifier);
  });

  it('base64url-encodes without padding or + and /', () => {
    const bytes = Uint8Array.from([251, 255, 191, 0]);
    expect(base64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it('challenges with the SHA-256 of the verifier', async () => {
    const verifier = randomToken();
    expect(await codeChallengeS256(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });
});

describe('Cognito URLs', () => {
  it('takes the console URL without query or fragment', () => {
    expect(consoleUrl({ origin: 'https://d111111abcdef8.cloudfront.net', pathname: '/desk/' })).toBe(CONSOLE);
  });

  it('asks the authorize endpoint for a code with PKCE', () => {
    const url = new URL(
      authorizeUrl({
        domain: `${DOMAIN}/`,
        clientId: 'client123',
        redirectUri: CONSOLE,
        state: 'st',
        codeChallenge: 'ch',
      }),
    );
    expect(url.origin + url.pathname).toBe(`${DOMAIN}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client123',
      redirect_uri: CONSOLE,
      scope: 'openid email profile',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });

  it('exchanges the code at the token endpoint as a form', () => {
    const request = tokenRequest({
      domain: DOMAIN,
      clientId: 'client123',
      code: 'the-code',
      redirectUri: CONSOLE,
      codeVerifier: 'verifier',
    });
    expect(request.url).toBe(`${DOMAIN}/oauth2/token`);
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'client123',
      code: 'the-code',
      redirect_uri: CONSOLE,
      code_verifier: 'verifier',
    });
  });

  it('signs out at the logout endpoint and comes back to the console', () => {
    const url = new URL(logoutUrl({ domain: DOMAIN, clientId: 'client123', logoutUri: CONSOLE }));
    expect(url.origin + url.pathname).toBe(`${DOMAIN}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ client_id: 'client123', logout_uri: CONSOLE });
  });

  it('reads the return: a code and state, an error, or no return at all', () => {
    expect(callbackParams('?code=abc&state=xyz')).toEqual({ kind: 'code', code: 'abc', state: 'xyz' });
    expect(callbackParams('?error=access_denied&state=xyz')).toEqual({ kind: 'error', error: 'access_denied' });
    expect(callbackParams('?code=abc')).toEqual({ kind: 'none' });
    expect(callbackParams('')).toEqual({ kind: 'none' });
  });

  it('keeps only a well-formed pending sign-in, and only a console fragment to return to', () => {
    expect(parsePendingSignIn(JSON.stringify({ state: 's', codeVerifier: 'v', returnTo: '#/requests/r1' }))).toEqual({
      state: 's',
      codeVerifier: 'v',
      returnTo: '#/requests/r1',
    });
    expect(
      parsePendingSignIn(JSON.stringify({ state: 's', codeVerifier: 'v', returnTo: 'https://evil.example/' }))
        ?.returnTo,
    ).toBe('#/');
    expect(parsePendingSignIn(JSON.stringify({ state: 's' }))).toBeUndefined();
    expect(parsePendingSignIn('not json')).toBeUndefined();
    expect(parsePendingSignIn(null)).toBeUndefined();
  });
});

describe('the session from an ID token', () => {
  it('reads the staff id, the role and the expiry', () => {
    const idToken = token({
      'cognito:username': 'operator',
      'cognito:groups': ['operator'],
      exp: 2_000_000_000,
      token_use: 'id',
    });
    expect(sessionFromIdToken(idToken)).toEqual({
      idToken,
      staffId: 'operator',
      role: 'operator',
      expiresAt: 2_000_000_000_000,
    });
  });

  it('reads non-ASCII claims (UTF-8 in base64url)', () => {
    const idToken = token({ 'cognito:username': '担当者', 'cognito:groups': ['auditor'], exp: 1 });
    expect(sessionFromIdToken(idToken)?.staffId).toBe('担当者');
  });

  it('takes the first staff role among the groups, also as a comma list', () => {
    expect(
      sessionFromIdToken(token({ 'cognito:username': 'a', 'cognito:groups': ['admins', 'officer'], exp: 1 }))?.role,
    ).toBe('officer');
    expect(sessionFromIdToken(token({ 'cognito:username': 'a', 'cognito:groups': 'x,auditor', exp: 1 }))?.role).toBe(
      'auditor',
    );
  });

  it('refuses a token without a staff role, a username or an expiry, and garbage', () => {
    expect(
      sessionFromIdToken(token({ 'cognito:username': 'a', 'cognito:groups': ['admins'], exp: 1 })),
    ).toBeUndefined();
    expect(sessionFromIdToken(token({ 'cognito:groups': ['operator'], exp: 1 }))).toBeUndefined();
    expect(sessionFromIdToken(token({ 'cognito:username': 'a', 'cognito:groups': ['operator'] }))).toBeUndefined();
    expect(sessionFromIdToken('nonsense')).toBeUndefined();
  });

  it('is expired from its exp on', () => {
    const session = sessionFromIdToken(token({ 'cognito:username': 'a', 'cognito:groups': ['operator'], exp: 100 }))!;
    expect(sessionExpired(session, 99_999)).toBe(false);
    expect(sessionExpired(session, 100_000)).toBe(true);
  });
});

describe('console routes', () => {
  const routes: [string, DeskRoute][] = [
    ['#/', { page: 'queue' }],
    ['#/?status=refused', { page: 'queue', status: 'refused' }],
    ['#/requests/01JREQ123', { page: 'request', requestId: '01JREQ123' }],
    ['#/subjects', { page: 'subjects' }],
    ['#/subjects/cust%3A42', { page: 'subject', subjectId: 'cust:42' }],
    ['#/accounts', { page: 'accounts' }],
    ['#/access-log', { page: 'access-log' }],
  ];

  it.each(routes)('%s is parsed and written back the same', (hash, route) => {
    expect(parseDeskRoute(hash)).toEqual(route);
    expect(hrefOfDeskRoute(route)).toBe(hash);
  });

  it('takes an empty hash and trailing slashes', () => {
    expect(parseDeskRoute('')).toEqual({ page: 'queue' });
    expect(parseDeskRoute('#/subjects/')).toEqual({ page: 'subjects' });
  });

  it('finds no page for anything else', () => {
    for (const hash of ['#/requests', '#/requests/', '#/nope', '#/requests/a/b', '#/requests/%E0'])
      expect(parseDeskRoute(hash)).toEqual({ page: 'not-found' });
  });

  it('lets each role open only the pages its API routes allow', () => {
    expect(deskPageAllowed({ page: 'queue' }, 'auditor')).toBe(true);
    expect(deskPageAllowed({ page: 'request', requestId: 'r' }, 'auditor')).toBe(false);
    expect(deskPageAllowed({ page: 'accounts' }, 'operator')).toBe(false);
    expect(deskPageAllowed({ page: 'accounts' }, 'officer')).toBe(true);
    expect(deskPageAllowed({ page: 'access-log' }, 'auditor')).toBe(true);
    expect(deskPageAllowed({ page: 'subjects' }, 'auditor')).toBe(false);
  });
});

describe('a lock in words', () => {
  it('rounds a Retry-After up to minutes, then hours', () => {
    expect(waitInWords(1, 'ja')).toBe('約1分後');
    expect(waitInWords(900, 'en')).toBe('in about 15 minutes');
    expect(waitInWords(61, 'en')).toBe('in about 2 minutes');
    expect(waitInWords(3600, 'ja')).toBe('約1時間後');
    expect(waitInWords(3601, 'en')).toBe('in about 2 hours');
  });
});
