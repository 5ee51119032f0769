// npm run bench, data part: the registry's bulk paths on DynamoDB Local, each timed against the raw
// DynamoDB calls that do the same work, in the same run and on the same emulator:
//   register N records        desk: registration use case, 25 records a call   raw: BatchWriteItem, 25 a call
//   dossier of 10,000 records desk: holdings read + compiled dossier           raw: paginated Query of the partition
//   erase N records           desk: eraseSubject (find, delete, verify)         raw: BatchWriteItem deletes of known keys
// Throughput ratios are desk/raw (higher is better); the dossier ratio is desk time/raw time (lower is better).
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../functions/adapters/clients';
import { dynamoConsents } from '../functions/adapters/consent-repository';
import { personalDataErasure } from '../functions/adapters/erasure-repository';
import { dynamoErasureEvidence } from '../functions/adapters/evidence-repository';
import { dynamoHoldingsReader } from '../functions/adapters/holdings-repository';
import { secretIdentifierMac } from '../functions/adapters/identifier-mac';
import { dynamoPersonalData } from '../functions/adapters/personal-data-repository';
import { dynamoPurposeVersions } from '../functions/adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../functions/adapters/subject-repository';
import { dynamoSuppressions } from '../functions/adapters/suppression-repository';
import { cryptoSecrets, systemClock } from '../functions/adapters/system';
import { eraseSubject } from '../functions/domain/erasure/erase-subject';
import { lookupKeyOf, type StoredPersonalDataRecord } from '../functions/domain/holdings';
import {
  type RecordRegistration,
  registerPersonalData,
} from '../functions/domain/personal-data/register-personal-data';
import { registryOf } from '../functions/domain/purposes/registry';
import type { DeskRequest } from '../functions/domain/requests/request';
import { compileDossier } from '../functions/domain/requests/types/disclosure/disclosure-dossier';

/** The targets. */
export const DOSSIER_MAX_RATIO = 1.5;
export const ERASE_MIN_RATIO = 0.8;

/** Calls in flight at once, for the desk and for the raw baseline alike. */
export const CONCURRENCY = 8;
const PER_CALL = 25;
const DOSSIER_RECORDS = 10_000;
const DOSSIER_RUNS = 9;

export interface DataResult {
  name: string;
  items: number;
  deskMs: number;
  rawMs: number;
  /** Throughput desk/raw for register and erase; time desk/raw for the dossier. */
  ratio: number;
  target?: { ratio: number; better: 'higher' | 'lower' };
}

const SYSTEM = { principal: 'arn:aws:iam::000000000000:role/appi-desk-bench', sourceIp: '127.0.0.1' };
const PURPOSES = ['service-provision', 'information-and-inquiries', 'usage-analysis'];
const CATEGORIES = ['service-usage', 'access-history', 'inquiry', 'billing-history'] as const;

function registration(i: number, acquiredAt: string): RecordRegistration {
  return {
    recordId: `rec-${String(i).padStart(6, '0')}`,
    category: CATEGORIES[i % CATEGORIES.length]!,
    value: `Bench value ${i}: page /plans viewed from 198.51.100.${i % 250}`,
    source: 'service-use',
    sourceDetail: 'Bench load',
    purposes: PURPOSES,
    acquiredAt,
  };
}

function storedRecord(subjectId: string, i: number, acquiredAt: string): StoredPersonalDataRecord {
  const record = {
    subjectId,
    ...registration(i, acquiredAt),
    recordId: `rec-${String(i).padStart(6, '0')}`,
    registeredBy: SYSTEM.principal,
  };
  return { ...record, lookupKey: lookupKeyOf(record) };
}

/** Runs `count` tasks, at most CONCURRENCY at once. */
export async function inParallel(count: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

export async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function rawBatchWrite(requests: object[]): Promise<void> {
  const table = tableName('personal-data');
  let pending = requests;
  while (pending.length > 0) {
    const { UnprocessedItems } = await dynamo().send(
      new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
    );
    pending = (UnprocessedItems?.[table] ?? []) as object[];
  }
}

/** Writes `subjects` × `perSubject` records with raw batches; returns the time it took. */
function rawPut(subjects: string[], perSubject: number, acquiredAt: string): Promise<number> {
  const calls = subjects.flatMap((subjectId) =>
    Array.from({ length: Math.ceil(perSubject / PER_CALL) }, (_, c) => ({ subjectId, from: c * PER_CALL })),
  );
  return timed(() =>
    inParallel(calls.length, async (i) => {
      const { subjectId, from } = calls[i]!;
      const to = Math.min(from + PER_CALL, perSubject);
      await rawBatchWrite(
        Array.from({ length: to - from }, (_, k) => ({
          PutRequest: { Item: storedRecord(subjectId, from + k, acquiredAt) },
        })),
      );
    }),
  );
}

const subjectsFor = (prefix: string, records: number, perSubject: number) =>
  Array.from({ length: Math.ceil(records / perSubject) }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);

/** Rounds the register and erase scenarios alternate in, so drift in the emulator hits both sides alike. */
const ROUNDS = 10;

async function benchRegister(records: number, progress: (m: string) => void): Promise<DataResult> {
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
  const batch = Array.from({ length: PER_CALL }, (_, k) => registration(k, acquiredAt));
  const deskSubjects = subjectsFor('bench-register-desk', records, PER_CALL);
  const rawSubjects = subjectsFor('bench-register-raw', records, PER_CALL);
  const perRound = Math.ceil(deskSubjects.length / ROUNDS);
  let deskMs = 0;
  let rawMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    progress(`register: round ${round + 1} of ${ROUNDS} (desk, then raw BatchWriteItem) ...`);
    const desk = deskSubjects.slice(round * perRound, (round + 1) * perRound);
    deskMs += await timed(() =>
      inParallel(desk.length, async (i) => {
        await registerPersonalData(deps, SYSTEM, desk[i]!, batch);
      }),
    );
    rawMs += await rawPut(rawSubjects.slice(round * perRound, (round + 1) * perRound), PER_CALL, acquiredAt);
  }
  return { name: `register ${records} records`, items: records, deskMs, rawMs, ratio: rawMs / deskMs };
}

async function benchDossier(progress: (m: string) => void): Promise<DataResult> {
  const subjectId = 'bench-dossier-subject';
  const email = 'bench.dossier@example.jp';
  const acquiredAt = new Date().toISOString();
  progress(`dossier: loading a subject with ${DOSSIER_RECORDS} records ...`);
  await rawPut([subjectId], DOSSIER_RECORDS - 1, acquiredAt);
  const identifier = {
    subjectId,
    recordId: 'rec-email',
    category: 'email',
    value: email,
    source: 'from-customer' as const,
    purposes: PURPOSES,
    acquiredAt,
  };
  await rawBatchWrite([{ PutRequest: { Item: { ...identifier, lookupKey: lookupKeyOf(identifier) } } }]);
  const request = { requestId: 'bench-dossier', language: 'ja', subject: { email } } as DeskRequest;

  const desk = async () => {
    const now = new Date();
    const [holdings, versions] = await Promise.all([
      dynamoHoldingsReader.holdingsOf(email, now),
      dynamoPurposeVersions.versions(),
    ]);
    const dossier = compileDossier(request, holdings, registryOf(versions), now);
    if (dossier.records?.length !== DOSSIER_RECORDS)
      throw new Error(`dossier holds ${dossier.records?.length} records, not ${DOSSIER_RECORDS}`);
  };
  const raw = async () => {
    let read = 0;
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName('personal-data'),
          KeyConditionExpression: 'subjectId = :s',
          ExpressionAttributeValues: { ':s': subjectId },
          ExclusiveStartKey,
        }),
      );
      read += page.Items?.length ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    if (read !== DOSSIER_RECORDS) throw new Error(`raw query read ${read} records, not ${DOSSIER_RECORDS}`);
  };
  await desk();
  await raw();
  // Alternating runs: drift in the emulator hits both alike. Medians of each.
  const deskRuns: number[] = [];
  const rawRuns: number[] = [];
  for (let run = 0; run < DOSSIER_RUNS; run++) {
    progress(`dossier: run ${run + 1} of ${DOSSIER_RUNS} ...`);
    deskRuns.push(await timed(desk));
    rawRuns.push(await timed(raw));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const deskMs = median(deskRuns);
  const rawMs = median(rawRuns);
  return {
    name: `dossier of ${DOSSIER_RECORDS} records`,
    items: DOSSIER_RECORDS,
    deskMs,
    rawMs,
    ratio: deskMs / rawMs,
    target: { ratio: DOSSIER_MAX_RATIO, better: 'lower' },
  };
}

async function benchErase(records: number, progress: (m: string) => void): Promise<DataResult> {
  const perSubject = Math.min(10_000, records);
  const acquiredAt = new Date().toISOString();
  const deskSubjects = subjectsFor('bench-erase-desk', records, perSubject);
  const rawSubjects = subjectsFor('bench-erase-raw', records, perSubject);
  progress(`erase: loading ${2 * records} records ...`);
  await rawPut([...deskSubjects, ...rawSubjects], perSubject, acquiredAt);

  const deps = {
    records: personalDataErasure({ concurrency: CONCURRENCY }),
    evidence: dynamoErasureEvidence,
    clock: systemClock,
    secrets: cryptoSecrets,
  };
  let deskMs = 0;
  let rawMs = 0;
  // One subject at a time each way, alternating: the desk erases a subject it must first find the
  // records of; the raw side deletes keys it is handed.
  for (let s = 0; s < deskSubjects.length; s++) {
    progress(`erase: subject ${s + 1} of ${deskSubjects.length} (eraseSubject, then raw BatchWriteItem deletes) ...`);
    const subjectId = deskSubjects[s]!;
    deskMs += await timed(async () => {
      const certificate = await eraseSubject(deps, { subjectId, requestId: `bench-${subjectId}` });
      if (certificate.verification.remaining !== 0)
        throw new Error(`${subjectId}: ${certificate.verification.remaining} records remain`);
    });
    const keys = Array.from({ length: perSubject }, (_, i) => ({
      subjectId: rawSubjects[s]!,
      recordId: `rec-${String(i).padStart(6, '0')}`,
    }));
    rawMs += await timed(() =>
      inParallel(Math.ceil(keys.length / PER_CALL), async (c) => {
        await rawBatchWrite(keys.slice(c * PER_CALL, (c + 1) * PER_CALL).map((Key) => ({ DeleteRequest: { Key } })));
      }),
    );
  }
  return {
    name: `erase ${records} records`,
    items: records,
    deskMs,
    rawMs,
    ratio: rawMs / deskMs,
    target: { ratio: ERASE_MIN_RATIO, better: 'higher' },
  };
}

/** Needs the desk's tables created and the environment pointed at them. */
export async function runDataBench(records: number, progress: (m: string) => void): Promise<DataResult[]> {
  return [await benchRegister(records, progress), await benchDossier(progress), await benchErase(records, progress)];
}

export function dataVerdict(r: DataResult): string {
  if (!r.target) return '(measured)';
  const ok = r.target.better === 'higher' ? r.ratio >= r.target.ratio : r.ratio <= r.target.ratio;
  return ok ? 'PASS' : 'MISS';
}

export function formatDataReport(results: DataResult[]): string {
  const header = ['scenario', 'desk ms', 'raw ms', 'ratio', 'target', 'verdict'];
  const rows = results.map((r) => [
    r.name,
    r.deskMs.toFixed(0),
    r.rawMs.toFixed(0),
    r.ratio.toFixed(2),
    r.target ? `${r.target.better === 'higher' ? '>=' : '<='} ${r.target.ratio}` : '-',
    dataVerdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    'Data paths on DynamoDB Local, each against raw DynamoDB calls doing the same work in the same run.',
    'register and erase: ratio = desk throughput / raw throughput (higher is better); dossier: desk time / raw time (lower is better).',
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
