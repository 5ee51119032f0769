// npm run bench: cold start and bundle size of every function against the bare AWS SDK (bench/).
// `npm run bench -- --scenario anonymisation` runs only the anonymisation part (no emulators needed).
// `npm run bench -- --scenario use-check` runs only the use check under load (DynamoDB Local only;
// BENCH_USECHECK_SUBJECTS, BENCH_USECHECK_CALLS, BENCH_USECHECK_CONCURRENCY size it).
// `--scenario soak` drives the whole local desk for a few minutes (bench/soak.ts).
// `npm run bench -- --scenario cost` runs only the cost model (docs/cost-model.md; BENCH_COST_* size its samples).
// Exits 0 whether or not the targets are met: it is a measurement; only a failure to measure is an error.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { formatAnonymisationReport, runAnonymisationBench } from '../bench/anonymisation';
import { formatCostReport, runCostBench, saveCostReport } from '../bench/cost';
import { formatDataReport } from '../bench/data';
import { formatRegistrationReport, runRegistrationScenario } from '../bench/registration';
import { formatReport } from '../bench/report';
import { runBench } from '../bench/run';
import { formatSoakReport, runSoak, saveSoakReport } from '../bench/soak';
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

function needRecords(name: string) {
  if (records === 0) {
    console.error(`bench: the ${name} scenario needs records (BENCH_RECORDS of at least 1).`);
    process.exit(1);
  }
}

const progress = (m: string) => console.error(m);

/** The scenarios `--scenario <name>` runs alone: each answers what it prints. */
const SCENARIOS: Record<string, () => Promise<string>> = {
  anonymisation: async () => {
    needRecords('anonymisation');
    return formatAnonymisationReport(runAnonymisationBench(records, progress));
  },
  'use-check': () => useCheckScenario(),
  registration: async () => {
    needRecords('registration');
    return formatRegistrationReport(await runRegistrationScenario(records, resolve('.bench'), progress));
  },
  cost: async () => {
    const report = await runCostBench(progress);
    saveCostReport(report, resolve('.bench'));
    return `${formatCostReport(report)}\n\nResults: .bench/results.json (cost)`;
  },
  soak: async () => {
    const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 180);
    const rate = Number(process.env.BENCH_SOAK_RATE ?? 20);
    if (!(seconds >= 15 && seconds <= 3600) || !(rate > 0 && rate <= 200)) {
      console.error(
        `bench: BENCH_SOAK_SECONDS must be 15 to 3600 and BENCH_SOAK_RATE above 0 and at most 200, not "${process.env.BENCH_SOAK_SECONDS}" and "${process.env.BENCH_SOAK_RATE}".`,
      );
      process.exit(1);
    }
    const outDir = resolve('.bench');
    const report = await runSoak({ seconds, rate, outDir, progress });
    saveSoakReport(report, outDir);
    return `${formatSoakReport(report)}\n\nResults: .bench/results.json (soak); the desk's log: .bench/soak-desk.log`;
  },
};

/** The use check under concurrent load, on a DynamoDB Local of its own. */
async function useCheckScenario(): Promise<string> {
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
    return formatUseCheckReport(result);
  } catch (error) {
    await emulator?.stop();
    throw error;
  }
}

const at = process.argv.indexOf('--scenario');
const scenario = at === -1 ? undefined : process.argv[at + 1];
if (at !== -1) {
  const run = scenario === undefined ? undefined : SCENARIOS[scenario];
  if (!run) {
    console.error(`bench: --scenario takes one of ${Object.keys(SCENARIOS).join(', ')}, not "${scenario ?? ''}".`);
    process.exit(1);
  }
  try {
    console.log(`\n${await run()}`);
    // The SDK's keep-alive sockets would keep the process open.
    process.exit(0);
  } catch (error) {
    console.error(
      `bench: ${error instanceof LocalStartError ? (error as Error).message : ((error as Error).stack ?? error)}`,
    );
    process.exit(1);
  }
}

try {
  const report = await runBench({ runs, records, outDir: resolve('.bench'), progress: (m) => console.error(m) });
  console.log(
    `\n${formatReport(report)}${report.data.length ? `\n\n${formatDataReport(report.data)}` : ''}${report.anonymisation.length ? `\n\n${formatAnonymisationReport(report.anonymisation)}` : ''}${report.registration.length ? `\n\n${formatRegistrationReport(report.registration)}` : ''}${report.useCheck ? `\n\n${formatUseCheckReport(report.useCheck)}` : ''}${report.cost ? `\n\n${formatCostReport(report.cost)}` : ''}\n\nResults: .bench/results.json; esbuild's analysis per function: .bench/<function>/analysis.txt`,
  );
  // The SDK's keep-alive sockets would keep the process open.
  process.exit(0);
} catch (error) {
  console.error(
    `bench: ${error instanceof LocalStartError ? (error as Error).message : ((error as Error).stack ?? error)}`,
  );
  process.exit(1);
}
