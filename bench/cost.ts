// npm run bench -- --scenario cost: what the desk costs to run on AWS, from what its handlers use on
// the emulators (DynamoDB Local, the SES emulator, the S3 emulator), priced from bench/cost/prices.ts:
//   1,000 requests handled end to end      a sample of BENCH_COST_REQUESTS disclosure requests, scaled
//   1,000,000 use checks                    a sample of BENCH_COST_CHECKS, against a one-GetItem design
//   1,000,000 registrations                 a sample of BENCH_COST_REGISTRATIONS single-record calls
//   the stack's fixed monthly cost          counted from the synthesised templates, schedules measured
// The handlers run in-process through their public entry points (the Lambda handler of each route
// and worker, the stream workers fed by the local stream poller), so the figures follow the code.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { s3 } from '../functions/adapters/audit-bucket';
import { dynamo, tableName } from '../functions/adapters/clients';
import { type RouteName, routeNamed } from '../functions/routes';
import { scheduleMinutes, WORKERS } from '../functions/workers';
import { buildApiEvent } from '../local/api-event';
import { createBuckets } from '../local/buckets';
import { type RunningEmulator, useEmulators } from '../local/emulators';
import { loadHandler } from '../local/handlers';
import { localSecretEnv } from '../local/secrets';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../local/seed';
import { type StreamHandler, StreamPoller } from '../local/stream-poller';
import { createTables, physicalTableName } from '../local/tables';
import { Meter } from './cost/meter';
import { type Cost, costOf, fixedMonthlyCost, HOURS_PER_MONTH, scaleUsage, type Usage } from './cost/model';
import { PRICE_REGION, PRICES, PRICES_READ_ON } from './cost/prices';
import { synthesisedCosts } from './cost/stack';
import { startEmulators } from './emulators';
import { BENCH_TOKEN_ISSUER } from './requests';

/** The issue's goals. */
export const MAX_USD_PER_1000_REQUESTS = 0.05;
export const MAX_USE_CHECK_RATIO = 1.5;

export interface CostResult {
  name: string;
  /** How many were run, and how many the figure is for. */
  sample: number;
  scaledTo: number;
  usd: number;
  lines: Cost['lines'];
  /** What the sample used, per one item (one request, one check, one record; one month for the fixed cost). */
  perItem: Usage;
  target?: { usd?: number; ratio?: number; baselineUsd?: number };
  verdict: 'PASS' | 'FALLS SHORT' | '(no goal)';
}

export interface CostReport {
  at: string;
  region: string;
  pricesReadOn: string;
  /** Item-level DynamoDB calls that came back without ConsumedCapacity (0 when the capacity figures are whole). */
  unreportedCapacity: number;
  results: CostResult[];
}

const SIZES = {
  requests: Number(process.env.BENCH_COST_REQUESTS ?? 20),
  checks: Number(process.env.BENCH_COST_CHECKS ?? 200),
  registrations: Number(process.env.BENCH_COST_REGISTRATIONS ?? 200),
};
const REGION = 'ap-northeast-1';
const OPERATOR = {
  'cognito:username': 'operator',
  'cognito:groups': 'operator',
  iss: BENCH_TOKEN_ISSUER,
  token_use: 'id',
};
const BUSINESS_SYSTEM = 'arn:aws:iam::000000000000:role/appi-desk-business-systems';
const json = { 'content-type': 'application/json' };

function api(name: RouteName, input: Omit<Parameters<typeof buildApiEvent>[0], 'method' | 'resource' | 'path'>) {
  const route = routeNamed(name);
  const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => input.pathParameters?.[key] ?? '');
  return buildApiEvent({ ...input, method: route.method, resource: route.path, path });
}

type ApiHandler = (event: unknown) => Promise<{ statusCode: number; body: string }>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function costVerdict(usd: number, goal: number): 'PASS' | 'FALLS SHORT' {
  return usd <= goal ? 'PASS' : 'FALLS SHORT';
}

/** Emulators already running (the whole bench's); the scenario starts its own when none are given. */
export interface CostEmulators {
  dynamo: string;
  ses: string;
  s3: string;
}

export async function runCostBench(progress: (m: string) => void, given?: CostEmulators): Promise<CostReport> {
  for (const [name, n] of Object.entries(SIZES))
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`BENCH_COST_${name.toUpperCase()} must be a whole number of at least 1`);
  progress('Cost: synthesising the stack (no bundling) to count its resources and read each function’s memory ...');
  const { inventory, memoryMb } = synthesisedCosts();
  const memory = (name: string) => {
    const mb = memoryMb.get(name);
    if (mb === undefined) throw new Error(`No function named ${name} in the synthesised stack`);
    return mb;
  };

  if (!given) progress('Cost: starting DynamoDB Local, the SES emulator and the S3 emulator ...');
  const emulators = given ? [] : await startEmulators();
  const meter = new Meter();
  let poller: StreamPoller | undefined;
  try {
    const [dynamoEmu, sesEmu, s3Emu] = emulators as [RunningEmulator, RunningEmulator, RunningEmulator];
    const endpoints = given ?? { dynamo: dynamoEmu.endpoint, ses: sesEmu.endpoint, s3: s3Emu.endpoint };
    useEmulators(endpoints.dynamo, endpoints.ses, endpoints.s3);
    const prefix = 'appi-desk-cost-';
    const admin = new DynamoDBClient({ region: REGION });
    Object.assign(process.env, await createTables(admin, prefix));
    admin.destroy();
    Object.assign(process.env, await createBuckets(s3(), prefix), {
      AWS_REGION: REGION,
      DESK_SENDER_EMAIL: 'privacy-desk@example.jp',
      DESK_OFFICER_EMAIL: 'officer@desk.example.jp',
      DESK_PUBLIC_BASE_URL: 'https://desk.example.jp',
      DESK_STAFF_TOKEN_ISSUER: BENCH_TOKEN_ISSUER,
      // As deployed (lib/functions.ts): the log volume is part of the cost.
      POWERTOOLS_LOG_LEVEL: 'INFO',
      ...localSecretEnv(),
    });
    await seedDemoStaff('bench');
    await seedDemoCustomer();
    // The bench's own reads (codes and links from the outbox) go through a client of its own: unmetered.
    const own = DynamoDBDocumentClient.from(new DynamoDBClient({ region: REGION }));

    const route = async (name: RouteName) =>
      meter.timed(await loadHandler<ApiHandler>(name), memory(name), true) as (
        event: unknown,
      ) => ReturnType<ApiHandler>;
    let lastStreamWork = Date.now();
    const subscriptions = await Promise.all(
      WORKERS.filter((w) => w.source.kind === 'stream').map(async (w) => {
        const timed = meter.timed(await loadHandler<StreamHandler>(w.name), memory(w.name), false);
        return {
          tableName: physicalTableName(prefix, (w.source as { table: Parameters<typeof physicalTableName>[1] }).table),
          handler: async (event: Parameters<StreamHandler>[0]) => {
            lastStreamWork = Date.now();
            try {
              return await timed(event);
            } finally {
              lastStreamWork = Date.now();
            }
          },
        };
      }),
    );
    meter.attach();
    meter.say(`Cost: seeded; the handlers' log lines are counted, not shown, from here.`);
    poller = new StreamPoller(subscriptions, 100, (m) => meter.say(m), 100);
    poller.start();
    /** Until the stream workers have had nothing to do for a while: every e-mail sent, every stream consumed. */
    const drain = async () => {
      const from = Date.now();
      while (Date.now() - lastStreamWork < 1_500 || Date.now() - from < 1_500) await sleep(100);
    };

    const submit = await route('submit-request');
    const verify = await route('verify-request');
    const status = await route('get-request-status');
    const view = await route('view-request');
    const decide = await route('decide-request');
    const dossier = await route('get-disclosure');
    const checkUse = await route('check-use');
    const register = await route('register-personal-data');

    const outboxAbout = async (requestId: string) => {
      const items: Record<string, unknown>[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await own.send(
          new ScanCommand({ TableName: tableName('outbox'), ConsistentRead: true, ExclusiveStartKey }),
        );
        items.push(...(page.Items ?? []));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return items.filter((m) => String(m.text ?? '').includes(requestId));
    };
    const expect = (what: string, got: { statusCode: number; body: string }, status: number) => {
      if (got.statusCode !== status)
        throw new Error(`${what} answered ${got.statusCode}, not ${status}: ${got.body.slice(0, 300)}`);
      return JSON.parse(got.body) as Record<string, unknown>;
    };

    /** One disclosure request as a person and an operator handle it. */
    const oneRequest = async () => {
      const submitted = expect(
        'submit',
        await submit(
          api('submit-request', {
            headers: json,
            body: JSON.stringify({
              type: 'disclosure',
              requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
              subject: { email: DEMO_CUSTOMER.email },
              language: 'ja',
            }),
          }),
        ),
        202,
      );
      const requestId = String(submitted.requestId);
      const codeMessage = (await outboxAbout(requestId)).find((m) => m.topic === 'verification-code');
      const code = /(\d{6})/.exec(String(codeMessage?.subject ?? ''))?.[1];
      if (!code) throw new Error(`No verification code in the outbox for ${requestId}`);
      const verified = expect(
        'verify',
        await verify(
          api('verify-request', { pathParameters: { requestId }, headers: json, body: JSON.stringify({ code }) }),
        ),
        200,
      );
      expect(
        'status',
        await status(
          api('get-request-status', {
            pathParameters: { requestId },
            headers: { authorization: `Bearer ${verified.statusToken}` },
          }),
        ),
        200,
      );
      expect('view', await view(api('view-request', { pathParameters: { requestId }, claims: OPERATOR })), 200);
      expect(
        'decide',
        await decide(
          api('decide-request', {
            pathParameters: { requestId },
            headers: json,
            body: JSON.stringify({ outcome: 'fulfilled' }),
            claims: OPERATOR,
          }),
        ),
        200,
      );
      const link = (await outboxAbout(requestId))
        .map((m) => /\/v1\/disclosures\/([A-Za-z0-9_-]+)/.exec(String(m.text))?.[1])
        .find(Boolean);
      if (!link) throw new Error(`No disclosure link in the outbox for ${requestId}`);
      expect('dossier', await dossier(api('get-disclosure', { pathParameters: { token: link } })), 200);
    };
    const checkEvent = () =>
      api('check-use', {
        headers: json,
        body: JSON.stringify({ subjectId: DEMO_CUSTOMER.subjectId, category: 'email', purpose: 'service-provision' }),
        principal: BUSINESS_SYSTEM,
      });
    const registerEvent = (i: number) =>
      api('register-personal-data', {
        headers: json,
        body: JSON.stringify({
          subjectId: `cost-subject-${i}-${randomUUID().slice(0, 6)}`,
          records: [
            {
              category: 'service-usage',
              value: `Plan page viewed (${i})`,
              source: 'service-use',
              purposes: ['usage-analysis'],
              acquiredAt: '2026-11-01T00:00:00.000Z',
            },
          ],
        }),
        principal: BUSINESS_SYSTEM,
      });

    // Warm every path once, as a warm container would be, then count from zero.
    progress('Cost: warming the paths ...');
    await oneRequest();
    expect('check', await checkUse(checkEvent()), 200);
    expect('register', await register(registerEvent(-1)), 201);
    await drain();
    meter.take();

    const results: CostResult[] = [];
    const per = (usage: Usage, n: number) => scaleUsage(usage, 1 / n);

    progress(`Cost: ${SIZES.requests} disclosure requests end to end ...`);
    for (let i = 0; i < SIZES.requests; i += 1) await oneRequest();
    await drain();
    const requests = meter.take();
    const requestCost = costOf(scaleUsage(requests, 1000 / SIZES.requests));
    results.push({
      name: '1,000 requests end to end',
      sample: SIZES.requests,
      scaledTo: 1000,
      usd: requestCost.usd,
      lines: requestCost.lines,
      perItem: per(requests, SIZES.requests),
      target: { usd: MAX_USD_PER_1000_REQUESTS },
      verdict: costVerdict(requestCost.usd, MAX_USD_PER_1000_REQUESTS),
    });

    progress(`Cost: ${SIZES.checks} use checks ...`);
    for (let i = 0; i < SIZES.checks; i += 1) expect('check', await checkUse(checkEvent()), 200);
    await drain();
    const checks = meter.take();
    // The single-table design: one consistent GetItem per check, on an item like the ones checked.
    const getItems = 20;
    for (let i = 0; i < getItems; i += 1)
      await dynamo().send(
        new GetCommand({
          TableName: tableName('subjects'),
          Key: { subjectId: DEMO_CUSTOMER.subjectId },
          ConsistentRead: true,
        }),
      );
    const oneGet = per(meter.take(), getItems);
    const baselineChecks: Usage = {
      ...checks,
      readUnits: oneGet.readUnits * SIZES.checks,
      writeUnits: 0,
      dynamoCalls: SIZES.checks,
      s3PutRequests: 0,
      s3GetRequests: 0,
      emails: 0,
    };
    const checkCost = costOf(scaleUsage(checks, 1_000_000 / SIZES.checks));
    const baselineCost = costOf(scaleUsage(baselineChecks, 1_000_000 / SIZES.checks));
    results.push({
      name: '1,000,000 use checks',
      sample: SIZES.checks,
      scaledTo: 1_000_000,
      usd: checkCost.usd,
      lines: checkCost.lines,
      perItem: per(checks, SIZES.checks),
      target: { ratio: MAX_USE_CHECK_RATIO, baselineUsd: baselineCost.usd },
      verdict: costVerdict(checkCost.usd, baselineCost.usd * MAX_USE_CHECK_RATIO),
    });

    progress(`Cost: ${SIZES.registrations} registrations ...`);
    for (let i = 0; i < SIZES.registrations; i += 1) expect('register', await register(registerEvent(i)), 201);
    await drain();
    const registrations = meter.take();
    const registrationCost = costOf(scaleUsage(registrations, 1_000_000 / SIZES.registrations));
    results.push({
      name: '1,000,000 registrations',
      sample: SIZES.registrations,
      scaledTo: 1_000_000,
      usd: registrationCost.usd,
      lines: registrationCost.lines,
      perItem: per(registrations, SIZES.registrations),
      verdict: '(no goal)',
    });

    // Each scheduled worker once on the seeded desk, then as often as its schedule runs it in a month.
    progress('Cost: each scheduled worker once, for the fixed monthly cost ...');
    let schedules = meter.take();
    for (const worker of WORKERS) {
      if (worker.source.kind !== 'schedule') continue;
      const run = meter.timed(
        await loadHandler<(event: unknown, context: unknown) => Promise<unknown>>(worker.name),
        memory(worker.name),
        false,
      );
      await run({ source: 'aws.events' }).catch((e) => meter.say(`${worker.name}: ${(e as Error).message}`));
      await drain();
      const runsPerMonth = (HOURS_PER_MONTH * 60) / scheduleMinutes(worker.source, process.env);
      schedules = Object.fromEntries(
        Object.entries(meter.take()).map(([k, v]) => [k, schedules[k as keyof Usage] + v * runsPerMonth]),
      ) as unknown as Usage;
    }
    const fixed = fixedMonthlyCost(inventory, schedules);
    results.push({
      name: 'fixed monthly cost of the stack',
      sample: 1,
      scaledTo: 1,
      usd: fixed.usd,
      lines: fixed.lines,
      perItem: schedules,
      verdict: '(no goal)',
    });
    meter.say(
      `Cost: stack holds ${inventory.kmsKeys} KMS keys, ${inventory.cmkTables} tables on them, ${inventory.alarms} alarms, ${inventory.secrets} secret(s), ${inventory.webAcls} web ACL with ${inventory.wafRules} rules.`,
    );
    own.destroy();
    return {
      at: new Date().toISOString(),
      region: PRICE_REGION,
      pricesReadOn: PRICES_READ_ON,
      unreportedCapacity: meter.unreported,
      results,
    };
  } finally {
    await poller?.stop();
    meter.detach();
    await Promise.all(emulators.map((e) => e.stop()));
  }
}

const usd = (n: number) => (n < 0.01 ? `$${n.toFixed(5)}` : `$${n.toFixed(2)}`);

export function formatCostReport(report: CostReport): string {
  const rows = report.results.map((r) => {
    const goal =
      r.target?.usd !== undefined
        ? `<= ${usd(r.target.usd)}`
        : r.target?.ratio !== undefined
          ? `<= ${r.target.ratio} x ${usd(r.target.baselineUsd ?? 0)} (one GetItem a check) = ${usd(r.target.ratio * (r.target.baselineUsd ?? 0))}`
          : '-';
    const ratio =
      r.target?.baselineUsd !== undefined ? ` (${(r.usd / r.target.baselineUsd).toFixed(2)} x the GetItem design)` : '';
    const top = Object.entries(r.lines)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([k, v]) => `${k} ${usd(v)}`)
      .join(', ');
    return [
      `${r.name}: ${usd(r.usd)}${ratio}   goal ${goal}   ${r.verdict}`,
      `    from ${r.sample === 1 ? 'one month' : `a sample of ${r.sample}`}; most: ${top}`,
      r.sample === 1
        ? ''
        : `    each: ${r.perItem.invocations.toFixed(1)} invocations, ${(r.perItem.gbSeconds * 1000).toFixed(1)} GB-ms, ${r.perItem.readUnits.toFixed(1)} RRU, ${r.perItem.writeUnits.toFixed(1)} WRU, ${r.perItem.dynamoCalls.toFixed(1)} DynamoDB calls, ${r.perItem.emails.toFixed(2)} e-mails, ${(r.perItem.s3PutRequests + r.perItem.s3GetRequests).toFixed(2)} S3 requests, ${(r.perItem.logBytes / 1000).toFixed(1)} kB of logs`,
    ].filter(Boolean);
  });
  const assumed = Object.entries(PRICES)
    .filter(([, p]) => 'assumption' in p)
    .map(([k]) => k);
  return [
    `Cost on AWS (${report.region}, on-demand list prices read ${report.pricesReadOn}, free tiers ignored); model and assumptions: docs/cost-model.md.`,
    ...rows.flat(),
    ...(report.unreportedCapacity > 0
      ? [
          `WARNING: ${report.unreportedCapacity} DynamoDB calls returned no consumed capacity: the DynamoDB figures are short.`,
        ]
      : []),
    `Prices taken as assumptions (not read for Tokyo from the page): ${assumed.join(', ')}.`,
  ].join('\n');
}

/** Sets the cost part of .bench/results.json, keeping what other scenarios put there. */
export function saveCostReport(report: CostReport, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'results.json');
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...existing, cost: report }, null, 2)}\n`);
}
