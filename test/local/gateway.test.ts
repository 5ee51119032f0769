// The local API Gateway over HTTP: routes mounted from the manifest, 404 and 405 as problems, staff
// tokens and system callers' SigV4 signatures verified before any function runs, and the local
// sign-in against the staff table.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { tableName } from '../../functions/adapters/clients';
import { freePort } from '../../local/emulators';
import { LocalGateway } from '../../local/gateway';
import { seedDemoStaff } from '../../local/seed';
import { LOCAL_ISSUER, LocalSignIn, LocalTokenIssuer } from '../../local/staff-sign-in';
import { type LOCAL_SYSTEM_CREDENTIALS, signAsSystem } from '../../local/system-signing';
import { freshTables } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, putStaff, requestBody, setAttributes } from '../support/requests';

// The real handlers run; the loader also keeps the events the gateway built, to see what reached them.
const delivered = vi.hoisted(() => [] as APIGatewayProxyEvent[]);
vi.mock('../../local/handlers', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../local/handlers')>();
  return {
    loadHandler: async (name: string) => {
      const handler = await real.loadHandler<(event: APIGatewayProxyEvent, context: unknown) => Promise<unknown>>(name);
      return (event: APIGatewayProxyEvent, context: unknown) => {
        delivered.push(event);
        return handler(event, context);
      };
    },
  };
});

const PASSWORD = 'gateway-test-password';
let gateway: LocalGateway;

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff(PASSWORD);
  gateway = new LocalGateway({
    port: await freePort(),
    issuer: new LocalTokenIssuer(),
    signIn: new LocalSignIn(),
    mailboxUrl: 'http://127.0.0.1:1',
    demoPassword: PASSWORD,
  });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await dropTables(prefix);
});

async function call(
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    ...(options.body !== undefined
      ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }
      : {}),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    headers: response.headers,
    contentType,
    json: contentType.includes('json') && text ? JSON.parse(text) : undefined,
    text,
  };
}

async function signIn(username: string, password = PASSWORD) {
  return call('POST', '/local/sign-in', { body: { username, password } });
}

describe('local gateway: routing', () => {
  it('an unknown path → 404 problem naming the OpenAPI document', async () => {
    const result = await call('GET', '/v1/nothing-here');
    expect(result.status).toBe(404);
    expect(result.contentType).toBe('application/problem+json');
    expect(result.json).toMatchObject({
      status: 404,
      title: 'Not found',
      detail: expect.stringContaining('/v1/openapi.json'),
    });
  });

  it('a known path with the wrong method → 405 with Allow', async () => {
    const list = await call('DELETE', '/v1/requests');
    expect(list.status).toBe(405);
    expect(list.contentType).toBe('application/problem+json');
    expect(list.headers.get('allow')).toBe('POST');
    const one = await call('POST', '/v1/requests/some-id');
    expect(one.status).toBe(405);
    expect(one.headers.get('allow')).toBe('GET');
  });

  it('mounts public routes and passes path parameters, query and body through', async () => {
    expect((await call('GET', '/v1/privacy-notice')).status).toBe(200);
    const submitted = await call('POST', '/v1/requests', { body: requestBody() });
    expect(submitted.status).toBe(202);
    const status = await call('GET', `/v1/requests/${submitted.json.requestId}`, { token: 'wrong' });
    expect(status.status).toBe(404);
    expect(status.json.type).toBe('urn:appi-desk:problem:not-found');
  });

  it('a malformed percent-escape in the path → 400 problem, not 502', async () => {
    const result = await call('GET', '/v1/requests/%ZZ');
    expect(result.status).toBe(400);
  });

  it('serves the landing page at /', async () => {
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.contentType).toMatch(/^text\/html/);
    for (const shown of [
      'AKIALOCALBUSINESSSYS',
      'AKIALOCALPAYROLL0001',
      '/desk/',
      '/v1/staff/subjects/subject-demo-hanako?purpose=',
      'POST /v1/system/use-checks',
      'GET /v1/system/my-number/{subjectId}',
    ]) {
      expect(page.text).toContain(shown);
    }
  });
});

describe('local gateway: staff tokens', () => {
  it('a staff route with a bad token → 401 before the function runs', async () => {
    const { mock } = mockDocumentClient();
    try {
      for (const token of [undefined, 'not-a-jwt']) {
        const result = await call('GET', '/v1/staff/requests', token ? { token } : {});
        expect(result.status).toBe(401);
        expect(result.headers.get('www-authenticate')).toBe('Bearer');
        // The gateway's own problem, not the function's ('unauthenticated')...
        expect(result.json.type).toBe('urn:appi-desk:problem:unauthorized');
      }
      // ...and the function never looked at the staff table.
      expect(mock.commandCalls(GetCommand, { TableName: tableName('staff') })).toHaveLength(0);
    } finally {
      mock.restore();
    }
  });

  it('a token signed with another key, or for another issuer, → 401', async () => {
    const forge = (issuer: string) =>
      new SignJWT({ 'cognito:username': 'operator', 'cognito:groups': ['operator'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer)
        .setAudience('appi-desk-local-client')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('0123456789abcdef0123456789abcdef'));
    for (const token of [await forge(LOCAL_ISSUER), await forge('someone-else')]) {
      expect((await call('GET', '/v1/staff/requests', { token })).status).toBe(401);
    }
  });

  it('signs demo staff in; the token opens the staff routes their role allows', async () => {
    const signedIn = await signIn('operator');
    expect(signedIn.status).toBe(200);
    expect(signedIn.json).toMatchObject({
      username: 'operator',
      role: 'operator',
      idToken: expect.any(String),
      expiresIn: 3600,
    });
    expect((await call('GET', '/v1/staff/requests', { token: signedIn.json.idToken })).status).toBe(200);
    const auditor = (await signIn('auditor')).json.idToken;
    expect(
      (await call('POST', '/v1/staff/requests/some-id/decision', { token: auditor, body: { outcome: 'fulfilled' } }))
        .status,
    ).toBe(403);
  });

  it('refuses a wrong password or an unknown user with 401, and a disabled account with 403', async () => {
    expect((await signIn('operator', 'wrong')).status).toBe(401);
    expect((await signIn('nobody')).status).toBe(401);
    expect((await call('POST', '/local/sign-in', { body: '{"username":' })).status).toBe(400);
    await putStaff('gateway-disabled', 'operator', 'disabled');
    // No password hash: such an account cannot sign in at all.
    expect((await signIn('gateway-disabled')).status).toBe(401);
  });

  it('a token issued before the account was disabled is refused by the function on the next call', async () => {
    await seedDemoStaff(PASSWORD);
    const token = (await signIn('officer')).json.idToken;
    expect((await call('GET', '/v1/staff/requests', { token })).status).toBe(200);
    await setAttributes('staff', { staffId: 'officer' }, { status: 'disabled' });
    const refused = await call('GET', '/v1/staff/requests', { token });
    expect(refused.status).toBe(403);
    expect(refused.json.type).toBe('urn:appi-desk:problem:account-disabled');
    expect((await signIn('officer')).status).toBe(403);
  });
});

describe('local gateway: system routes signed with SigV4', () => {
  const useCheck = { subjectId: 'subject-gateway-nobody', category: 'email', purpose: 'service-provision' };

  async function signed(
    system: keyof typeof LOCAL_SYSTEM_CREDENTIALS,
    method: string,
    path: string,
    body?: unknown,
    signingDate?: Date,
  ) {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const headers = await signAsSystem(
      system,
      {
        method,
        url: `${gateway.url}${path}`,
        headers: text === undefined ? {} : { 'content-type': 'application/json' },
        ...(text === undefined ? {} : { body: text }),
      },
      signingDate,
    );
    return { headers, body: text };
  }

  beforeEach(() => {
    delivered.length = 0;
  });

  it("a correctly signed call reaches the function with the system's IAM principal", async () => {
    const { headers, body } = await signed('business-systems', 'POST', '/v1/system/use-checks', useCheck);
    const result = await call('POST', '/v1/system/use-checks', { body: body!, headers });
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({ allowed: false, reason: 'no-record' });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.requestContext.identity.userArn).toBe('arn:aws:iam::000000000000:user/local-business-systems');
  });

  it('an unsigned call → 403 Missing Authentication Token, saying how to sign, before the function runs', async () => {
    const result = await call('POST', '/v1/system/use-checks', { body: useCheck });
    expect(result.status).toBe(403);
    expect(result.contentType).toBe('application/problem+json');
    expect(result.json).toMatchObject({
      type: 'urn:appi-desk:problem:gateway-MISSING_AUTHENTICATION_TOKEN',
      title: 'Missing Authentication Token',
      detail: expect.stringContaining('--aws-sigv4 "aws:amz:ap-northeast-1:execute-api"'),
    });
    const bearer = await call('POST', '/v1/system/use-checks', { body: useCheck, token: 'a-staff-token' });
    expect(bearer.status).toBe(403);
    expect(bearer.json.type).toBe('urn:appi-desk:problem:gateway-INVALID_SIGNATURE');
    expect(delivered).toHaveLength(0);
  });

  it('a body changed after signing → 403 invalid signature', async () => {
    const { headers } = await signed('business-systems', 'POST', '/v1/system/use-checks', useCheck);
    const tampered = JSON.stringify({ ...useCheck, purpose: 'advertising' });
    const result = await call('POST', '/v1/system/use-checks', { body: tampered, headers });
    expect(result.status).toBe(403);
    expect(result.json).toMatchObject({
      type: 'urn:appi-desk:problem:gateway-INVALID_SIGNATURE',
      detail: expect.stringContaining('does not match'),
    });
    expect(delivered).toHaveLength(0);
  });

  it('a path, query or secret other than the signed one → 403', async () => {
    const { headers } = await signed('payroll', 'GET', '/v1/system/my-number/subject-a?purpose=billing');
    expect((await call('GET', '/v1/system/my-number/subject-b?purpose=billing', { headers })).status).toBe(403);
    expect((await call('GET', '/v1/system/my-number/subject-a?purpose=service-provision', { headers })).status).toBe(
      403,
    );
    const forged = headers.authorization!.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`);
    expect(
      (
        await call('GET', '/v1/system/my-number/subject-a?purpose=billing', {
          headers: { ...headers, authorization: forged },
        })
      ).status,
    ).toBe(403);
    expect(delivered).toHaveLength(0);
  });

  it("a signature older than API Gateway's 5 minutes, or by an unknown key → 403", async () => {
    const old = await signed(
      'business-systems',
      'POST',
      '/v1/system/use-checks',
      useCheck,
      new Date(Date.now() - 6 * 60_000),
    );
    const expired = await call('POST', '/v1/system/use-checks', { body: old.body!, headers: old.headers });
    expect(expired.status).toBe(403);
    expect(expired.json.detail).toMatch(/^Signature expired/);
    const fresh = await signed('business-systems', 'POST', '/v1/system/use-checks', useCheck);
    const unknownKey = fresh.headers.authorization!.replace('AKIALOCALBUSINESSSYS', 'AKIAUNKNOWNKEY000000');
    const unknown = await call('POST', '/v1/system/use-checks', {
      body: fresh.body!,
      headers: { ...fresh.headers, authorization: unknownKey },
    });
    expect(unknown.status).toBe(403);
    expect(unknown.json.detail).toContain('not a local system key');
    expect(delivered).toHaveLength(0);
  });

  it('a system the route does not name → 403 access denied, though its signature is good', async () => {
    const { headers, body } = await signed('payroll', 'POST', '/v1/system/use-checks', useCheck);
    const result = await call('POST', '/v1/system/use-checks', { body: body!, headers });
    expect(result.status).toBe(403);
    expect(result.json).toMatchObject({
      type: 'urn:appi-desk:problem:gateway-ACCESS_DENIED',
      detail: expect.stringContaining(
        'arn:aws:iam::000000000000:user/local-payroll is not authorized to perform: execute-api:Invoke',
      ),
    });
    const staffRoute = await call('GET', '/v1/staff/requests', { headers });
    expect(staffRoute.status).toBe(401);
    expect(delivered).toHaveLength(0);
  });
});
