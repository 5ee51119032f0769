// A real outage: DynamoDB's endpoint is a closed port. The route answers 503 with Retry-After, and
// fast, since the SDK clients' timeouts and retries are bounded (within Lambda's 15 s).
import { describe, expect, it } from 'vitest';
import { RETRY_AFTER_SECONDS } from '../../functions/http/unavailable';
import { freePort } from '../../local/emulators';
import { invoke } from '../support/desk';
import { expectProblem, staffClaims } from '../support/requests';

describe('DynamoDB unreachable', () => {
  it('503 with Retry-After within a few seconds, nothing about the cause in the answer', async () => {
    // Before the first call creates the client: nothing listens on a port freePort() just released.
    process.env.AWS_ENDPOINT_URL_DYNAMODB = `http://127.0.0.1:${await freePort()}`;
    process.env.DESK_TABLE_STAFF ??= 'outage-staff';
    const { handler } = await import('../../functions/handlers/list-purposes');
    const started = Date.now();
    const result = await invoke(handler, {
      method: 'GET',
      path: '/v1/staff/purposes',
      resource: '/v1/staff/purposes',
      claims: staffClaims('auditor'),
    });
    expectProblem(result, 503);
    expect(result.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(result.json.detail).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
