// The targets from the issue, the table and the one-line verdict.
import type { AnonymisationResult } from './anonymisation';
import type { BundledFunction } from './bundle';
import type { CostReport } from './cost';
import type { DataResult } from './data';
import type { RegistrationResult } from './registration';
import type { UseCheckResult } from './use-check';

/** Cold initialisation at most this many times the bare SDK's. */
export const MAX_RATIO = 1.2;
/** Minified bundle size; kB = 1000 bytes, the stricter reading of "250 KB". */
export const MAX_KB = 250;

export interface FunctionResult {
  name: string;
  kind: 'baseline' | 'route' | 'worker';
  kb: number;
  /** Medians over the runs, each taken on its own. */
  importMs: number;
  invokeMs: number;
  totalMs: number;
  /** Fastest and slowest total: how far apart the runs were. */
  rangeMs: [number, number];
  ratio: number;
  /** Every answer the runs got, and the one expected; a different answer means a different code path was timed. */
  outcomes: string[];
  expected: string;
  sizeOk: boolean;
  timeOk: boolean;
  heaviest: BundledFunction['packages'];
}

export interface BenchReport {
  at: string;
  node: string;
  runs: number;
  /** 1-minute load average while measuring, and the CPUs there were to carry it. */
  load: { start: number; end: number; cpus: number };
  results: FunctionResult[];
  /** The data part: bulk paths against raw DynamoDB calls. */
  data: DataResult[];
  /** The anonymisation part: the lattice search against a grouping pass and an exhaustive search. */
  anonymisation: AnonymisationResult[];
  /** The use check under concurrent load against the raw reads that answer it. */
  useCheck?: UseCheckResult;
  /** The cost part: what the desk costs on AWS, from what the functions used on the emulators. */
  cost?: CostReport;
  /** Batch registration against raw BatchWriteItem of the same items. */
  registration: RegistrationResult[];
}

const kb = (bytes: number) => bytes / 1000;

export function verdict(r: FunctionResult): string {
  if (r.kind === 'baseline') return '(reference)';
  const over = [...(r.sizeOk ? [] : ['size']), ...(r.timeOk ? [] : ['time'])];
  return over.length ? `OVER ${over.join('+')}` : 'PASS';
}

function answered(r: FunctionResult): string {
  const unexpected = r.outcomes.some((o) => o !== r.expected);
  return unexpected ? `${r.outcomes.join('/')} (expected ${r.expected})` : r.expected;
}

export function resultOf(
  bundled: BundledFunction,
  kind: FunctionResult['kind'],
  medians: Pick<FunctionResult, 'importMs' | 'invokeMs' | 'totalMs' | 'rangeMs'>,
  baselineTotalMs: number,
  outcomes: string[],
  expected: string,
): FunctionResult {
  const ratio = medians.totalMs / baselineTotalMs;
  return {
    name: bundled.name,
    kind,
    kb: kb(bundled.bytes),
    ...medians,
    ratio,
    outcomes: [...new Set(outcomes)],
    expected,
    sizeOk: kb(bundled.bytes) <= MAX_KB,
    timeOk: ratio <= MAX_RATIO,
    heaviest: bundled.packages,
  };
}

export function formatReport({ results, runs, node, load }: BenchReport): string {
  const header = [
    'function',
    'bundle kB',
    'import ms',
    '1st call ms',
    'total ms',
    'range ms',
    'x baseline',
    'answer',
    'verdict',
  ];
  const rows = results.map((r) => [
    r.name,
    r.kb.toFixed(1),
    r.importMs.toFixed(1),
    r.invokeMs.toFixed(1),
    r.totalMs.toFixed(1),
    r.rangeMs.map((ms) => ms.toFixed(0)).join('-'),
    r.ratio.toFixed(2),
    answered(r),
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  // Names and answers read left to right; numbers line up on the right.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i >= 7 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();

  const measured = results.filter((r) => r.kind !== 'baseline');
  const baseline = results.find((r) => r.kind === 'baseline');
  const over = measured.filter((r) => verdict(r) !== 'PASS');
  const offPath = measured.filter((r) => r.outcomes.some((o) => o !== r.expected));
  const heaviest = measured.map(
    (r) =>
      `  ${r.name.padEnd(widths[0]!)}  ${r.heaviest
        .slice(0, 5)
        .map((p) => `${p.name} ${kb(p.bytes).toFixed(0)}`)
        .join(', ')}`,
  );

  return [
    `Cold start: median of ${runs} fresh node processes each (import + first invocation against DynamoDB Local), node ${node}.`,
    `Machine load (1-min average) ${load.start.toFixed(1)} at start, ${load.end.toFixed(1)} at end, on ${load.cpus} CPUs.`,
    `Targets: bundle <= ${MAX_KB} kB minified, total <= ${MAX_RATIO} x baseline (${baseline?.totalMs.toFixed(1)} ms: the AWS SDK clients and one GetItem).`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    'Heaviest packages per bundle (kB in the minified output):',
    ...heaviest,
    '',
    over.length === 0
      ? `SUMMARY: all ${measured.length} functions within budget.`
      : `SUMMARY: ${measured.length - over.length} of ${measured.length} functions within budget; OVER: ${over.map((r) => `${r.name} (${verdict(r).slice(5)})`).join(', ')}.`,
    ...(baseline && baseline.kb > MAX_KB
      ? [
          `NOTE: the baseline alone (the bundled AWS SDK clients) is ${baseline.kb.toFixed(0)} kB, over ${MAX_KB} kB: no function that bundles them can meet the size target.`,
        ]
      : []),
    ...(Math.max(load.start, load.end) > load.cpus
      ? [
          `NOTE: the machine was busy (load above its ${load.cpus} CPUs): times are noisy, sizes are exact. Rerun on an idle machine before acting on a time verdict.`,
        ]
      : []),
    ...(offPath.length
      ? [
          `WARNING: ${offPath.map((r) => r.name).join(', ')} did not answer as expected; their times measure a different path.`,
        ]
      : []),
  ].join('\n');
}
