// Starts DynamoDB Local (in memory) and the SES emulator once per test run, on free ports, and
// hands their endpoints to every test file.
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal, startSesEmulator } from '../../local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const [dynamoPort, sesPort] = [await freePort(), await freePort()];
  const [dynamo, ses] = await Promise.all([startDynamoDbLocal(dynamoPort), startSesEmulator(sesPort)]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}
