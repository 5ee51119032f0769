// POST /v1/staff/access-log/verify against DynamoDB Local and the S3 emulator: an intact log
// verifies; an altered, deleted, reordered or forged entry, a removed tail and a rewritten chain are
// each detected and named, as a 200 with verified:false, never a 500.
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dynamoAccessLogChains } from '../../functions/adapters/access-log-repository';
import { bucketName, digestKey, s3, s3DigestStore } from '../../functions/adapters/audit-bucket';
import { writeAccessLogDigest } from '../../functions/domain/access-log/digest';
import { hashAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/verify-access-log';
import { seedDemoStaff } from '../../local/seed';
import {
  appendEntries,
  deleteEntry,
  freshBuckets,
  longestChain,
  overwriteEntry,
  type StoredEntry,
  storedChains,
} from '../support/access-log';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, staffClaims } from '../support/requests';

let prefix: string;

// Each test tampers with its own log and digests.
beforeEach(async () => {
  prefix = await freshTables();
  await freshBuckets();
  await seedDemoStaff('test-password');
  // Entries spread over the chains at random: 80 leave the longest chain long enough to tamper with its middle.
  await appendEntries(80);
});

afterEach(() => dropTables(prefix));

const verify = (body?: unknown, claims = staffClaims('auditor')) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/staff/access-log/verify',
    resource: '/v1/staff/access-log/verify',
    ...(body !== undefined ? { body } : {}),
    claims,
  });

/** Writes the digest a scheduled run at `at` would write (every 5 minutes). */
const digestAt = (at: string) =>
  writeAccessLogDigest({
    chains: dynamoAccessLogChains,
    digests: s3DigestStore,
    clock: { now: () => new Date(at) },
    retentionSeconds: 86_400,
    intervalMinutes: 5,
  });

/** The same entry with its stored hash recomputed over its content, as a forger knowing the scheme would. */
function rehashed(entry: StoredEntry): StoredEntry {
  const { hash: _hash, ...content } = entry;
  return { ...entry, hash: hashAccessLogEntry(content) };
}

const brokenLink = (result: Awaited<ReturnType<typeof verify>>) => {
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  expect(result.json.verified).toBe(false);
  return result.json.firstBrokenLink as Record<string, unknown>;
};

describe('verify-access-log', () => {
  it("an intact log verifies: every chain's head, and every digest checked", async () => {
    await digestAt('2026-11-20T00:30:00Z');
    await appendEntries(4, 100);
    await digestAt('2026-11-21T00:30:00Z');
    const result = await verify();
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const chains = await storedChains();
    expect(result.json).toMatchObject({
      verified: true,
      from: null,
      digestsChecked: 2,
      latestDigestAt: '2026-11-21T00:30:00.000Z',
    });
    expect(result.json.chains).toEqual(
      [...chains.entries()]
        .sort(([a], [b]) => Number(a.slice(6)) - Number(b.slice(6)))
        .map(([chainId, chain]) => ({
          chainId,
          seq: chain.at(-1)!.seq,
          hash: chain.at(-1)!.hash,
          entriesChecked: chain.length,
        })),
    );
  });

  it('the officer may verify as well, with or without a body', async () => {
    expect((await verify(undefined, staffClaims('officer'))).json.verified).toBe(true);
    expect((await verify({}, staffClaims('officer'))).json.verified).toBe(true);
  });

  it('an ALTERED entry (a field changed) is named: hash-mismatch at that entry', async () => {
    const chain = await longestChain();
    const victim = chain[2]!;
    await overwriteEntry({ ...victim, actor: 'someone-else' });
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'hash-mismatch',
      chainId: victim.chainId,
      seq: victim.seq,
    });
  });

  it('an entry HIDDEN from the listing by its day or expiry being edited is named: hash-mismatch', async () => {
    const chain = await longestChain();
    const [a, b, c] = [chain[1]!, chain[2]!, chain[3]!];
    // Another day moves it out of the byDay partition the listing reads; a past expiry filters it out and lets TTL delete it.
    await overwriteEntry({ ...a, day: '2001-01-01' });
    expect(brokenLink(await verify())).toMatchObject({ problem: 'hash-mismatch', chainId: a.chainId, seq: a.seq });
    await overwriteEntry(a);
    await overwriteEntry({ ...b, expiresAt: 1 });
    // DynamoDB Local's TTL may already have deleted it (LOCAL-AWS.md): then it is missing instead.
    expect(brokenLink(await verify())).toMatchObject({
      problem: expect.stringMatching(/^(hash-mismatch|missing-entry)$/),
      chainId: b.chainId,
      seq: b.seq,
    });
    await overwriteEntry(b);
    const { day: _day, ...withoutDay } = c;
    await overwriteEntry(withoutDay as StoredEntry);
    expect(brokenLink(await verify())).toMatchObject({ problem: 'hash-mismatch', chainId: c.chainId, seq: c.seq });
    await overwriteEntry(c);
    await overwriteEntry({ ...c, note: 'added' } as StoredEntry);
    expect(brokenLink(await verify())).toMatchObject({ problem: 'hash-mismatch', chainId: c.chainId, seq: c.seq });
    await overwriteEntry(c);
    expect((await verify()).json.verified).toBe(true);
  });

  it('a DELETED entry in the middle is named: missing-entry at its sequence number', async () => {
    const chain = await longestChain();
    const victim = chain[1]!;
    await deleteEntry(victim.chainId, victim.seq);
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'missing-entry',
      chainId: victim.chainId,
      seq: victim.seq,
    });
  });

  it('a DELETED tail shows only against a digest: missing-entry, naming the digest', async () => {
    await digestAt('2026-11-20T00:30:00Z');
    const chain = await longestChain();
    const tail = chain.at(-1)!;
    await deleteEntry(tail.chainId, tail.seq);
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'missing-entry',
      chainId: tail.chainId,
      seq: tail.seq,
      digestDate: '2026-11-20',
      digestSlot: '2026-11-20T00:30:00.000Z',
    });
  });

  it('a tail cut back behind the LATEST digest is named against it; entries after it are exposed for one interval only', async () => {
    await digestAt('2026-11-20T00:30:00Z');
    await appendEntries(8, 400);
    // Appended since the latest digest: removing them shows nowhere yet, and verify says since when.
    const unanchored = [...(await storedChains()).values()]
      .map((chain) => chain.at(-1)!)
      .find((tail) => Number(tail.reason.slice(5)) >= 400)!;
    await deleteEntry(unanchored.chainId, unanchored.seq);
    expect((await verify()).json).toMatchObject({ verified: true, latestDigestAt: '2026-11-20T00:30:00.000Z' });
    await overwriteEntry(unanchored);
    // The next run, one interval later, anchors them: the same removal now shows.
    expect((await digestAt('2026-11-20T00:35:00Z')).written).toBe(true);
    await deleteEntry(unanchored.chainId, unanchored.seq);
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'missing-entry',
      chainId: unanchored.chainId,
      seq: unanchored.seq,
      digestSlot: '2026-11-20T00:35:00.000Z',
    });
  });

  it('REORDERED entries (two swapped) are named: out-of-order at the first of them', async () => {
    const chain = await longestChain();
    const [a, b] = [chain[1]!, chain[2]!];
    await overwriteEntry({ ...b, seq: a.seq });
    await overwriteEntry({ ...a, seq: b.seq });
    expect(brokenLink(await verify())).toMatchObject({ problem: 'out-of-order', chainId: a.chainId, seq: a.seq });
  });

  it('a FORGED entry with valid-looking hash fields but a wrong hash is named: hash-mismatch', async () => {
    const chain = await longestChain();
    const victim = chain[2]!;
    await overwriteEntry({ ...victim, reason: 'routine check', hash: 'ab'.repeat(32) });
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'hash-mismatch',
      chainId: victim.chainId,
      seq: victim.seq,
    });
  });

  it('a FORGED entry whose hash was recomputed breaks the next link: previous-hash-mismatch', async () => {
    const chain = await longestChain();
    const victim = chain[1]!;
    await overwriteEntry(rehashed({ ...victim, actor: 'someone-else' }));
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'previous-hash-mismatch',
      chainId: victim.chainId,
      seq: victim.seq + 1,
    });
  });

  it('a FORGED tail appended after the head with a made-up hash is named', async () => {
    const chain = await longestChain();
    const head = chain.at(-1)!;
    await overwriteEntry({
      ...head,
      seq: head.seq + 1,
      previousHash: head.hash,
      hash: 'cd'.repeat(32),
      reason: 'forged',
    });
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'hash-mismatch',
      chainId: head.chainId,
      seq: head.seq + 1,
    });
  });

  it('a chain rewritten end to end with fresh hashes still fails against the digest: digest-mismatch', async () => {
    await digestAt('2026-11-20T00:30:00Z');
    const chain = await longestChain();
    let previousHash = chain[0]!.hash;
    for (const entry of chain.slice(1)) {
      const forged = rehashed({ ...entry, previousHash, reason: `${entry.reason} (rewritten)` });
      await overwriteEntry(forged);
      previousHash = forged.hash;
    }
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'digest-mismatch',
      chainId: chain[0]!.chainId,
      seq: chain.at(-1)!.seq,
      digestDate: '2026-11-20',
    });
  });

  it("a digest replaced or removed from the digests' own chain is named", async () => {
    await digestAt('2026-11-20T00:30:00Z');
    await appendEntries(1, 300);
    await digestAt('2026-11-21T00:30:00Z');
    await appendEntries(1, 301);
    await digestAt('2026-11-22T00:30:00Z');
    // s3rver ignores Object Lock; in AWS neither write is possible while the digest is locked.
    const slot = '2026-11-21T00:30:00.000Z';
    const stored = (await s3DigestStore.get(slot)) as Record<string, unknown>;
    const put = (key: string, body: unknown) =>
      s3().send(
        new PutObjectCommand({
          Bucket: bucketName('access-log-digests'),
          Key: digestKey(key),
          Body: JSON.stringify(body),
        }),
      );
    await put(slot, { ...stored, takenAt: '2026-11-21T00:31:00.000Z' });
    expect(brokenLink(await verify())).toMatchObject({ problem: 'digest-altered', digestSlot: slot });
    await put(slot, stored);
    expect((await verify()).json.verified).toBe(true);
    await put(slot, { ...stored, slot: '2026-11-21T00:35:00.000Z' });
    expect(brokenLink(await verify())).toMatchObject({ problem: 'digest-altered', digestSlot: slot });
    await s3().send(new DeleteObjectCommand({ Bucket: bucketName('access-log-digests'), Key: digestKey(slot) }));
    expect(brokenLink(await verify())).toMatchObject({
      problem: 'digest-chain-broken',
      digestSlot: '2026-11-22T00:30:00.000Z',
    });
  });

  it('from a digest date: each chain is walked from the head that digest lists', async () => {
    await digestAt('2026-11-20T00:30:00Z');
    await appendEntries(8, 200);
    const before = await storedChains();
    const result = await verify({ from: '2026-11-20' });
    expect(result.json).toMatchObject({ verified: true, from: '2026-11-20', digestsChecked: 1 });
    const checked = (result.json.chains as Array<{ chainId: string; entriesChecked: number }>).reduce(
      (n, c) => n + c.entriesChecked,
      0,
    );
    expect(checked).toBe(8);
    expect([...before.values()].reduce((n, c) => n + c.length, 0)).toBe(88);
  });

  it('from a digest date: an entry before the anchor may be gone (expired); one after it may not', async () => {
    await digestAt('2026-11-20T00:30:00Z');
    await appendEntries(8, 200);
    const chain = await longestChain();
    await deleteEntry(chain[0]!.chainId, chain[0]!.seq);
    expect((await verify({ from: '2026-11-20' })).json.verified).toBe(true);
    expect(brokenLink(await verify())).toMatchObject({ problem: 'missing-entry', chainId: chain[0]!.chainId, seq: 1 });
  });

  it('from a date without a digest → 404 problem saying which digests exist', async () => {
    await digestAt('2026-11-20T00:30:00Z');
    const result = await verify({ from: '2026-01-01' });
    expectProblem(result, 404);
    expect(result.json.detail).toContain('2026-11-20');
  });

  it('a malformed from → 400, an operator → 403', async () => {
    expectProblem(await verify({ from: 'yesterday' }), 400);
    expectProblem(await verify({}, staffClaims('operator')), 403);
  });
});
