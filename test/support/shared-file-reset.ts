// In a worker shared by file after file (vitest.config.ts), what a file changed in the process is put
// back when it ends, as a process of its own would have dropped it: the environment variables, the
// clock, spies, stubbed variables or globals, and aws-sdk-client-mock's stubs of the SDK clients
// (on their classes, which every instance shares). Module state is not put back, so a file that
// mocks modules or loads a module after changing the environment still runs alone.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, vi } from 'vitest';

let before: Record<string, string | undefined> = {};

beforeAll(() => {
  before = { ...process.env };
});

/** The client classes a shared file may stub with mockClient (vitest.config.ts lets no other share). */
async function sdkClients(): Promise<Array<{ prototype: { send: unknown } }>> {
  const [ses, s3, dynamodb, lib, cognito] = await Promise.all([
    import('@aws-sdk/client-ses'),
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/client-dynamodb'),
    import('@aws-sdk/lib-dynamodb'),
    import('@aws-sdk/client-cognito-identity-provider'),
  ]);
  return [
    ses.SESClient,
    s3.S3Client,
    dynamodb.DynamoDBClient,
    lib.DynamoDBDocumentClient,
    cognito.CognitoIdentityProviderClient,
  ];
}

// Registered first, so it runs after the file's own afterAll hooks (vitest runs them as a stack).
afterAll(async () => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
  for (const [name, value] of Object.entries(before)) if (process.env[name] !== value) process.env[name] = value;
  const file = expect.getState().testPath;
  if (file && readFileSync(file, 'utf8').includes('mockClient(')) {
    for (const client of await sdkClients()) {
      const send = client.prototype.send as { restore?: () => void };
      if (Object.hasOwn(client.prototype, 'send') && typeof send.restore === 'function') send.restore();
    }
  }
});
