// npm run bench: cold start and bundle size of every function against the bare AWS SDK (bench/).
// `npm run bench -- --scenario anonymisation` runs only the anonymisation part (no emulators needed).
// `npm run bench -- --scenario use-check` runs only the use check under load (DynamoDB Local only;
// BENCH_USECHECK_SUBJECTS, BENCH_USECHECK_CALLS, BENCH_USECHECK_CONCURRENCY size it).
// Exits 0 whether or not the targets are met: it is a measurement; only a failure to measure is an error.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { formatAnonymisationReport, runAnonymisationBench } from '../bench/anonymisation';
import { formatDataReport } from '../bench/data';
import { formatRegistrationReport, runRegistrationScenario } from '../bench/registration';
import { formatReport } from '../bench/report';
import { runBench } from '../bench/run';
import { formatUseCheckReport, runUseCheckBench, USE_CHECK_DEFAULTS, type UseCheckOptions } from '../bench/use-check';
import { freePort, LocalStartError, startDynamoDbLocal } from '../local/emulators';
import { createTables } from '../local/tables';

const runs = Number(process.env.BENCH_RUNS ?? 7);
const records = Number(process.env.BENCH_RECORDS ?? 100_000);
if (!Number.isInteger(records) || records < 0) {
  console.error(
    `bench: BENCH_RECORDS must be a whole number (0 skips the data part), not "${process.env.BENCH_RECORDS}".`,
  );
  process.exit(1);
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench: BENCH_RUNS must be a whole number of at least 1, not "${process.env.BENCH_RUNS}".`);
  process.exit(1);
}

const SCENARIOS = ['anonymisation', 'use-check', 'registration'];
const at = process.argv.indexOf('--scenario');
const scenario = at === -1 ? undefined : process.argv[at + 1];
if (at !== -1 && !SCENARIOS.includes(scenario ?? '')) {
  console.error(`bench: --scenario takes one of ${SCENARIOS.join(', ')}, not "${scenario ?? ''}".`);
  process.exit(1);
}
if (scenario === 'anonymisation') {
  if (records === 0) {
    console.error('bench: the anonymisation scenario needs records (BENCH_RECORDS of at least 1).');
    process.exit(1);
  }
  console.log(`\n${formatAnonymisationReport(runAnonymisationBench(records, (m) => console.error(m)))}`);
  process.exit(0);
}
if (scenario === 'registration') {
  if (records === 0) {
    console.error('bench: the registration scenario needs records (BENCH_RECORDS of at least 1).');
    process.exit(1);
  }
  try {
    const results = await runRegistrationScenario(records, resolve('.bench'), (m) => console.error(m));
    console.log(`\n${formatRegistrationReport(results)}`);
    process.exit(0);
  } catch (error) {
    console.error(`bench: ${(error as Error).stack ?? error}`);
    process.exit(1);
  }
}

/** A whole number of at least 1 from BENCH_<name>, or the default. */
function sizeFrom(name: string, fallback: number): number {
  const raw = process.env[`BENCH_${name}`];
  const value = Number(raw ?? fallback);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: BENCH_${name} must be a whole number of at least 1, not "${raw}".`);
    process.exit(1);
  }
  return value;
}

if (scenario === 'use-check') {
  const options: UseCheckOptions = {
    ...USE_CHECK_DEFAULTS,
    subjects: sizeFrom('USECHECK_SUBJECTS', USE_CHECK_DEFAULTS.subjects),
    calls: sizeFrom('USECHECK_CALLS', USE_CHECK_DEFAULTS.calls),
    concurrency: sizeFrom('USECHECK_CONCURRENCY', USE_CHECK_DEFAULTS.concurrency),
  };
  let emulator: Awaited<ReturnType<typeof startDynamoDbLocal>> | undefined;
  try {
    console.error('Starting DynamoDB Local ...');
    emulator = await startDynamoDbLocal(await freePort());
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_DYNAMODB: emulator.endpoint,
      AWS_REGION: process.env.AWS_REGION ?? 'ap-northeast-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    });
    Object.assign(process.env, await createTables(new DynamoDBClient({}), 'appi-desk-bench-usecheck-'));
    const result = await runUseCheckBench(options, (m) => console.error(m));
    console.log(`\n${formatUseCheckReport(result)}`);
    // Kept beside what the last full run wrote, under its own key.
    const outDir = resolve('.bench');
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'results.json');
    const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as object) : {};
    writeFileSync(
      file,
      `${JSON.stringify({ ...previous, useCheck: { at: new Date().toISOString(), ...result } }, null, 2)}\n`,
    );
    await emulator.stop();
    process.exit(0);
  } catch (error) {
    await emulator?.stop();
    console.error(`bench: ${(error as Error).stack ?? error}`);
    process.exit(1);
  }
}

try {
  const report = await runBench({ runs, records, outDir: resolve('.bench'), progress: (m) => console.error(m) });
  console.log(
    `\n${formatReport(report)}${report.data.length ? `\n\n${formatDataReport(report.data)}` : ''}${report.anonymisation.length ? `\n\n${formatAnonymisationReport(report.anonymisation)}` : ''}${report.registration.length ? `\n\n${formatRegistrationReport(report.registration)}` : ''}${report.useCheck ? `\n\n${formatUseCheckReport(report.useCheck)}` : ''}\n\nResults: .bench/results.json; esbuild's analysis per function: .bench/<function>/analysis.txt`,
  );
  // The SDK's keep-alive sockets would keep the process open.
  process.exit(0);
} catch (error) {
  console.error(
    `bench: ${error instanceof LocalStartError ? (error as Error).message : ((error as Error).stack ?? error)}`,
  );
  process.exit(1);
}
