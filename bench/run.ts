// npm run bench: bundle every function as deployed, then time its cold start against the bare SDK's,
// with DynamoDB Local, the SES emulator and the S3 emulator started once for the whole run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { s3 } from '../functions/adapters/audit-bucket';
import { ROUTES, type RouteName } from '../functions/routes';
import { WORKERS } from '../functions/workers';
import { LAMBDA_BUNDLING } from '../lib/lambda-bundling';
import { createBuckets } from '../local/buckets';
import { type RunningEmulator, useEmulators } from '../local/emulators';
import { localSecretEnv } from '../local/secrets';
import { seedDemoCustomer, seedDemoStaff } from '../local/seed';
import { createTables } from '../local/tables';
import { type AnonymisationResult, runAnonymisationBench } from './anonymisation';
import { bundleFunction, bundleRunner } from './bundle';
import { coldStart, summarise } from './cold-start';
import { type CostReport, runCostBench } from './cost';
import { type DataResult, runDataBench } from './data';
import { startEmulators } from './emulators';
import { type RegistrationResult, runRegistrationBench } from './registration';
import { type BenchReport, type FunctionResult, resultOf } from './report';
import { BENCH_TOKEN_ISSUER, type BenchRequest, ROUTE_REQUESTS, WORKER_REQUESTS } from './requests';
import type { RunnerResult } from './runner';
import { runUseCheckBench, USE_CHECK_DEFAULTS, type UseCheckResult } from './use-check';

export interface BenchOptions {
  runs: number;
  /** Records for the register, erase and anonymisation scenarios of the data part; 0 skips the data part. */
  records: number;
  outDir: string;
  progress: (message: string) => void;
}

interface Target extends BenchRequest {
  kind: FunctionResult['kind'];
  name: string;
  entry: string;
}

const REGION = 'ap-northeast-1';

/**
 * The baseline is the SDK as any function would bundle it, with its default credential chain; the
 * desk's functions replace that chain (lib/lambda-bundling.ts), which is one of the ways they are
 * measured to be lighter.
 */
const SDK_AS_IT_COMES = { ...LAMBDA_BUNDLING, alias: {} };

const targets: Target[] = [
  { kind: 'baseline', name: 'baseline', entry: 'bench/baseline-handler.ts', event: () => ({}), expect: '200' },
  ...ROUTES.map((r) => ({
    kind: 'route' as const,
    name: r.name,
    entry: `functions/handlers/${r.name}.ts`,
    ...ROUTE_REQUESTS[r.name as RouteName],
  })),
  ...WORKERS.map((w) => ({
    kind: 'worker' as const,
    name: w.name,
    entry: `functions/handlers/${w.name}.ts`,
    ...WORKER_REQUESTS[w.name],
  })),
];

/** What the deployment hands each function, pointed at the emulators. */
async function prepareData(
  dynamoEndpoint: string,
  sesEndpoint: string,
  s3Endpoint: string,
): Promise<Record<string, string>> {
  const admin = new DynamoDBClient({
    endpoint: dynamoEndpoint,
    region: REGION,
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const tableEnv = await createTables(admin, 'appi-desk-bench-');
  admin.destroy();
  // The seed writes through the desk's own clients, which read these from this process's env.
  useEmulators(dynamoEndpoint, sesEndpoint, s3Endpoint);
  Object.assign(process.env, tableEnv);
  const bucketEnv = await createBuckets(s3(), 'appi-desk-bench-');
  await seedDemoStaff('bench');
  await seedDemoCustomer();
  return {
    PATH: process.env.PATH ?? '',
    ...tableEnv,
    ...bucketEnv,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_SES: sesEndpoint,
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    DESK_S3_EMULATOR: '1',
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    DESK_SENDER_EMAIL: 'privacy-desk@example.jp',
    DESK_STAFF_TOKEN_ISSUER: BENCH_TOKEN_ISSUER,
    // The identifier MAC key the registration routes read, as the local runtime hands it.
    ...localSecretEnv(),
    DESK_OFFICER_EMAIL: 'officer@desk.example.jp',
    DESK_PUBLIC_BASE_URL: 'https://desk.example.jp/v1',
    POWERTOOLS_LOG_LEVEL: 'WARN',
  };
}

export async function runBench({ runs, records, outDir, progress }: BenchOptions): Promise<BenchReport> {
  mkdirSync(outDir, { recursive: true });
  progress(`Bundling ${targets.length} entry points into ${outDir} ...`);
  const [runner, bundles] = await Promise.all([
    bundleRunner(outDir),
    Promise.all(
      targets.map((t) =>
        bundleFunction(t.name, resolve(t.entry), outDir, t.kind === 'baseline' ? SDK_AS_IT_COMES : LAMBDA_BUNDLING),
      ),
    ),
  ]);
  const bundled = new Map(bundles.map((b) => [b.name, b]));

  progress('Starting DynamoDB Local, the SES emulator and the S3 emulator ...');
  const emulators = await startEmulators();
  const timings = new Map<string, RunnerResult[]>(targets.map((t) => [t.name, []]));
  // A busy machine slows every process; the load is reported so a reader can judge the numbers.
  const loadAtStart = loadavg()[0]!;
  let data: DataResult[] = [];
  let anonymisation: AnonymisationResult[] = [];
  let useCheck: UseCheckResult | undefined;
  let cost: CostReport | undefined;
  let registration: RegistrationResult[] = [];
  try {
    const [dynamo, ses, bucket] = emulators as [RunningEmulator, RunningEmulator, RunningEmulator];
    const env = await prepareData(dynamo.endpoint, ses.endpoint, bucket.endpoint);
    // Round-robin, one process at a time: drift in the machine or the emulator hits every function
    // alike. Round 0 is not recorded: it warms the JVM of DynamoDB Local and the file cache.
    for (let round = 0; round <= runs; round += 1) {
      progress(round === 0 ? 'Warm-up round ...' : `Round ${round} of ${runs} ...`);
      for (const target of targets) {
        const result = await coldStart(runner, bundled.get(target.name)!.file, target.event(), env);
        if (round > 0) timings.get(target.name)!.push(result);
      }
    }
    if (records > 0) {
      // Tables of their own, so the data part starts from empty ones whatever the cold starts wrote.
      Object.assign(process.env, await createTables(new DynamoDBClient({}), 'appi-desk-bench-data-'));
      data = await runDataBench(records, progress);
      anonymisation = runAnonymisationBench(records, progress);
      registration = await runRegistrationBench(records, progress);
    }
    // Tables of their own, so the checks read only what the use-check part wrote.
    Object.assign(process.env, await createTables(new DynamoDBClient({}), 'appi-desk-bench-usecheck-'));
    useCheck = await runUseCheckBench(USE_CHECK_DEFAULTS, progress);
    cost = await runCostBench(progress, { dynamo: dynamo.endpoint, ses: ses.endpoint, s3: bucket.endpoint });
  } finally {
    await Promise.all(emulators.map((e) => e.stop()));
  }

  const baselineTotal = summarise(timings.get('baseline')!).totalMs;
  const results = targets.map((t) =>
    resultOf(
      bundled.get(t.name)!,
      t.kind,
      summarise(timings.get(t.name)!),
      baselineTotal,
      timings.get(t.name)!.map((r) => r.outcome),
      t.expect,
    ),
  );
  const report: BenchReport = {
    at: new Date().toISOString(),
    node: process.version,
    runs,
    load: { start: loadAtStart, end: loadavg()[0]!, cpus: availableParallelism() },
    results,
    data,
    anonymisation,
    ...(useCheck ? { useCheck } : {}),
    ...(cost ? { cost } : {}),
    registration,
  };
  writeFileSync(join(outDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
