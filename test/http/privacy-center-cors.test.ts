// The routes the Privacy Center and the desk console call answer CORS for their origin, successes and
// problems alike, when CDK names that origin (DESK_PRIVACY_CENTER_ORIGIN, lib/privacy-center.ts);
// without it, no CORS at all.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as notice } from '../../functions/handlers/get-privacy-notice';
import { handler as listRequests } from '../../functions/handlers/list-requests';
import { handler as submit } from '../../functions/handlers/submit-request';
import { freshTables, invoke } from '../support/desk';
import { dropTables } from '../support/requests';

const ORIGIN = 'https://d111111abcdef8.cloudfront.net';
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});
afterAll(() => dropTables(prefix));
afterEach(() => {
  vi.unstubAllEnvs();
});

const getNotice = () => invoke(notice, { method: 'GET', path: '/v1/privacy-notice', resource: '/v1/privacy-notice' });
const submitNothing = () =>
  invoke(submit, { method: 'POST', path: '/v1/requests', resource: '/v1/requests', body: '{}' });

describe('CORS for the Privacy Center', () => {
  it("lets the Privacy Center's origin read an answer and a problem", async () => {
    vi.stubEnv('DESK_PRIVACY_CENTER_ORIGIN', ORIGIN);
    const answer = await getNotice();
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'access-control-allow-origin': ORIGIN, vary: 'Origin' });
    const problem = await submitNothing();
    expect(problem.status).toBe(400);
    expect(problem.headers).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'content-type': 'application/problem+json',
    });
  });

  it("lets the console's origin read a staff route's refusal, so it can sign out on a 401", async () => {
    vi.stubEnv('DESK_PRIVACY_CENTER_ORIGIN', ORIGIN);
    const refused = await invoke(listRequests, {
      method: 'GET',
      path: '/v1/staff/requests',
      resource: '/v1/staff/requests',
    });
    expect(refused.status).toBe(401);
    expect(refused.headers).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      'content-type': 'application/problem+json',
    });
  });

  it('answers no origin when none is configured', async () => {
    expect((await getNotice()).headers).not.toHaveProperty('access-control-allow-origin');
    expect((await submitNothing()).headers).not.toHaveProperty('access-control-allow-origin');
  });
});
