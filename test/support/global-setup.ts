// Starts DynamoDB Local (in memory), the SES emulator and the S3 emulator once per test run, on
// free ports, and hands their endpoints to every test file.
import type { TestProject } from 'vitest/node';
import { freePort, startDynamoDbLocal, startS3Emulator, startSesEmulator } from '../../local/emulators';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    s3Endpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const [dynamoPort, sesPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  const [dynamo, ses, s3] = await Promise.all([startDynamoDbLocal(dynamoPort), startSesEmulator(sesPort), startS3Emulator(s3Port)]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop(), s3.stop()]);
  };
}
