// A DynamoDB Local of its own for the files that wait for a TTL sweep: it sweeps only 7 TTL tables at
// a time, held while they exist (see dropTables in test/support/requests.ts), so beside the run's
// shared instance, where other files' tables come and go, a sweep could wait for ever. With one of
// their own these files run beside the others instead of alone after them.
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal } from '../../local/emulators';

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal(await freePort());
  // test/support/emulator-env.ts points the SDK here; the project's value stands over the run's.
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.stop();
}
