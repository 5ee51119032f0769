// npm run bench -- --scenario registration: batch registration on DynamoDB Local against raw
// BatchWriteItem of the same items, in the same run, at the same concurrency:
//   desk: the batch use case as its handler wires it (the registry read once a call), 100 records a
//         call (10 subjects × 10 records, the system's own record ids)
//   raw:  BatchWriteItem, 25 items a call, no reads, no conditions
// Ratio = desk throughput / raw throughput (higher is better). The rounds alternate, so drift in the
// emulator hits both sides alike. BENCH_RECORDS sizes it (default 100,000).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoConsents } from '../functions/adapters/consent-repository';
import { secretIdentifierMac } from '../functions/adapters/identifier-mac';
import { dynamoPersonalData } from '../functions/adapters/personal-data-repository';
import { dynamoPurposeVersions } from '../functions/adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../functions/adapters/subject-repository';
import { dynamoSuppressions } from '../functions/adapters/suppression-repository';
import { cryptoSecrets, systemClock } from '../functions/adapters/system';
import { lookupKeyOf } from '../functions/domain/holdings';
import {
  type BatchEntry,
  MAX_RECORDS_PER_BATCH,
  registerPersonalDataBatch,
} from '../functions/domain/personal-data/register-personal-data-batch';
import { freePort, startDynamoDbLocal, useEmulators } from '../local/emulators';
import { localSecretEnv } from '../local/secrets';
import { createTables } from '../local/tables';
import { CONCURRENCY, inParallel, rawBatchWrite, timed } from './data';

/** The goal: batch registration at least half the throughput of raw BatchWriteItem. */
export const REGISTRATION_MIN_RATIO = 0.5;

const RAW_PER_CALL = 25;
const SUBJECTS_PER_BATCH = 10;
const ROUNDS = 10;

export interface RegistrationResult {
  name: string;
  records: number;
  deskMs: number;
  rawMs: number;
  /** Throughput desk/raw. */
  ratio: number;
  goal: number;
  verdict: 'PASS' | 'FALLS SHORT';
}

const SYSTEM = { principal: 'arn:aws:iam::000000000000:role/appi-desk-bench', sourceIp: '127.0.0.1' };
const PURPOSES = ['service-provision', 'information-and-inquiries', 'usage-analysis'];
const CATEGORIES = ['service-usage', 'access-history', 'inquiry', 'billing-history'] as const;

function entry(side: string, i: number, acquiredAt: string): Omit<BatchEntry, 'index'> {
  return {
    subjectId: `bench-${side}-${String(Math.floor(i / (MAX_RECORDS_PER_BATCH / SUBJECTS_PER_BATCH))).padStart(6, '0')}`,
    record: {
      recordId: `rec-${String(i).padStart(7, '0')}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      value: `Bench value ${i}: page /plans viewed from 198.51.100.${i % 250}`,
      source: 'service-use',
      sourceDetail: 'Bench load',
      purposes: PURPOSES,
      acquiredAt,
    },
  };
}

/** Needs the desk's tables created and the environment pointed at them. */
export async function runRegistrationBench(
  records: number,
  progress: (m: string) => void,
): Promise<RegistrationResult[]> {
  const acquiredAt = new Date().toISOString();
  const deps = {
    purposes: dynamoPurposeVersions,
    lifecycles: dynamoSubjectLifecycles,
    consents: dynamoConsents,
    records: dynamoPersonalData,
    suppressions: dynamoSuppressions,
    identifierMac: secretIdentifierMac,
    secrets: cryptoSecrets,
    clock: systemClock,
  };
  const batches = Math.ceil(records / MAX_RECORDS_PER_BATCH);
  const perRound = Math.ceil(batches / ROUNDS);
  let deskMs = 0;
  let rawMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const first = round * perRound;
    const count = Math.max(0, Math.min(perRound, batches - first));
    if (count === 0) break;
    progress(`registration: round ${round + 1} of ${ROUNDS} (batch registration, then raw BatchWriteItem) ...`);
    deskMs += await timed(() =>
      inParallel(count, async (b) => {
        const from = (first + b) * MAX_RECORDS_PER_BATCH;
        const to = Math.min(from + MAX_RECORDS_PER_BATCH, records);
        const entries = Array.from({ length: to - from }, (_, k) => ({
          index: k,
          ...entry('desk', from + k, acquiredAt),
        }));
        const answer = await registerPersonalDataBatch(deps, SYSTEM, entries);
        const refused = [...answer.values()].filter((r) => r.status !== 'registered');
        if (refused.length > 0) throw new Error(`batch ${first + b}: ${JSON.stringify(refused[0])}`);
      }),
    );
    const rawFrom = first * MAX_RECORDS_PER_BATCH;
    const rawTo = Math.min((first + count) * MAX_RECORDS_PER_BATCH, records);
    rawMs += await timed(() =>
      inParallel(Math.ceil((rawTo - rawFrom) / RAW_PER_CALL), async (c) => {
        const from = rawFrom + c * RAW_PER_CALL;
        const to = Math.min(from + RAW_PER_CALL, rawTo);
        await rawBatchWrite(
          Array.from({ length: to - from }, (_, k) => {
            const { subjectId, record } = entry('raw', from + k, acquiredAt);
            const item = { subjectId, ...record, registeredBy: SYSTEM.principal };
            return { PutRequest: { Item: { ...item, lookupKey: lookupKeyOf(item as never) } } };
          }),
        );
      }),
    );
  }
  const ratio = rawMs / deskMs;
  return [
    {
      name: `register ${records} records in batches of ${MAX_RECORDS_PER_BATCH}`,
      records,
      deskMs,
      rawMs,
      ratio,
      goal: REGISTRATION_MIN_RATIO,
      verdict: ratio >= REGISTRATION_MIN_RATIO ? 'PASS' : 'FALLS SHORT',
    },
  ];
}

/** The scenario on its own: DynamoDB Local started and stopped here, the figures added to results.json. */
export async function runRegistrationScenario(
  records: number,
  outDir: string,
  progress: (m: string) => void,
): Promise<RegistrationResult[]> {
  const emulator = await startDynamoDbLocal(await freePort());
  try {
    useEmulators(emulator.endpoint, 'http://127.0.0.1:1');
    Object.assign(process.env, localSecretEnv(), { AWS_REGION: 'ap-northeast-1' });
    Object.assign(process.env, await createTables(new DynamoDBClient({}), 'appi-desk-bench-registration-'));
    const results = await runRegistrationBench(records, progress);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, 'results.json');
    let report: Record<string, unknown> = {};
    try {
      report = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      // No earlier run: the file starts with this scenario.
    }
    writeFileSync(file, `${JSON.stringify({ ...report, registration: results }, null, 2)}\n`);
    return results;
  } finally {
    await emulator.stop();
  }
}

export function formatRegistrationReport(results: RegistrationResult[]): string {
  return [
    'Batch registration on DynamoDB Local against raw BatchWriteItem (25 items a call) of the same items, same run,',
    `${CONCURRENCY} calls in flight each side; ratio = batch throughput / raw throughput (higher is better).`,
    '',
    ...results.map(
      (r) =>
        `${r.name}: batch ${r.deskMs.toFixed(0)} ms, raw ${r.rawMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)} (goal >= ${r.goal}) ${r.verdict}`,
    ),
  ].join('\n');
}
