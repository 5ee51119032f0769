// Verification stays inside the API function's time: a log too long to walk in
// ACCESS_LOG_VERIFY_BUDGET_MS is refused with a problem that says to verify from a digest.
import { describe, expect, it } from 'vitest';
import { makeAccessLogDigest } from '../../../functions/domain/access-log/digest';
import { type ChainedAccessLogEntry, chainAccessLogEntry } from '../../../functions/domain/access-log/entry';
import type {
  AccessLogChains,
  AccessLogDigest,
  AccessLogDigestStore,
} from '../../../functions/domain/access-log/ports';
import { ACCESS_LOG_VERIFY_BUDGET_MS, verifyAccessLog } from '../../../functions/domain/access-log/verification';
import { DeskProblem } from '../../../functions/domain/kernel/problems';

const entry = (n: number) => ({
  actor: 'a',
  role: 'operator' as const,
  action: 'read' as const,
  subjects: ['s'],
  fields: ['f'],
  reason: `r${n}`,
  sourceIp: '203.0.113.1',
  at: `2026-11-20T00:00:0${n}.000Z`,
});

function chainOf(count: number): ChainedAccessLogEntry[] {
  const out: ChainedAccessLogEntry[] = [];
  for (let n = 1; n <= count; n += 1) out.push(chainAccessLogEntry(entry(n), 'chain-0', out.at(-1)));
  return out;
}

const noDigests: AccessLogDigestStore = {
  slots: async () => [],
  get: async () => undefined,
  put: async () => 'written',
};

/** One chain served a page per entry; each page read moves the clock by `msPerPage`. */
function pagedChains(entries: ChainedAccessLogEntry[], clock: { t: number }, msPerPage: number): AccessLogChains {
  return {
    chainIds: () => ['chain-0'],
    head: async () => undefined,
    async *entries() {
      for (const e of entries) {
        clock.t += msPerPage;
        yield [e];
      }
    },
  };
}

describe('verifyAccessLog', () => {
  it('takes at most ACCESS_LOG_VERIFY_BUDGET_MS (desk policy, inside the 15 s function timeout)', () => {
    expect(ACCESS_LOG_VERIFY_BUDGET_MS).toBe(10_000);
  });

  it('verifies a chain read in time', async () => {
    const clock = { t: 0 };
    const result = await verifyAccessLog({
      chains: pagedChains(chainOf(5), clock, 100),
      digests: noDigests,
      clock: { now: () => new Date(clock.t) },
    });
    expect(result).toMatchObject({
      verified: true,
      chains: [{ chainId: 'chain-0', seq: 5, entriesChecked: 5 }],
      digestsChecked: 0,
    });
  });

  it('refuses a walk that outlasts the budget with a problem saying to verify from a digest', async () => {
    const clock = { t: 0 };
    const walk = verifyAccessLog({
      chains: pagedChains(chainOf(5), clock, ACCESS_LOG_VERIFY_BUDGET_MS / 2),
      digests: noDigests,
      clock: { now: () => new Date(clock.t) },
    });
    await expect(walk).rejects.toBeInstanceOf(DeskProblem);
    await expect(walk).rejects.toMatchObject({ kind: 'unprocessable', detail: expect.stringContaining('"from"') });
  });

  it('from a date: the first digest of that Japan day anchors; its link to the digest before is checked while that one is kept', async () => {
    const chain = chainOf(5);
    const head = (n: number) => [{ chainId: 'chain-0', seq: n, hash: chain[n - 1]!.hash }];
    const first = makeAccessLogDigest('2026-11-19T05:00:00.000Z', new Date('2026-11-19T05:00:01Z'), head(2), undefined);
    const second = makeAccessLogDigest('2026-11-20T05:00:00.000Z', new Date('2026-11-20T05:00:01Z'), head(4), first);
    const store = (digests: AccessLogDigest[]): AccessLogDigestStore => ({
      slots: async (since) =>
        digests
          .map((d) => d.slot)
          .filter((slot) => !since || slot >= since)
          .sort(),
      get: async (slot) => digests.find((d) => d.slot === slot),
      put: async () => 'written',
    });
    const clock = { t: 0 };
    const run = (digests: AccessLogDigest[]) =>
      verifyAccessLog(
        { chains: pagedChains(chain, clock, 1), digests: store(digests), clock: { now: () => new Date(clock.t) } },
        { from: '2026-11-20' },
      );
    expect(await run([first, second])).toMatchObject({
      verified: true,
      digestsChecked: 1,
      latestDigestAt: '2026-11-20T05:00:01.000Z',
      chains: [{ seq: 5, entriesChecked: 1 }],
    });
    // The digest before past its retention, and gone: nothing to check the link against.
    expect(await run([second])).toMatchObject({ verified: true });
    const replaced = makeAccessLogDigest(first.slot, new Date('2026-11-19T05:00:02Z'), head(1), undefined);
    expect(await run([replaced, second])).toMatchObject({
      verified: false,
      firstBrokenLink: { problem: 'digest-chain-broken', digestSlot: second.slot, digestDate: '2026-11-20' },
    });
  });
});
