// The soak's arithmetic, apart from its I/O so it can be tested on worked examples: latency
// percentiles, and whether a quantity sampled over time grows.

/** Nearest-rank percentile (the smallest value with at least p% of the values at or below it). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile: p must be in (0, 100], not ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((p / 100) * sorted.length) - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summariseLatency(values: readonly number[]): LatencySummary {
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    p99: percentile(values, 99),
    max: values.length ? Math.max(...values) : Number.NaN,
  };
}

export interface Sample {
  /** Milliseconds since the start of the run. */
  t: number;
  value: number;
}

/** Least-squares slope of value over t, per minute; NaN with fewer than two distinct times. */
export function slopePerMinute(samples: readonly Sample[]): number {
  const n = samples.length;
  if (n < 2) return Number.NaN;
  const meanT = samples.reduce((s, x) => s + x.t, 0) / n;
  const meanV = samples.reduce((s, x) => s + x.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const { t, value } of samples) {
    num += (t - meanT) * (value - meanV);
    den += (t - meanT) ** 2;
  }
  return den === 0 ? Number.NaN : (num / den) * 60_000;
}

/** Which third of a run of `durationMs` the time t falls in: 0, 1 or 2. */
export const thirdOf = (t: number, durationMs: number): 0 | 1 | 2 =>
  t < durationMs / 3 ? 0 : t < (2 * durationMs) / 3 ? 1 : 2;

export interface Growth {
  /** Mean over the second and the last third of the run; the first third is the warm-up. */
  secondThird: number;
  lastThird: number;
  /** lastThird / secondThird - 1: 0.1 is 10% more. */
  growth: number;
  /** Over the last two thirds, per minute. */
  slopePerMinute: number;
  tolerance: number;
  ok: boolean;
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * Growth of a sampled quantity: the last third's mean against the second third's, within a tolerance
 * (0.1 allows 10% more). The first third is left out: caches fill and the JIT settles there. Fewer
 * than two samples in either third cannot tell, and does not pass.
 */
export function growthOf(samples: readonly Sample[], durationMs: number, tolerance: number): Growth {
  const second = samples.filter((s) => thirdOf(s.t, durationMs) === 1).map((s) => s.value);
  const last = samples.filter((s) => thirdOf(s.t, durationMs) === 2).map((s) => s.value);
  const secondThird = second.length ? mean(second) : Number.NaN;
  const lastThird = last.length ? mean(last) : Number.NaN;
  const growth = lastThird / secondThird - 1;
  return {
    secondThird,
    lastThird,
    growth,
    slopePerMinute: slopePerMinute(samples.filter((s) => thirdOf(s.t, durationMs) > 0)),
    tolerance,
    // The epsilon: 110 / 100 - 1 is a hair above 0.1 in binary floating point.
    ok: second.length >= 2 && last.length >= 2 && growth <= tolerance + 1e-9,
  };
}

export interface Drift {
  secondThirdP95: number;
  lastThirdP95: number;
  ratio: number;
  /** Undefined when a third has too few calls for a 95th percentile to mean anything. */
  ok: boolean | undefined;
}

/** Calls per third below which a 95th percentile is one or two calls, and says nothing. */
export const MIN_CALLS_FOR_DRIFT = 20;

/** Whether latency drifts up over the run: the last third's p95 against the second third's. */
export function latencyDrift(calls: readonly { t: number; ms: number }[], durationMs: number, maxRatio: number): Drift {
  const second = calls.filter((c) => thirdOf(c.t, durationMs) === 1).map((c) => c.ms);
  const last = calls.filter((c) => thirdOf(c.t, durationMs) === 2).map((c) => c.ms);
  const secondThirdP95 = percentile(second, 95);
  const lastThirdP95 = percentile(last, 95);
  const ratio = lastThirdP95 / secondThirdP95;
  const enough = second.length >= MIN_CALLS_FOR_DRIFT && last.length >= MIN_CALLS_FOR_DRIFT;
  return { secondThirdP95, lastThirdP95, ratio, ok: enough ? ratio <= maxRatio : undefined };
}
