// The soak's arithmetic on worked examples: nearest-rank percentiles, the growth check over the
// thirds of a run, the least-squares slope and the latency drift.
import { describe, expect, it } from 'vitest';
import {
  growthOf,
  latencyDrift,
  MIN_CALLS_FOR_DRIFT,
  percentile,
  slopePerMinute,
  summariseLatency,
  thirdOf,
} from '../../bench/soak/stats';

describe('percentile (nearest rank)', () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];

  it('takes the smallest value with at least p% at or below it, whatever the order given', () => {
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 95)).toBe(10);
    expect(percentile(ten, 99)).toBe(10);
    expect(percentile(ten, 100)).toBe(10);
    expect(percentile(ten, 1)).toBe(1);
  });

  it('on 200 values, p99 is the 198th and p95 the 190th', () => {
    const values = Array.from({ length: 200 }, (_, i) => 200 - i);
    expect(percentile(values, 99)).toBe(198);
    expect(percentile(values, 95)).toBe(190);
  });

  it('does not reorder the caller’s values', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });

  it('is NaN with no values and refuses a p outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('summarises count, p50, p95, p99 and max', () => {
    expect(summariseLatency(ten)).toEqual({ count: 10, p50: 5, p95: 10, p99: 10, max: 10 });
  });
});

describe('thirds of a run', () => {
  it('splits a 180 s run at 60 s and 120 s', () => {
    expect(thirdOf(0, 180_000)).toBe(0);
    expect(thirdOf(59_999, 180_000)).toBe(0);
    expect(thirdOf(60_000, 180_000)).toBe(1);
    expect(thirdOf(120_000, 180_000)).toBe(2);
    // A sample after the load stopped (the last one, once the calls in flight are answered) is in the last.
    expect(thirdOf(190_000, 180_000)).toBe(2);
  });
});

describe('slope per minute', () => {
  it('is the least-squares slope: 1 MB every 5 s is 12 MB a minute', () => {
    const samples = Array.from({ length: 10 }, (_, i) => ({ t: i * 5_000, value: 100e6 + i * 1e6 }));
    expect(slopePerMinute(samples)).toBeCloseTo(12e6, 0);
  });

  it('is 0 on a flat line and NaN when it cannot be told', () => {
    expect(slopePerMinute([0, 1, 2].map((i) => ({ t: i * 1000, value: 5 })))).toBe(0);
    expect(slopePerMinute([{ t: 0, value: 1 }])).toBeNaN();
    expect(slopePerMinute([0, 0].map((t) => ({ t, value: 1 })))).toBeNaN();
  });
});

describe('growth over a run', () => {
  // A 180 s run sampled every 5 s: 12 samples per third.
  const run = (value: (t: number) => number) =>
    Array.from({ length: 37 }, (_, i) => ({ t: i * 5_000, value: value(i * 5_000) }));

  it('passes a heap that fills in the warm-up third and then stays flat (sawtooth included)', () => {
    const samples = run((t) => (t < 60_000 ? 40e6 + t * 100 : 46e6) + ((t / 5_000) % 2) * 1e6);
    const growth = growthOf(samples, 180_000, 0.1);
    expect(growth.ok).toBe(true);
    expect(Math.abs(growth.growth)).toBeLessThan(0.03);
  });

  it('fails a heap that keeps growing by 20 MB a minute: about +35% from the second third to the last', () => {
    const samples = run((t) => 30e6 + (t / 180_000) * 60e6);
    const growth = growthOf(samples, 180_000, 0.1);
    // Samples at 60-115 s average 87.5 s, so 59.2 MB; at 120-180 s they average 150 s, so 80 MB (+35.2%).
    expect(growth.secondThird).toBeCloseTo(30e6 + (87.5 / 180) * 60e6, -3);
    expect(growth.lastThird).toBeCloseTo(30e6 + (150 / 180) * 60e6, -3);
    expect(growth.growth).toBeCloseTo(80 / 59.1667 - 1, 3);
    expect(growth.slopePerMinute).toBeCloseTo(20e6, -3);
    expect(growth.ok).toBe(false);
  });

  it('allows growth within the tolerance, exactly at it too', () => {
    const samples = run((t) => (t < 120_000 ? 100 : 110));
    expect(growthOf(samples, 180_000, 0.1).ok).toBe(true);
    expect(growthOf(samples, 180_000, 0.09).ok).toBe(false);
  });

  it('does not pass with fewer than two samples in the second or the last third', () => {
    const samples = [0, 70_000, 130_000].map((t) => ({ t, value: 1 }));
    expect(growthOf(samples, 180_000, 0.1).ok).toBe(false);
  });
});

describe('latency drift', () => {
  const calls = (second: number, last: number, each = 30) => [
    ...Array.from({ length: each }, (_, i) => ({ t: i * 1_000, ms: 500 })),
    ...Array.from({ length: each }, (_, i) => ({ t: 60_000 + i * 1_000, ms: second })),
    ...Array.from({ length: each }, (_, i) => ({ t: 120_000 + i * 1_000, ms: last })),
  ];

  it('compares the last third’s p95 with the second’s, ignoring the warm-up third', () => {
    const steady = latencyDrift(calls(20, 25), 180_000, 1.5);
    expect(steady).toEqual({ secondThirdP95: 20, lastThirdP95: 25, ratio: 1.25, ok: true });
    expect(latencyDrift(calls(20, 40), 180_000, 1.5).ok).toBe(false);
  });

  it('does not judge a third with too few calls', () => {
    expect(latencyDrift(calls(20, 200, MIN_CALLS_FOR_DRIFT - 1), 180_000, 1.5).ok).toBeUndefined();
  });
});
