// npm run bench, use-check part (npm run bench -- --scenario use-check runs it alone): the use check
// under concurrent load on DynamoDB Local, in the same process and run as its baseline:
//   desk   the check-use Lambda handler, called in-process with the API Gateway event the local
//          gateway builds (signature checked upstream, body validated, answer as JSON)
//   raw    the reads that answer the same check, done straight on the same client: a Query of the
//          subject's records of the category, a GetItem of their lifecycle and, for a consent-based
//          purpose, a Query of their consents, in parallel
//   before the handler as it was, reading the whole purpose registry with a consistent Scan per call
// Each side makes the same checks with the same number of callers at once; rounds alternate so drift
// in the emulator hits every side alike. Goal: the desk's p99 at most 1.3 × the raw reads' p99.
import { loadavg } from 'node:os';
import { BatchWriteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, notExpired, tableName } from '../functions/adapters/clients';
import { dynamoConsents } from '../functions/adapters/consent-repository';
import { logger } from '../functions/adapters/logger';
import { dynamoPersonalData } from '../functions/adapters/personal-data-repository';
import { dynamoPurposeVersions } from '../functions/adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../functions/adapters/subject-repository';
import { cryptoSecrets, systemClock } from '../functions/adapters/system';
import { dynamoUseExceptions } from '../functions/adapters/use-exception-repository';
import { lookupKeyOf, type StoredPersonalDataRecord } from '../functions/domain/holdings';
import { checkUse } from '../functions/domain/personal-data/check-use';
import { POLICY_PURPOSES, registryOf } from '../functions/domain/purposes/registry';
import { handler as deskHandler } from '../functions/handlers/check-use';
import { httpRoute } from '../functions/http/route-handler';
import { routeNamed } from '../functions/routes';
import { checkUse as checkUseRoute } from '../functions/routes/personal-data';
import { buildApiEvent } from '../local/api-event';

/** The issue's goal: the desk's p99 at most this many times the raw reads' p99. */
export const USE_CHECK_MAX_P99_RATIO = 1.3;

export interface UseCheckOptions {
  subjects: number;
  /** Checks per side, spread over the rounds. */
  calls: number;
  /** Callers in flight at once, on every side. */
  concurrency: number;
  rounds: number;
}

export const USE_CHECK_DEFAULTS: UseCheckOptions = { subjects: 1000, calls: 900, concurrency: 16, rounds: 3 };

export interface UseCheckSide {
  name: string;
  calls: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface UseCheckResult {
  options: UseCheckOptions;
  desk: UseCheckSide;
  raw: UseCheckSide;
  before: UseCheckSide;
  /** desk p99 / raw p99. */
  p99Ratio: number;
  /** Answers by reason: the mix the checks exercised. */
  reasons: Record<string, number>;
  /** 1-minute load average at the start and the end: a busy machine makes every side slower and noisier. */
  load: [number, number];
  target: { ratio: number; better: 'lower' };
}

const SYSTEM_PRINCIPAL = 'arn:aws:iam::000000000000:role/appi-desk-business-systems';
const CATEGORIES = ['email', 'phone', 'address', 'service-usage'] as const;
/** Purposes a record is registered for; the checks also ask for one it is not (usage-analysis). */
const RECORD_PURPOSES = [
  ['service-provision', 'important-notices'],
  ['service-provision', 'billing'],
  ['information-and-inquiries', 'advertising'],
  ['service-provision', 'service-improvement'],
] as const;
const CHECKED_PURPOSES = ['service-provision', 'billing', 'advertising', 'usage-analysis', 'important-notices'];
const REGISTRY = registryOf(POLICY_PURPOSES);
const ACQUIRED_AT = '2026-06-01T00:00:00.000Z';

/** mulberry32: the same checks on every side and every run. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const subjectId = (i: number) => `bench-subject-${String(i).padStart(6, '0')}`;

async function batchWrite(table: string, items: object[]): Promise<void> {
  for (let from = 0; from < items.length; from += 25) {
    let pending: object[] = items.slice(from, from + 25).map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const { UnprocessedItems } = await dynamo().send(
        new BatchWriteCommand({ RequestItems: { [table]: pending as never } }),
      );
      pending = (UnprocessedItems?.[table] ?? []) as object[];
    }
  }
}

/** Runs `count` tasks, at most `concurrency` at once. */
async function inParallel(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/**
 * Every subject: one record per category, with the purposes of its row; a lifecycle with recent
 * activity; a consent to advertising (withdrawn for one in ten); one in fifty asked to stop.
 */
async function seed(subjects: number, progress: (m: string) => void): Promise<void> {
  progress(`Use check: writing ${subjects} subjects, ${subjects * CATEGORIES.length} records ...`);
  const records: StoredPersonalDataRecord[] = [];
  const lifecycles: object[] = [];
  const consents: object[] = [];
  for (let i = 0; i < subjects; i += 1) {
    const id = subjectId(i);
    CATEGORIES.forEach((category, c) => {
      const record = {
        subjectId: id,
        recordId: `rec-${c}`,
        category,
        value: `Bench value ${i}/${c}`,
        source: 'service-use',
        purposes: [...RECORD_PURPOSES[c]!],
        acquiredAt: ACQUIRED_AT,
        registeredBy: SYSTEM_PRINCIPAL,
      };
      records.push({ ...record, lookupKey: lookupKeyOf(record) } as StoredPersonalDataRecord);
    });
    lifecycles.push({
      subjectId: id,
      lastActivityAt: '2026-11-01T00:00:00.000Z',
      ...(i % 50 === 7 ? { cessationOfUse: { requestId: `REQ-bench-${i}`, at: '2026-11-15T00:00:00.000Z' } } : {}),
    });
    consents.push({
      subjectId: id,
      eventId: 'c1',
      action: 'given',
      purpose: 'advertising',
      noticeVersion: '2026-04-01',
      method: 'web-button',
      at: '2026-06-01T00:00:00.000Z',
    });
    if (i % 10 === 3)
      consents.push({ ...consents.at(-1)!, eventId: 'c2', action: 'withdrawn', at: '2026-09-01T00:00:00.000Z' });
  }
  const chunk = (items: object[], table: string) =>
    Array.from(
      { length: Math.ceil(items.length / 250) },
      (_, k) => () => batchWrite(table, items.slice(k * 250, k * 250 + 250)),
    );
  const writes = [
    ...chunk(records, tableName('personal-data')),
    ...chunk(lifecycles, tableName('subjects')),
    ...chunk(consents, tableName('consents')),
  ];
  await inParallel(writes.length, 8, (k) => writes[k]!());
}

interface Check {
  subjectId: string;
  category: string;
  purpose: string;
}

function checksFor(options: UseCheckOptions): Check[] {
  const next = random(20261207);
  return Array.from({ length: options.calls }, () => ({
    subjectId: subjectId(Math.floor(next() * options.subjects)),
    category: CATEGORIES[Math.floor(next() * CATEGORIES.length)]!,
    purpose: CHECKED_PURPOSES[Math.floor(next() * CHECKED_PURPOSES.length)]!,
  }));
}

const ROUTE = routeNamed('check-use');
const CONTEXT = { awsRequestId: 'bench', functionName: 'check-use', getRemainingTimeInMillis: () => 29_000 };

type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;

function viaHandler(handler: Handler, reasons?: Record<string, number>) {
  return async (check: Check) => {
    const event = buildApiEvent({
      method: ROUTE.method,
      path: ROUTE.path,
      resource: ROUTE.path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(check),
      principal: SYSTEM_PRINCIPAL,
    });
    const result = await handler(event, CONTEXT);
    if (result.statusCode !== 200) throw new Error(`check-use answered ${result.statusCode}: ${result.body}`);
    if (reasons) {
      const { reason } = JSON.parse(result.body) as { reason: string };
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
  };
}

/** The reads that answer a check, straight on the client the desk uses. */
async function rawReads(check: Check): Promise<void> {
  const now = new Date();
  const live = notExpired(now);
  await Promise.all([
    dynamo().send(
      new QueryCommand({
        TableName: tableName('personal-data'),
        KeyConditionExpression: 'subjectId = :subject',
        FilterExpression: `#category = :category AND (${live.FilterExpression})`,
        ProjectionExpression: 'recordId, purposes',
        ExpressionAttributeNames: { '#category': 'category' },
        ExpressionAttributeValues: {
          ...live.ExpressionAttributeValues,
          ':subject': check.subjectId,
          ':category': check.category,
        },
      }),
    ),
    dynamo().send(
      new GetCommand({ TableName: tableName('subjects'), Key: { subjectId: check.subjectId }, ConsistentRead: true }),
    ),
    ...(REGISTRY.get(check.purpose)?.basis === 'consent'
      ? [
          dynamo().send(
            new QueryCommand({
              TableName: tableName('consents'),
              KeyConditionExpression: 'subjectId = :subject',
              FilterExpression: live.FilterExpression,
              ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': check.subjectId },
              ConsistentRead: true,
            }),
          ),
        ]
      : []),
  ]);
}

/** The handler as it was before the registry was kept per container: a consistent Scan per call. */
const beforeHandler = httpRoute(checkUseRoute, async ({ body, actor }) => ({
  body: await checkUse(
    {
      records: dynamoPersonalData,
      lifecycles: dynamoSubjectLifecycles,
      purposes: dynamoPurposeVersions,
      consents: dynamoConsents,
      exceptions: dynamoUseExceptions,
      secrets: cryptoSecrets,
      clock: systemClock,
    },
    actor,
    body,
  ),
})) as unknown as Handler;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

interface Tally {
  latencies: number[];
  wallMs: number;
}

async function round(checks: Check[], concurrency: number, run: (c: Check) => Promise<void>, tally: Tally) {
  const started = performance.now();
  await inParallel(checks.length, concurrency, async (i) => {
    const t = performance.now();
    await run(checks[i]!);
    tally.latencies.push(performance.now() - t);
  });
  tally.wallMs += performance.now() - started;
}

function side(name: string, tally: Tally): UseCheckSide {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return {
    name,
    calls: sorted.length,
    perSecond: (sorted.length / tally.wallMs) * 1000,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
  };
}

/** Runs against the tables the environment names (created empty by the caller). */
export async function runUseCheckBench(
  options: UseCheckOptions,
  progress: (m: string) => void,
): Promise<UseCheckResult> {
  // As the rest of the bench runs the functions: a line per answer to the terminal is not what Lambda's
  // log delivery costs, and would time the terminal.
  logger.setLogLevel('WARN');
  const loadAtStart = loadavg()[0]!;
  await seed(options.subjects, progress);
  const checks = checksFor(options);
  const reasons: Record<string, number> = {};
  const sides = {
    desk: viaHandler(deskHandler as unknown as Handler, reasons),
    raw: rawReads,
    before: viaHandler(beforeHandler),
  };
  // Warm-up: the JIT, the SDK's sockets and DynamoDB Local's JVM, for every side alike.
  progress('Use check: warm-up ...');
  const warm = checks.slice(0, Math.min(checks.length, 200));
  for (const run of Object.values(sides)) await round(warm, options.concurrency, run, { latencies: [], wallMs: 0 });
  for (const reason of Object.keys(reasons)) delete reasons[reason];

  const tallies: Record<keyof typeof sides, Tally> = {
    desk: { latencies: [], wallMs: 0 },
    raw: { latencies: [], wallMs: 0 },
    before: { latencies: [], wallMs: 0 },
  };
  const per = Math.ceil(checks.length / options.rounds);
  for (let r = 0; r < options.rounds; r += 1) {
    const slice = checks.slice(r * per, (r + 1) * per);
    progress(
      `Use check: round ${r + 1} of ${options.rounds}, ${slice.length} checks a side, ${options.concurrency} callers ...`,
    );
    // The order turns each round, so no side always follows the same one.
    const order = (['desk', 'raw', 'before'] as const).map((_, k, all) => all[(k + r) % all.length]!);
    for (const name of order) await round(slice, options.concurrency, sides[name], tallies[name]);
  }
  const desk = side('use check (handler, registry kept per container)', tallies.desk);
  const raw = side('raw reads (Query records, GetItem lifecycle, Query consents)', tallies.raw);
  const before = side('use check, registry Scan per call (as before)', tallies.before);
  return {
    options,
    desk,
    raw,
    before,
    p99Ratio: desk.p99Ms / raw.p99Ms,
    reasons,
    load: [loadAtStart, loadavg()[0]!],
    target: { ratio: USE_CHECK_MAX_P99_RATIO, better: 'lower' },
  };
}

export const useCheckVerdict = (r: UseCheckResult) => (r.p99Ratio <= r.target.ratio ? 'PASS' : 'FALLS SHORT');

export function formatUseCheckReport(r: UseCheckResult): string {
  const header = ['path', 'calls', 'checks/s', 'p50 ms', 'p99 ms'];
  const rows = [r.desk, r.raw, r.before].map((s) => [
    s.name,
    String(s.calls),
    s.perSecond.toFixed(0),
    s.p50Ms.toFixed(1),
    s.p99Ms.toFixed(1),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const { subjects, concurrency, rounds } = r.options;
  return [
    `Use check under load on DynamoDB Local: ${subjects} subjects, ${concurrency} callers at once, ${rounds} alternating rounds, against the raw reads in the same run.`,
    `Machine load (1-min average) ${r.load[0].toFixed(1)} at start, ${r.load[1].toFixed(1)} at end: times are noisy on a busy machine, the ratio less so.`,
    `Answers: ${Object.entries(r.reasons)
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ')}.`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `p99 desk / raw: ${r.p99Ratio.toFixed(2)} (goal <= ${r.target.ratio})  ${useCheckVerdict(r)}`,
    `p99 as before / raw: ${(r.before.p99Ms / r.raw.p99Ms).toFixed(2)} (the registry Scan per call the cache replaces)`,
  ].join('\n');
}
