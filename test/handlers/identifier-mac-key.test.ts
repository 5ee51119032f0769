// The identifier MAC key as AWS serves it: read from Secrets Manager once per container. When Secrets
// Manager does not answer, registration is a 503 with Retry-After and writes nothing; the failed read
// is not kept, so the next call reads again. aws-sdk-client-mock stands in for Secrets Manager.
import { randomUUID } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_IDENTIFIER_MAC_KEY, secretEnvVar } from '../../functions/adapters/secrets';
import { handler } from '../../functions/handlers/register-personal-data';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, scanAll, systemPrincipal } from '../support/requests';

const ARN = 'arn:aws:secretsmanager:ap-northeast-1:000000000000:secret:identifier-mac-key-AbCdEf';
const secrets = mockClient(SecretsManagerClient);
let prefix: string;
let localKey: string | undefined;

beforeAll(async () => {
  prefix = await freshTables();
  localKey = process.env[LOCAL_IDENTIFIER_MAC_KEY];
  delete process.env[LOCAL_IDENTIFIER_MAC_KEY];
  process.env[secretEnvVar('identifier-mac-key')] = ARN;
});

afterEach(() => secrets.reset());

afterAll(async () => {
  delete process.env[secretEnvVar('identifier-mac-key')];
  if (localKey !== undefined) process.env[LOCAL_IDENTIFIER_MAC_KEY] = localKey;
  secrets.restore();
  await dropTables(prefix);
});

const register = (subjectId: string) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/system/personal-data',
    principal: systemPrincipal(),
    body: {
      subjectId,
      records: [
        {
          category: 'phone',
          value: '03-1234-5678',
          source: 'from-customer',
          purposes: ['service-provision'],
          acquiredAt: new Date(Date.now() - 86_400_000).toISOString(),
        },
      ],
    },
  });

const recordsOf = async (subjectId: string) =>
  (await scanAll('personal-data')).filter((r) => r.subjectId === subjectId);

describe('the identifier MAC key from Secrets Manager', () => {
  it('Secrets Manager down: 503 with Retry-After, nothing written; then read again and registered', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    secrets.on(GetSecretValueCommand).rejects(down);
    const s = `subject-${randomUUID()}`;
    const result = await register(s);
    expectProblem(result, 503);
    expect(result.headers['retry-after']).toBeDefined();
    expect(await recordsOf(s)).toEqual([]);

    secrets.on(GetSecretValueCommand, { SecretId: ARN }).resolves({ SecretString: 'k'.repeat(64) });
    expect((await register(s)).status).toBe(201);
    expect(await register(`subject-${randomUUID()}`)).toMatchObject({ status: 201 });
    // The failed read, then one read kept for the container's life.
    expect(secrets.commandCalls(GetSecretValueCommand)).toHaveLength(2);
  });
});
