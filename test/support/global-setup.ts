// Starts DynamoDB Local (in memory), the SES emulator and the S3 emulator once per test run, on
// free ports, and hands their endpoints to every test file, with the environment that points the
// AWS SDK at them (computed here once, so that a test file loads none of the emulators' modules).
import type { TestProject } from 'vitest/node';
import {
  freePort,
  type RunningEmulator,
  startDynamoDbLocal,
  startS3Emulator,
  startSesEmulator,
  useEmulators,
} from '../../local/emulators';
import { LOCAL_ISSUER } from '../../local/staff-sign-in';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    s3Endpoint: string;
    /** The variables test/support/emulator-env.ts sets in each test worker. */
    emulatorEnv: Record<string, string>;
  }
}

/** What useEmulators and the desk's defaults set in a process, without leaving them set in this one. */
function emulatorEnv(dynamoEndpoint: string, sesEndpoint: string, s3Endpoint: string): Record<string, string> {
  const before = { ...process.env };
  try {
    useEmulators(dynamoEndpoint, sesEndpoint, s3Endpoint);
    process.env.DESK_SENDER_EMAIL ??= 'privacy-desk@example.jp';
    process.env.DESK_OFFICER_EMAIL ??= 'officer@desk.example.jp';
    process.env.DESK_STAFF_TOKEN_ISSUER ??= LOCAL_ISSUER;
    process.env.DESK_PRIVACY_CENTER_URL ??= 'http://localhost:3000/privacy/';
    return Object.fromEntries(
      Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && before[e[0]] !== e[1]),
    );
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in before)) delete process.env[name];
    Object.assign(process.env, before);
  }
}

export default async function setup(project: TestProject) {
  const [dynamoPort, sesPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  const started = await Promise.allSettled([
    startDynamoDbLocal(dynamoPort),
    startSesEmulator(sesPort),
    startS3Emulator(s3Port),
  ]);
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    // Vitest runs no teardown when its setup throws: stop those that did start, or they outlive the run.
    await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
    throw failed.reason;
  }
  const [dynamo, ses, s3] = started.map((s) => (s as PromiseFulfilledResult<RunningEmulator>).value) as [
    RunningEmulator,
    RunningEmulator,
    RunningEmulator,
  ];
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('emulatorEnv', emulatorEnv(dynamo.endpoint, ses.endpoint, s3.endpoint));
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop(), s3.stop()]);
  };
}
