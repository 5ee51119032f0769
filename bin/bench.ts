// npm run bench: cold start and bundle size of every function against the bare AWS SDK (bench/).
// `npm run bench -- --scenario anonymisation` runs only the anonymisation part (no emulators needed).
// Exits 0 whether or not the targets are met: it is a measurement; only a failure to measure is an error.
import { resolve } from 'node:path';
import { formatAnonymisationReport, runAnonymisationBench } from '../bench/anonymisation';
import { formatDataReport } from '../bench/data';
import { formatRegistrationReport, runRegistrationScenario } from '../bench/registration';
import { formatReport } from '../bench/report';
import { runBench } from '../bench/run';
import { LocalStartError } from '../local/emulators';

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

const SCENARIOS = ['anonymisation', 'registration'];
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

try {
  const report = await runBench({ runs, records, outDir: resolve('.bench'), progress: (m) => console.error(m) });
  console.log(
    `\n${formatReport(report)}${report.data.length ? `\n\n${formatDataReport(report.data)}` : ''}${report.anonymisation.length ? `\n\n${formatAnonymisationReport(report.anonymisation)}` : ''}${report.registration.length ? `\n\n${formatRegistrationReport(report.registration)}` : ''}\n\nResults: .bench/results.json; esbuild's analysis per function: .bench/<function>/analysis.txt`,
  );
  // The SDK's keep-alive sockets would keep the process open.
  process.exit(0);
} catch (error) {
  console.error(
    `bench: ${error instanceof LocalStartError ? (error as Error).message : ((error as Error).stack ?? error)}`,
  );
  process.exit(1);
}
