// npm run bench -- --scenario soak: the whole local desk (as npm start runs it, in a child process of
// its own) driven over loopback HTTP at a steady rate for a bounded time, then stopped. The mix is the
// desk's day: company systems registering data and asking before uses (SigV4-signed, as their IAM
// users would), persons submitting requests, confirming them with the code the SES emulator's mailbox
// shows, and following them, and staff reading. Reported: every call's answer against the one
// expected, latency per kind, and the desk process's memory over time.
//   BENCH_SOAK_SECONDS  how long to drive it (default 180)
//   BENCH_SOAK_RATE     calls started per second, whatever the answers take (default 20)
import { type ChildProcess, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { SystemName } from '../functions/domain/systems';
import { DEMO_CUSTOMER } from '../local/seed';
import { signAsSystem } from '../local/system-signing';
import type { FromDesk, ToDesk } from './soak/desk-process';
import {
  type Drift,
  type Growth,
  growthOf,
  type LatencySummary,
  latencyDrift,
  summariseLatency,
  thirdOf,
} from './soak/stats';

/** Goal: no growth of the heap retained after a full collection, within this share (noise of a live heap). */
export const HEAP_GROWTH_TOLERANCE = 0.1;
/** Goal: no growth of the process's resident memory, within this share. */
export const RSS_GROWTH_TOLERANCE = 0.1;
/** Goal: no latency drift: each kind's p95 in the last third at most this many times the second third's. */
export const MAX_LATENCY_DRIFT = 1.5;
/** Goal: the rate held: calls started at least this share of the rate asked for. */
export const MIN_RATE_SHARE = 0.95;
/** Calls in flight at most; a tick finding this many skips its call, which shows as a rate not held. */
const MAX_IN_FLIGHT = 200;
/** Longer than the desk's own SDK timeout (30 s locally), so its 503 for a dependency that does not answer shows as such. */
const CALL_TIMEOUT_MS = 45_000;
/** A confirmation code not in the mailbox this long after the request was submitted is a failure. */
const CODE_TIMEOUT_MS = 60_000;
const MEMORY_EVERY_MS = 5_000;
const MAILBOX_EVERY_MS = 500;
/** Subjects and requests kept to call again; older ones drop out so the generator's memory stays flat. */
const KEPT = 500;

export type SoakKind =
  | 'use-check'
  | 'registration'
  | 'registration-refused'
  | 'submit'
  | 'verify'
  | 'status'
  | 'staff-read'
  | 'staff-sign-in';

/** Share of the ticks per kind; verify and status fall back to a use check while none is ready. */
const MIX: readonly [SoakKind, number][] = [
  ['use-check', 0.45],
  ['registration', 0.22],
  ['registration-refused', 0.03],
  ['submit', 0.08],
  ['verify', 0.08],
  ['status', 0.08],
  ['staff-read', 0.06],
];

/** The answer each kind should get; anything else (another status, no answer) is a failure. */
const EXPECTED: Record<SoakKind, number> = {
  'use-check': 200,
  registration: 201,
  // A purpose the registry does not have: the desk refuses the whole registration.
  'registration-refused': 422,
  submit: 202,
  verify: 200,
  status: 200,
  'staff-read': 200,
  'staff-sign-in': 200,
};

export interface SoakKindResult {
  kind: SoakKind;
  expected: number;
  calls: number;
  /** Calls per answer: an HTTP status, or "timeout" / "network". */
  outcomes: Record<string, number>;
  failures: number;
  latencyMs: LatencySummary;
  drift: Drift;
}

export interface MemorySample {
  /** Milliseconds since the load started. */
  t: number;
  rss: number;
  heapUsed: number;
  heapAfterGc: number;
  heapTotal: number;
  external: number;
  /** The machine's 1-minute load average then: a busy machine slows every process. */
  load: number;
}

export interface SoakGoal {
  name: string;
  goal: string;
  value: string;
  /** Undefined: measured, but too little to judge. */
  pass: boolean | undefined;
}

export interface SoakReport {
  at: string;
  node: string;
  seconds: number;
  rate: number;
  /** 1-minute load average at start and end, and the CPUs there were to carry it. */
  load: { start: number; end: number; cpus: number };
  started: number;
  skipped: number;
  calls: number;
  failures: number;
  /** The first unexpected answers of each kind and answer (3 at most each), with the start of the body or error. */
  failureSamples: string[];
  kinds: SoakKindResult[];
  /** From a request's submission to its confirmation code in the mailbox. */
  codeDelayMs: LatencySummary;
  codesMissing: number;
  memory: { samples: MemorySample[]; heapAfterGc: Growth; rss: Growth };
  goals: SoakGoal[];
}

export interface SoakOptions {
  seconds: number;
  rate: number;
  outDir: string;
  progress: (message: string) => void;
}

interface DeskChild {
  child: ChildProcess;
  url: string;
  mailboxUrl: string;
  demoPassword: string;
  memory(): Promise<Extract<FromDesk, { type: 'memory' }>>;
  stop(): Promise<void>;
}

/** Forks the desk process and waits until it serves; its output goes to a log file in outDir. */
async function startDeskChild(outDir: string): Promise<DeskChild> {
  const child = fork(resolve('bench/soak/desk-process.ts'), [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const log = createWriteStream(join(outDir, 'soak-desk.log'));
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const ready = await new Promise<Extract<FromDesk, { type: 'ready' }>>((done, fail) => {
    child.on('message', (m: FromDesk) => {
      if (m.type === 'ready') done(m);
      if (m.type === 'failed') fail(new Error(`the local desk did not start: ${m.message}`));
    });
    child.once('exit', (code) => fail(new Error(`the local desk exited (${code}) while starting; see soak-desk.log`)));
  });
  const waiting: Array<(m: Extract<FromDesk, { type: 'memory' }>) => void> = [];
  child.on('message', (m: FromDesk) => {
    if (m.type === 'memory') waiting.shift()?.(m);
  });
  return {
    child,
    // The gateway listens on 127.0.0.1; the address, not the name, keeps the calls on IPv4 loopback.
    url: ready.url.replace('localhost', '127.0.0.1'),
    mailboxUrl: ready.mailboxUrl,
    demoPassword: ready.demoPassword,
    memory: () =>
      new Promise((done) => {
        waiting.push(done);
        child.send({ type: 'memory' } satisfies ToDesk);
      }),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const force = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.once('exit', () => {
          clearTimeout(force);
          log.end();
          done();
        });
        child.send({ type: 'stop' } satisfies ToDesk);
      }),
  };
}

interface Answer {
  status: number | 'timeout' | 'network';
  /** The parsed body when it is JSON; only the fields the soak reads next. */
  json?: { requestId?: string; statusToken?: string; idToken?: string };
  text: string;
}

function pickKind(next: number): SoakKind {
  let acc = 0;
  for (const [kind, share] of MIX) {
    acc += share;
    if (next < acc) return kind;
  }
  return 'use-check';
}

const keep = <T>(list: T[], item: T) => {
  list.push(item);
  if (list.length > KEPT) list.shift();
};
const any = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];

export async function runSoak({ seconds, rate, outDir, progress }: SoakOptions): Promise<SoakReport> {
  mkdirSync(outDir, { recursive: true });
  progress('Soak: starting the local desk (emulators, tables, demo data) in a process of its own ...');
  const desk = await startDeskChild(outDir);
  const runId = randomUUID().slice(0, 8);
  const durationMs = seconds * 1000;
  const calls: Array<{ kind: SoakKind; t: number; ms: number; outcome: string; ok: boolean }> = [];
  const failureSamples: string[] = [];
  const sampled = new Map<string, number>();
  const sampleFailure = (key: string, line: string) => {
    const held = sampled.get(key) ?? 0;
    if (held >= 3) return;
    sampled.set(key, held + 1);
    failureSamples.push(line);
  };
  const memory: MemorySample[] = [];
  const codeDelays: number[] = [];
  let codesMissing = 0;
  let loadAtStart = 0;

  try {
    const call = async (
      kind: SoakKind,
      method: string,
      path: string,
      options: { body?: unknown; token?: string; as?: SystemName } = {},
    ): Promise<Answer> => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      let headers: Record<string, string> = {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      };
      const url = `${desk.url}${path}`;
      if (options.as) headers = await signAsSystem(options.as, { method, url, headers, ...(body ? { body } : {}) });
      const t = performance.now() - startedAt;
      let answer: Answer;
      try {
        const response = await fetch(url, {
          method,
          headers,
          ...(body !== undefined ? { body } : {}),
          signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
        });
        const text = await response.text();
        const json =
          (response.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : undefined;
        answer = { status: response.status, json, text };
      } catch (error) {
        const name = (error as Error).name;
        // fetch says only "fetch failed"; the cause names the socket's error (ECONNRESET, a connect timeout).
        const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
        answer = {
          status: name === 'TimeoutError' ? 'timeout' : 'network',
          text: [(error as Error).message, cause?.code, cause?.message].filter(Boolean).join(': '),
        };
      }
      const ms = performance.now() - startedAt - t;
      const ok = answer.status === EXPECTED[kind];
      calls.push({ kind, t, ms, outcome: String(answer.status), ok });
      if (!ok)
        sampleFailure(
          `${kind} ${answer.status}`,
          `${kind} ${method} ${path}: ${answer.status} ${answer.text.slice(0, 300)}`,
        );
      return answer;
    };

    let startedAt = performance.now();
    const signIn = async () => {
      const { json } = await call('staff-sign-in', 'POST', '/local/sign-in', {
        body: { username: 'operator', password: desk.demoPassword },
      });
      return json?.idToken;
    };
    let operator = await signIn();
    let signedInAt = performance.now();

    const subjects: string[] = [DEMO_CUSTOMER.subjectId];
    const awaitingCode = new Map<string, number>();
    const codes: Array<{ requestId: string; code: string }> = [];
    const verified: Array<{ requestId: string; statusToken: string }> = [];
    let registrations = 0;
    let submissions = 0;
    let staffReads = 0;

    const useCheck = () =>
      call('use-check', 'POST', '/v1/system/use-checks', {
        as: 'business-systems',
        body: {
          subjectId: any(subjects),
          category: 'email',
          purpose: any(['service-provision', 'important-notices', 'advertising']),
        },
      });

    const registration = (refused: boolean) => {
      registrations += 1;
      const subjectId = `soak-${runId}-${registrations}`;
      const acquiredAt = new Date(Date.now() - 60_000).toISOString();
      return call(refused ? 'registration-refused' : 'registration', 'POST', '/v1/system/personal-data', {
        as: 'business-systems',
        body: {
          subjectId,
          records: [
            {
              recordId: 'crm-email',
              category: 'email',
              value: `${subjectId}@example.jp`,
              source: 'from-customer',
              sourceDetail: 'Web sign-up form',
              purposes: refused ? ['no-such-purpose'] : ['service-provision', 'important-notices'],
              acquiredAt,
            },
            {
              recordId: 'web-cookie',
              category: 'cookie-id',
              value: `cookie ${registrations.toString(16)}`,
              source: 'service-use',
              purposes: ['usage-analysis'],
              acquiredAt,
            },
          ],
        },
      }).then((answer) => {
        if (!refused && answer.status === 201) keep(subjects, subjectId);
      });
    };

    const submit = async () => {
      submissions += 1;
      const email = `soak-${runId}-${submissions}@example.jp`;
      const answer = await call('submit', 'POST', '/v1/requests', {
        body: {
          type: 'disclosure',
          requester: { kind: 'self', name: `Soak ${submissions}`, email },
          subject: { email },
          language: submissions % 2 ? 'ja' : 'en',
        },
      });
      if (answer.status === 202) awaitingCode.set(answer.json!.requestId!, performance.now());
    };

    const verify = async (next: { requestId: string; code: string }) => {
      const answer = await call('verify', 'POST', `/v1/requests/${next.requestId}/verification`, {
        body: { code: next.code },
      });
      if (answer.status === 200) keep(verified, { requestId: next.requestId, statusToken: answer.json!.statusToken! });
    };

    const STAFF_READS = [
      `/v1/staff/subjects/${DEMO_CUSTOMER.subjectId}?purpose=service-provision`,
      '/v1/staff/requests',
      '/v1/staff/purposes',
    ];
    const staffRead = async () => {
      // The local ID token lasts an hour; a long soak signs in again before it runs out.
      if (performance.now() - signedInAt > 50 * 60_000) {
        operator = await signIn();
        signedInAt = performance.now();
      }
      staffReads += 1;
      await call('staff-read', 'GET', STAFF_READS[staffReads % STAFF_READS.length]!, {
        ...(operator ? { token: operator } : {}),
      });
    };

    // Warm-up, not counted: each path once, so the first measured calls do not pay DynamoDB Local's
    // JIT and the handlers' first imports alone. The load, its clock and its counts start after it.
    await useCheck();
    await registration(false);
    await submit();
    await staffRead();
    calls.length = 0;
    failureSamples.length = 0;
    sampled.clear();
    startedAt = performance.now();
    loadAtStart = loadavg()[0]!;

    const start = (kind: SoakKind): Promise<unknown> => {
      switch (kind) {
        case 'registration':
          return registration(false);
        case 'registration-refused':
          return registration(true);
        case 'submit':
          return submit();
        case 'verify': {
          const next = codes.shift();
          return next ? verify(next) : useCheck();
        }
        case 'status': {
          const one = any(verified);
          return one ? call('status', 'GET', `/v1/requests/${one.requestId}`, { token: one.statusToken }) : useCheck();
        }
        case 'staff-read':
          return staffRead();
        default:
          return useCheck();
      }
    };

    // The mailbox, read for what arrived since the last look: each confirmation code goes to its request.
    let since = Math.floor(Date.now() / 1000) - 1;
    const seen = new Set<string>();
    const readMailbox = async () => {
      const response = await fetch(`${desk.mailboxUrl}/store?since=${since}`).catch(() => undefined);
      if (!response?.ok) return;
      const { emails } = (await response.json()) as {
        emails: Array<{ messageId: string; at: number; subject: string; body: { text?: string } }>;
      };
      for (const email of emails) {
        if (seen.has(email.messageId)) continue;
        seen.add(email.messageId);
        const code = /(\d{6})/.exec(email.subject)?.[1];
        if (!code) continue;
        for (const [requestId, submittedAt] of awaitingCode) {
          if (!email.body.text?.includes(requestId)) continue;
          awaitingCode.delete(requestId);
          codeDelays.push(performance.now() - submittedAt);
          codes.push({ requestId, code });
          break;
        }
      }
      // Mail a second old or more will not come again: only the last seconds are asked for next time.
      const newest = Math.max(since, ...emails.map((e) => e.at));
      if (newest - 2 > since) {
        since = newest - 2;
        for (const email of emails) if (email.at < since) seen.delete(email.messageId);
      }
      for (const [requestId, submittedAt] of awaitingCode) {
        if (performance.now() - submittedAt > CODE_TIMEOUT_MS) {
          awaitingCode.delete(requestId);
          codesMissing += 1;
          sampleFailure('code', `no confirmation code e-mailed for ${requestId} within ${CODE_TIMEOUT_MS / 1000} s`);
        }
      }
    };

    const sampleMemory = async () => {
      const m = await desk.memory();
      memory.push({
        t: performance.now() - startedAt,
        rss: m.rss,
        heapUsed: m.heapUsed,
        heapAfterGc: m.heapAfterGc,
        heapTotal: m.heapTotal,
        external: m.external,
        load: loadavg()[0]!,
      });
    };

    progress(`Soak: ${rate} calls/s for ${seconds} s against ${desk.url} ...`);
    await sampleMemory();
    const inFlight = new Set<Promise<unknown>>();
    let started = 0;
    let skipped = 0;
    let nextMemory = MEMORY_EVERY_MS;
    let nextMailbox = MAILBOX_EVERY_MS;
    let nextProgress = 30_000;
    let mailboxBusy = false;
    for (;;) {
      const elapsed = performance.now() - startedAt;
      if (elapsed >= durationMs) break;
      while (started + skipped < Math.floor((elapsed / 1000) * rate)) {
        if (inFlight.size >= MAX_IN_FLIGHT) {
          skipped += 1;
          continue;
        }
        started += 1;
        const p: Promise<unknown> = start(pickKind(Math.random())).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (elapsed >= nextMailbox && !mailboxBusy) {
        nextMailbox += MAILBOX_EVERY_MS;
        mailboxBusy = true;
        void readMailbox().finally(() => (mailboxBusy = false));
      }
      if (elapsed >= nextMemory) {
        nextMemory += MEMORY_EVERY_MS;
        void sampleMemory();
      }
      if (elapsed >= nextProgress) {
        nextProgress += 30_000;
        const failed = calls.filter((c) => !c.ok).length;
        const heap = memory.at(-1)!;
        progress(
          `  ${Math.round(elapsed / 1000)} s: ${calls.length} calls answered, ${failed} unexpected, ${inFlight.size} in flight; desk heap ${(heap.heapAfterGc / 1e6).toFixed(0)} MB, RSS ${(heap.rss / 1e6).toFixed(0)} MB`,
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    progress(`Soak: the load stops; waiting for ${inFlight.size} calls in flight ...`);
    await Promise.all(inFlight);
    await sampleMemory();
    const loadAtEnd = loadavg()[0]!;

    const kinds = (['staff-sign-in', ...MIX.map(([k]) => k)] as SoakKind[]).flatMap((kind): SoakKindResult[] => {
      const own = calls.filter((c) => c.kind === kind);
      if (own.length === 0) return [];
      const outcomes: Record<string, number> = {};
      for (const c of own) outcomes[c.outcome] = (outcomes[c.outcome] ?? 0) + 1;
      return [
        {
          kind,
          expected: EXPECTED[kind],
          calls: own.length,
          outcomes,
          failures: own.filter((c) => !c.ok).length,
          latencyMs: summariseLatency(own.map((c) => c.ms)),
          drift: latencyDrift(own, durationMs, MAX_LATENCY_DRIFT),
        },
      ];
    });
    const heapAfterGc = growthOf(
      memory.map((m) => ({ t: m.t, value: m.heapAfterGc })),
      durationMs,
      HEAP_GROWTH_TOLERANCE,
    );
    const rss = growthOf(
      memory.map((m) => ({ t: m.t, value: m.rss })),
      durationMs,
      RSS_GROWTH_TOLERANCE,
    );
    const failures = calls.filter((c) => !c.ok).length + codesMissing;
    const non4xx = calls.filter((c) => !c.ok && !/^4/.test(c.outcome)).length;
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    const pct = (share: number) => `${share >= 0 ? '+' : ''}${(share * 100).toFixed(1)}%`;
    const goals: SoakGoal[] = [
      {
        name: 'unexpected answers',
        goal: '0 (5xx, timeouts, refused connections, a 4xx not expected, a code never e-mailed)',
        value: `${failures} (${non4xx} not a 4xx; ${codesMissing} codes missing)`,
        pass: failures === 0,
      },
      {
        name: 'rate held',
        goal: `>= ${MIN_RATE_SHARE * 100}% of ${rate} calls/s started`,
        value: `${(started / seconds).toFixed(1)} calls/s (${skipped} skipped at ${MAX_IN_FLIGHT} in flight)`,
        pass: started >= MIN_RATE_SHARE * rate * seconds,
      },
      {
        name: 'desk heap after a full GC',
        goal: `last third <= second third ${pct(HEAP_GROWTH_TOLERANCE)}`,
        value: `${mb(heapAfterGc.secondThird)} -> ${mb(heapAfterGc.lastThird)} (${pct(heapAfterGc.growth)}; ${mb(heapAfterGc.slopePerMinute)}/min)`,
        pass: heapAfterGc.ok,
      },
      {
        name: 'desk RSS',
        goal: `last third <= second third ${pct(RSS_GROWTH_TOLERANCE)}`,
        value: `${mb(rss.secondThird)} -> ${mb(rss.lastThird)} (${pct(rss.growth)}; ${mb(rss.slopePerMinute)}/min)`,
        pass: rss.ok,
      },
      ...kinds
        .filter((k) => k.kind !== 'staff-sign-in')
        .map((k) => ({
          name: `${k.kind} latency drift`,
          goal: `p95 last third <= ${MAX_LATENCY_DRIFT} x second third`,
          value: `${k.drift.secondThirdP95.toFixed(0)} -> ${k.drift.lastThirdP95.toFixed(0)} ms (${k.drift.ratio.toFixed(2)} x)`,
          pass: k.drift.ok,
        })),
    ];
    return {
      at: new Date().toISOString(),
      node: process.version,
      seconds,
      rate,
      load: { start: loadAtStart, end: loadAtEnd, cpus: availableParallelism() },
      started,
      skipped,
      calls: calls.length,
      failures,
      failureSamples,
      kinds,
      codeDelayMs: summariseLatency(codeDelays),
      codesMissing,
      memory: { samples: memory, heapAfterGc, rss },
      goals,
    };
  } finally {
    progress('Soak: stopping the local desk ...');
    await desk.stop();
  }
}

/** Adds the soak to .bench/results.json, keeping what other scenarios put there. */
export function saveSoakReport(report: SoakReport, outDir: string): void {
  const file = join(outDir, 'results.json');
  const held = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, `${JSON.stringify({ ...held, soak: report }, null, 2)}\n`);
}

export const soakVerdict = (pass: boolean | undefined) =>
  pass === undefined ? '(too few calls)' : pass ? 'PASS' : 'FALLS SHORT';

export function formatSoakReport(r: SoakReport): string {
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
        .join('  ')
        .trimEnd();
    return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
  };
  const ms = (x: number) => (Number.isNaN(x) ? '-' : x.toFixed(0));
  const kinds = table(
    ['kind', 'calls', 'expected', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'answers'],
    r.kinds.map((k) => [
      k.kind,
      String(k.calls),
      String(k.expected),
      ms(k.latencyMs.p50),
      ms(k.latencyMs.p95),
      ms(k.latencyMs.p99),
      ms(k.latencyMs.max),
      Object.entries(k.outcomes)
        .map(([outcome, n]) => `${outcome} x${n}`)
        .join(', '),
    ]),
  );
  const third = (t: number) => ['1st', '2nd', '3rd'][thirdOf(t, r.seconds * 1000)]!;
  const every = Math.max(1, Math.ceil(r.memory.samples.length / 12));
  const memory = table(
    ['at s', 'third', 'RSS MB', 'heap MB', 'heap after GC MB', 'machine load'],
    r.memory.samples
      .filter((_, i, all) => i % every === 0 || i === all.length - 1)
      .map((m) => [
        (m.t / 1000).toFixed(0),
        third(m.t),
        (m.rss / 1e6).toFixed(1),
        (m.heapUsed / 1e6).toFixed(1),
        (m.heapAfterGc / 1e6).toFixed(1),
        m.load.toFixed(1),
      ]),
  );
  const goals = table(
    ['goal', 'measured', 'target', 'verdict'],
    r.goals.map((g) => [g.name, g.value, g.goal, soakVerdict(g.pass)]),
  );
  const passed = r.goals.filter((g) => g.pass === true).length;
  const short = r.goals.filter((g) => g.pass === false);
  return [
    `Soak: the local desk driven over loopback at ${r.rate} calls/s for ${r.seconds} s (${r.calls} calls answered), node ${r.node}.`,
    `Machine load (1-min average) ${r.load.start.toFixed(1)} at start, ${r.load.end.toFixed(1)} at end, on ${r.load.cpus} CPUs.`,
    `Confirmation codes: from submission to the mailbox p50 ${ms(r.codeDelayMs.p50)} ms, p95 ${ms(r.codeDelayMs.p95)} ms; ${r.codesMissing} never came.`,
    '',
    ...kinds,
    '',
    "The desk process's memory (heap after GC: what a full collection leaves; the first third is warm-up):",
    ...memory,
    '',
    ...goals,
    '',
    short.length === 0
      ? `SUMMARY: ${passed} of ${r.goals.length} soak goals met${passed < r.goals.length ? ', the rest too few calls to judge' : ''}.`
      : `SUMMARY: ${passed} of ${r.goals.length} soak goals met; FALLS SHORT: ${short.map((g) => g.name).join(', ')}.`,
    ...(r.failureSamples.length ? ['', 'First unexpected answers:', ...r.failureSamples.map((f) => `  ${f}`)] : []),
    ...(Math.max(r.load.start, r.load.end) > r.load.cpus
      ? [
          `NOTE: the machine was busy (load above its ${r.load.cpus} CPUs): latencies are noisy; answers and memory are not.`,
        ]
      : []),
  ].join('\n');
}
