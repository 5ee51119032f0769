// The local sign-in over HTTP against DynamoDB Local: the maximum password age, the
// lock after repeated wrong passwords, POST /local/password, a new account's temporary password, and
// the tokens the gateway refuses.
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import {
  LOCAL_SIGN_IN_LOCK_MINUTES,
  LOCAL_SIGN_IN_MAX_FAILURES,
  PASSWORD_MAX_AGE_DAYS,
} from '../../functions/domain/staff-passwords';
import { freePort } from '../../local/emulators';
import { LocalGateway } from '../../local/gateway';
import { seedDemoStaff } from '../../local/seed';
import {
  DUMMY_PASSWORD_HASH,
  hashLocalPassword,
  LOCAL_ISSUER,
  LocalSignIn,
  LocalTokenIssuer,
  localPasswordMatches,
  UnknownNameAttempts,
} from '../../local/staff-sign-in';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem, scanAll } from '../support/requests';

const PASSWORD = 'sign-in-test-password';
const DAY_MS = 24 * 60 * 60 * 1000;
let now = new Date('2026-11-26T01:00:00.000Z');
let gateway: LocalGateway;
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff(PASSWORD, now);
  gateway = new LocalGateway({
    port: await freePort(),
    issuer: new LocalTokenIssuer(),
    signIn: new LocalSignIn(PASSWORD_MAX_AGE_DAYS, () => now),
    mailboxUrl: 'http://127.0.0.1:1',
    demoPassword: PASSWORD,
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await dropTables(prefix);
});

async function post(path: string, body: unknown, token?: string) {
  const response = await fetch(`${gateway.url}${path}`, {
    method: path.startsWith('/local/') ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(path.startsWith('/local/') ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    contentType: response.headers.get('content-type'),
    json: text ? JSON.parse(text) : undefined,
  };
}
const signIn = (username: string, password: string) => post('/local/sign-in', { username, password });
const changePassword = (username: string, password: string, newPassword: string) =>
  post('/local/password', { username, password, newPassword });
const staffCall = (token: string) => post('/v1/staff/requests', undefined, token);

async function localStaff(
  staffId: string,
  password: string,
  changedDaysAgo: number,
  extra: Record<string, unknown> = {},
) {
  await putItem('staff', {
    staffId,
    role: 'operator',
    status: 'active',
    displayName: staffId,
    email: `${staffId}@desk.example.jp`,
    passwordChangedAt: new Date(now.getTime() - changedDaysAgo * DAY_MS).toISOString(),
    localPasswordHash: hashLocalPassword(password),
    ...extra,
  });
}

describe('local sign-in: password age (policy §6(1))', () => {
  it('a password younger than the maximum age signs in; one that old → 403 "Password expired" saying how to change it', async () => {
    await localStaff('age-fresh', PASSWORD, PASSWORD_MAX_AGE_DAYS - 1);
    expect((await signIn('age-fresh', PASSWORD)).status).toBe(200);
    await localStaff('age-stale', PASSWORD, PASSWORD_MAX_AGE_DAYS);
    const stale = await signIn('age-stale', PASSWORD);
    expect(stale.status).toBe(403);
    expect(stale.contentType).toBe('application/problem+json');
    expect(stale.json).toMatchObject({
      title: 'Password expired',
      detail: expect.stringContaining('POST /local/password'),
    });
  });

  it('POST /local/password changes an expired password; the new one signs in and opens staff routes', async () => {
    await localStaff('age-renew', PASSWORD, 200);
    const changed = await changePassword('age-renew', PASSWORD, 'a-much-longer-new-password');
    expect(changed.status).toBe(200);
    expect(changed.json).toEqual({ username: 'age-renew', passwordChangedAt: now.toISOString() });
    expect((await signIn('age-renew', PASSWORD)).status).toBe(401);
    const signedIn = await signIn('age-renew', 'a-much-longer-new-password');
    expect(signedIn.status).toBe(200);
    expect((await staffCall(signedIn.json.idToken)).status).toBe(200);
  });

  it('a new password under 14 characters, the same as the old, or a wrong old one is refused; nothing changes', async () => {
    await localStaff('age-rules', PASSWORD, 10);
    const before = await getItem('staff', { staffId: 'age-rules' });
    expect((await changePassword('age-rules', PASSWORD, 'short-13-char')).status).toBe(422);
    expect((await changePassword('age-rules', PASSWORD, PASSWORD)).status).toBe(422);
    expect((await changePassword('age-rules', 'not-the-password', 'a-much-longer-new-password')).status).toBe(401);
    expect((await changePassword('nobody-at-all', PASSWORD, 'a-much-longer-new-password')).status).toBe(401);
    expect((await post('/local/password', { username: 'age-rules', password: PASSWORD })).status).toBe(400);
    expect((await post('/local/password', '{"username":')).status).toBe(400);
    expect(await getItem('staff', { staffId: 'age-rules' })).toMatchObject({
      localPasswordHash: before!.localPasswordHash,
      passwordChangedAt: before!.passwordChangedAt,
    });
  });
});

describe('local sign-in: lock after repeated wrong passwords', () => {
  it(`${LOCAL_SIGN_IN_MAX_FAILURES} wrong passwords lock the account: 423 with Retry-After, even for the right password, until the lock ends`, async () => {
    await localStaff('lock-me', PASSWORD, 1);
    for (let i = 1; i < LOCAL_SIGN_IN_MAX_FAILURES; i++) expect((await signIn('lock-me', 'wrong')).status).toBe(401);
    const locking = await signIn('lock-me', 'wrong');
    expect(locking.status).toBe(423);
    expect(locking.contentType).toBe('application/problem+json');
    expect(Number(locking.headers.get('retry-after'))).toBe(LOCAL_SIGN_IN_LOCK_MINUTES * 60);
    const right = await signIn('lock-me', PASSWORD);
    expect(right.status).toBe(423);
    expect(right.json.title).toBe('Account locked');
    // The end of the lock as an extension member, for the console to say in Japan time.
    expect(right.json.type).toBe('urn:appi-desk:problem:account-locked');
    expect(Date.parse(right.json.lockedUntil)).toBe(now.getTime() + LOCAL_SIGN_IN_LOCK_MINUTES * 60_000);
    expect((await changePassword('lock-me', PASSWORD, 'a-much-longer-new-password')).status).toBe(423);

    const start = now;
    now = new Date(start.getTime() + LOCAL_SIGN_IN_LOCK_MINUTES * 60_000 + 1000);
    try {
      expect((await signIn('lock-me', PASSWORD)).status).toBe(200);
      expect(await getItem('staff', { staffId: 'lock-me' })).not.toHaveProperty('lockedUntil');
    } finally {
      now = start;
    }
  });

  it('a right password resets the count of wrong ones', async () => {
    await localStaff('lock-reset', PASSWORD, 1);
    for (let i = 1; i < LOCAL_SIGN_IN_MAX_FAILURES; i++) await signIn('lock-reset', 'wrong');
    expect((await signIn('lock-reset', PASSWORD)).status).toBe(200);
    expect((await signIn('lock-reset', 'wrong')).status).toBe(401);
    expect(await getItem('staff', { staffId: 'lock-reset' })).toMatchObject({ failedSignIns: 1 });
  });

  it('wrong passwords at once are all counted (conditional updates): the account locks', async () => {
    await localStaff('lock-race', PASSWORD, 1);
    const results = await Promise.all(
      Array.from({ length: LOCAL_SIGN_IN_MAX_FAILURES }, () => signIn('lock-race', 'wrong')),
    );
    expect(results.map((r) => r.status)).toContain(423);
    expect((await signIn('lock-race', PASSWORD)).status).toBe(423);
  });

  it('restarting the desk (seedDemoStaff) unlocks the demo staff and resets their password age', async () => {
    for (let i = 0; i < LOCAL_SIGN_IN_MAX_FAILURES; i++) await signIn('auditor', 'wrong');
    expect((await signIn('auditor', PASSWORD)).status).toBe(423);
    await seedDemoStaff(PASSWORD, now);
    expect((await signIn('auditor', PASSWORD)).status).toBe(200);
    expect(await getItem('staff', { staffId: 'auditor' })).not.toHaveProperty('failedSignIns');
  });
});

describe('local sign-in: an unknown username answers as a known one with a wrong password', () => {
  const answer = (r: Awaited<ReturnType<typeof signIn>>) => ({
    status: r.status,
    contentType: r.contentType,
    retryAfter: r.headers.get('retry-after'),
    json: r.json,
  });

  it('the same answers, one by one, through the lock and after it ends; no account is made for the unknown name', async () => {
    await localStaff('known-1', PASSWORD, 1);
    for (let i = 1; i <= LOCAL_SIGN_IN_MAX_FAILURES + 1; i++) {
      const known = await signIn('known-1', 'wrong-password');
      const unknown = await signIn('nobody-1', 'wrong-password');
      expect(answer(unknown), `attempt ${i}`).toEqual(answer(known));
      expect(known.status, `attempt ${i}`).toBe(i < LOCAL_SIGN_IN_MAX_FAILURES ? 401 : 423);
    }
    // Locked: the right password of the known one is refused just as any password of the unknown one.
    expect(answer(await signIn('nobody-1', PASSWORD))).toEqual(answer(await signIn('known-1', PASSWORD)));
    expect(answer(await changePassword('nobody-1', PASSWORD, 'a-much-longer-new-password'))).toEqual(
      answer(await changePassword('known-1', PASSWORD, 'a-much-longer-new-password')),
    );

    const start = now;
    now = new Date(start.getTime() + LOCAL_SIGN_IN_LOCK_MINUTES * 60_000 + 1000);
    try {
      // The lock has ended for both: a wrong password is again a plain 401.
      expect(answer(await signIn('nobody-1', 'wrong-password'))).toEqual(
        answer(await signIn('known-1', 'wrong-password')),
      );
      expect((await signIn('nobody-1', 'wrong-password')).status).toBe(401);
    } finally {
      now = start;
    }
    expect(await getItem('staff', { staffId: 'nobody-1' })).toBeUndefined();
  });

  it('wrong passwords for unknown names, even ones close to a real one, do not count against the real account', async () => {
    await localStaff('known-2', PASSWORD, 1);
    for (const name of ['nobody-2', 'Known-2', 'known-2 ', 'known-22']) {
      for (let i = 0; i < LOCAL_SIGN_IN_MAX_FAILURES; i++) await signIn(name, 'wrong-password');
      expect((await signIn(name, 'wrong-password')).status, name).toBe(423);
    }
    expect(await getItem('staff', { staffId: 'known-2' })).not.toHaveProperty('failedSignIns');
    expect((await signIn('known-2', PASSWORD)).status).toBe(200);
  });

  it('does the same password hashing for an unknown name, against a dummy scrypt hash, once per attempt', async () => {
    await localStaff('known-3', PASSWORD, 1);
    const calls: [string, string | undefined][] = [];
    const matches = (password: string, stored: string | undefined) => {
      calls.push([password, stored]);
      return localPasswordMatches(password, stored);
    };
    const signInRules = new LocalSignIn(PASSWORD_MAX_AGE_DAYS, () => now, matches);
    const stored = (await getItem('staff', { staffId: 'known-3' }))!.localPasswordHash as string;

    await signInRules.signIn('known-3', 'wrong-password');
    await signInRules.signIn('nobody-3', 'wrong-password');
    expect(calls).toEqual([
      ['wrong-password', stored],
      ['wrong-password', DUMMY_PASSWORD_HASH],
    ]);
    // The dummy costs what a real one does: the same scheme, salt and key length.
    expect(DUMMY_PASSWORD_HASH.split(':').map((part) => part.length)).toEqual(
      stored.split(':').map((part) => part.length),
    );
    expect(DUMMY_PASSWORD_HASH.startsWith('scrypt:')).toBe(true);
  });
});

describe('UnknownNameAttempts', () => {
  it('counts per name, locks until the given time and starts the count again, and forgets the oldest name past its capacity', () => {
    const attempts = new UnknownNameAttempts(2);
    expect([attempts.fail('a'), attempts.fail('a'), attempts.fail('b')]).toEqual([1, 2, 1]);
    attempts.lock('a', new Date(now.getTime() + 60_000));
    expect(attempts.lockedUntil('a', now)).toEqual(new Date(now.getTime() + 60_000));
    expect(attempts.lockedUntil('a', new Date(now.getTime() + 60_000))).toBeUndefined();
    expect(attempts.fail('a')).toBe(1);
    attempts.fail('c');
    // 'b' was the least recently touched and is forgotten; 'a' is kept.
    expect(attempts.fail('a')).toBe(2);
    expect(attempts.fail('b')).toBe(1);
  });
});

describe("local sign-in: a new account's temporary password", () => {
  it('must be changed before signing in: 403 "Password change required", then the new password works', async () => {
    const officer = (await signIn('officer', PASSWORD)).json.idToken;
    const created = await fetch(`${gateway.url}/v1/staff/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({
        staffId: 'new-joiner',
        displayName: 'New Joiner',
        email: 'new-joiner@desk.example.jp',
        role: 'auditor',
      }),
    });
    expect(created.status).toBe(201);
    const [mail] = (await scanAll<StoredOutboxMessage>('outbox')).filter((m) =>
      m.to.includes('new-joiner@desk.example.jp'),
    );
    const temporary = /\n {4}(\S+)\n/.exec(mail!.text)![1]!;
    const refused = await signIn('new-joiner', temporary);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({
      title: 'Password change required',
      detail: expect.stringContaining('POST /local/password'),
    });
    expect((await changePassword('new-joiner', temporary, 'my-own-long-password-1')).status).toBe(200);
    const signedIn = await signIn('new-joiner', 'my-own-long-password-1');
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.role).toBe('auditor');
    expect(await getItem('staff', { staffId: 'new-joiner' })).not.toHaveProperty('passwordMustChange');
  });
});

describe('local gateway: bad tokens are 401, never 500', () => {
  const forge = (issuer: string, key: Uint8Array) =>
    new SignJWT({ 'cognito:username': 'officer', 'cognito:groups': ['officer'], token_use: 'id' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setAudience('appi-desk-local-client')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key);

  it('garbage, a token signed by another key, a token of another issuer → 401 problem+json', async () => {
    const otherKey = new TextEncoder().encode('another-key-another-key-another-');
    for (const token of [
      'garbage',
      'a.b.c',
      await forge(LOCAL_ISSUER, otherKey),
      await forge('https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other', otherKey),
    ]) {
      const result = await staffCall(token);
      expect(result.status).toBe(401);
      expect(result.contentType).toBe('application/problem+json');
    }
  });

  it('a token of an account disabled after sign-in → 403 problem+json on the next call', async () => {
    await localStaff('token-gone', PASSWORD, 1);
    const token = (await signIn('token-gone', PASSWORD)).json.idToken;
    expect((await staffCall(token)).status).toBe(200);
    const officer = (await signIn('officer', PASSWORD)).json.idToken;
    const disabled = await fetch(`${gateway.url}/v1/staff/accounts/token-gone/disabling`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officer}` },
      body: JSON.stringify({ reason: 'transfer' }),
    });
    expect(disabled.status).toBe(200);
    const refused = await staffCall(token);
    expect(refused.status).toBe(403);
    expect(refused.contentType).toBe('application/problem+json');
    expect((await signIn('token-gone', PASSWORD)).status).toBe(403);
  });
});
