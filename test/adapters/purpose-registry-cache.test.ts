// The per-container registry: kept for its bound and no longer, one read for concurrent callers, a
// failed read not kept, and a read of its own for other tables.
import { describe, expect, it } from 'vitest';
import { cachedPurposeVersions, PURPOSE_REGISTRY_CACHE_MS } from '../../functions/adapters/purpose-registry-cache';
import { POLICY_PURPOSES, type PurposeVersion } from '../../functions/domain/purposes/registry';

function setUp() {
  let now = Date.parse('2026-12-07T00:00:00.000Z');
  let table = 'purposes-a';
  const reads: Array<{ resolve: (v: PurposeVersion[]) => void; reject: (e: Error) => void }> = [];
  const source = {
    versions: () => new Promise<PurposeVersion[]>((resolve, reject) => reads.push({ resolve, reject })),
  };
  const reader = cachedPurposeVersions(source, { now: () => new Date(now) }, () => table);
  return {
    reader,
    reads,
    advance: (ms: number) => {
      now += ms;
    },
    useTable: (name: string) => {
      table = name;
    },
  };
}

describe('cachedPurposeVersions', () => {
  it('answers from one read until the bound, then reads again', async () => {
    const { reader, reads, advance } = setUp();
    const first = reader.versions();
    reads[0]!.resolve([...POLICY_PURPOSES]);
    expect(await first).toHaveLength(POLICY_PURPOSES.length);
    advance(PURPOSE_REGISTRY_CACHE_MS - 1);
    await reader.versions();
    expect(reads).toHaveLength(1);
    advance(1);
    const second = reader.versions();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve([]);
    expect(await second).toEqual([]);
  });

  it('gives concurrent callers one read', async () => {
    const { reader, reads } = setUp();
    const answers = Promise.all([reader.versions(), reader.versions(), reader.versions()]);
    expect(reads).toHaveLength(1);
    reads[0]!.resolve([...POLICY_PURPOSES]);
    expect((await answers).every((a) => a.length === POLICY_PURPOSES.length)).toBe(true);
  });

  it('keeps no failed read: the next call reads again', async () => {
    const { reader, reads } = setUp();
    const failed = reader.versions();
    reads[0]!.reject(new Error('DynamoDB unavailable'));
    await expect(failed).rejects.toThrow('DynamoDB unavailable');
    const retried = reader.versions();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve([]);
    expect(await retried).toEqual([]);
  });

  it('reads anew for another purposes table, and when the clock goes back', async () => {
    const { reader, reads, advance, useTable } = setUp();
    const first = reader.versions();
    reads[0]!.resolve([]);
    await first;
    useTable('purposes-b');
    void reader.versions();
    expect(reads).toHaveLength(2);
    reads[1]!.resolve([]);
    advance(-1);
    void reader.versions();
    expect(reads).toHaveLength(3);
    reads[2]!.resolve([]);
  });
});
