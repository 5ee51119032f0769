// staff-auth against DynamoDB Local: only ID tokens of the desk's own staff pool
// open staff routes; a token of another pool, an access token, a token without a username or of an
// account the table does not know or has disabled is a 4xx problem, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as listRequests } from '../../functions/handlers/list-requests';
import { staffTokenIssuer } from '../../functions/http/staff-auth';
import { LOCAL_ISSUER } from '../../local/staff-sign-in';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putStaff, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([putStaff('auth-operator', 'operator'), putStaff('auth-gone', 'operator', 'disabled')]);
});

afterAll(() => dropTables(prefix));

const call = (claims?: Record<string, string>) =>
  invoke(listRequests, {
    method: 'GET',
    path: '/v1/staff/requests',
    resource: '/v1/staff/requests',
    ...(claims ? { claims } : {}),
  });

describe('staff-auth', () => {
  it('tests run with the local issuer', () => {
    expect(staffTokenIssuer()).toBe(LOCAL_ISSUER);
  });

  it("an ID token of the desk's own issuer opens the route", async () => {
    expect((await call(staffClaims('auth-operator', 'operator'))).status).toBe(200);
  });

  it('a token of another user pool → 401 problem+json', async () => {
    const foreign = {
      ...staffClaims('auth-operator', 'operator'),
      iss: 'https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Other',
    };
    const result = await call(foreign);
    expectProblem(result, 401);
    expect(result.json.title).toBe('Token not accepted');
    expect(result.headers['www-authenticate']).toContain('Bearer');
  });

  it('an access token, or a token without iss or token_use → 401', async () => {
    const { iss: _iss, token_use: _use, ...bare } = staffClaims('auth-operator', 'operator');
    for (const claims of [
      { ...bare, iss: LOCAL_ISSUER, token_use: 'access' },
      bare,
      { ...bare, token_use: 'id' },
      { ...bare, iss: LOCAL_ISSUER },
    ]) {
      expectProblem(await call(claims), 401);
    }
  });

  it('no username, garbage claims → 401; unknown or disabled account → 403; never 500', async () => {
    expectProblem(await call(), 401);
    expectProblem(await call({ iss: LOCAL_ISSUER, token_use: 'id' }), 401);
    expectProblem(await call({ ...staffClaims('auth-operator', 'operator'), 'cognito:username': '' }), 401);
    expectProblem(await call(staffClaims('auth-nobody', 'operator')), 403);
    expectProblem(await call(staffClaims('auth-gone', 'operator')), 403);
  });

  it('DESK_STAFF_TOKEN_ISSUER unset is a deployment fault, named', () => {
    expect(() => staffTokenIssuer({})).toThrow('DESK_STAFF_TOKEN_ISSUER is not set');
  });
});
