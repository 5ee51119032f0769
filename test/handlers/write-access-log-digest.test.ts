// The schedule writing the access-log digests, against DynamoDB Local and the S3 emulator: the heads of
// every chain as a new object per interval (when a chain moved), locked for the access-log retention,
// chained to the digest before.
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCESS_LOG_RETENTION, dynamoAccessLogChains } from '../../functions/adapters/access-log-repository';
import { s3DigestStore } from '../../functions/adapters/audit-bucket';
import {
  ACCESS_LOG_DIGEST_MINUTES,
  accessLogDigestMinutes,
  digestSlot,
  hashAccessLogDigest,
  writeAccessLogDigest,
} from '../../functions/domain/access-log/digest';
import { GENESIS_HASH } from '../../functions/domain/access-log/entry';
import type { AccessLogDigest } from '../../functions/domain/access-log/ports';
import { ACCESS_LOG_RETENTION_SECONDS } from '../../functions/domain/kernel/law';
import { handler } from '../../functions/handlers/write-access-log-digest';
import { appendEntries, freshBuckets, storedChains } from '../support/access-log';
import { freshTables } from '../support/desk';
import { dropTables } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await freshBuckets();
  await appendEntries(12);
});

afterAll(() => dropTables(prefix));

const digestAt = (at: string, intervalMinutes = 5) =>
  writeAccessLogDigest({
    chains: dynamoAccessLogChains,
    digests: s3DigestStore,
    clock: { now: () => new Date(at) },
    retentionSeconds: ACCESS_LOG_RETENTION,
    intervalMinutes,
  });

describe('write-access-log-digest', () => {
  it('writes every chain head as the digest of the current interval, locked for the retention period', async () => {
    const put = vi.spyOn(s3DigestStore, 'put');
    const before = Date.now();
    const outcome = await handler();
    const slot = digestSlot(new Date(), ACCESS_LOG_DIGEST_MINUTES);
    expect(outcome).toEqual({ written: true, slot });
    const digest = (await s3DigestStore.get(slot)) as AccessLogDigest;
    const chains = await storedChains();
    expect(digest.chains).toEqual(
      [...chains.entries()]
        .sort(([a], [b]) => Number(a.slice(6)) - Number(b.slice(6)))
        .map(([chainId, chain]) => ({
          chainId,
          seq: chain.at(-1)!.seq,
          hash: chain.at(-1)!.hash,
        })),
    );
    const { digestHash, ...body } = digest;
    expect(hashAccessLogDigest(body)).toBe(digestHash);
    expect(digest.previousDigestHash).toBe(GENESIS_HASH);
    expect(digest.previousSlot).toBeNull();
    // Locked as long as the entries it vouches for are kept: five years unless configured.
    expect(ACCESS_LOG_RETENTION).toBe(ACCESS_LOG_RETENTION_SECONDS);
    const retainUntil = put.mock.calls[0]![1].getTime();
    expect(retainUntil).toBeGreaterThanOrEqual(before + ACCESS_LOG_RETENTION_SECONDS * 1000);
    expect(retainUntil).toBeLessThanOrEqual(Date.now() + ACCESS_LOG_RETENTION_SECONDS * 1000);
    put.mockRestore();
  });

  it('a second run in the same interval writes nothing and leaves the digest as it was', async () => {
    const slot = digestSlot(new Date(), ACCESS_LOG_DIGEST_MINUTES);
    const first = await s3DigestStore.get(slot);
    await appendEntries(3, 100);
    expect(await handler()).toEqual({ written: false, slot, reason: 'already-written' });
    expect(await s3DigestStore.get(slot)).toEqual(first);
  });

  it('every 5 minutes by default (desk policy); DESK_ACCESS_LOG_DIGEST_MINUTES sets 1 to 60', () => {
    expect(ACCESS_LOG_DIGEST_MINUTES).toBe(5);
    expect(accessLogDigestMinutes(undefined)).toBe(5);
    expect(accessLogDigestMinutes(' ')).toBe(5);
    expect(accessLogDigestMinutes('15')).toBe(15);
    for (const bad of ['0', '61', '2.5', 'five'])
      expect(() => accessLogDigestMinutes(bad)).toThrow(/DESK_ACCESS_LOG_DIGEST_MINUTES/);
  });

  it('an interval starts on the clock: 10:07:59 falls in the 10:05 slot of 5 minutes, the 10:00 slot of 15', () => {
    expect(digestSlot(new Date('2026-11-20T10:07:59.999Z'), 5)).toBe('2026-11-20T10:05:00.000Z');
    expect(digestSlot(new Date('2026-11-20T10:07:59.999Z'), 15)).toBe('2026-11-20T10:00:00.000Z');
  });

  it('each digest links to the one before it by slot and hash; one whose heads did not move is not written', async () => {
    // After the handler's digest of now: the clock only moves forward.
    const first = await digestAt('2036-12-02T01:00:00Z');
    await appendEntries(2, 200);
    const second = await digestAt('2036-12-02T01:05:00Z');
    expect(first.written && second.written).toBe(true);
    if (!first.written || !second.written) return;
    expect(second.digest.slot).toBe('2036-12-02T01:05:00.000Z');
    expect(second.digest.previousDigestHash).toBe(first.digest.digestHash);
    expect(second.digest.previousSlot).toBe(first.digest.slot);
    expect(await digestAt('2036-12-02T01:10:00Z')).toEqual({
      written: false,
      slot: '2036-12-02T01:10:00.000Z',
      reason: 'unchanged',
    });
  });

  it('a digest another run wrote first (S3 answers 412 to If-None-Match) is not written again', async () => {
    const mock = mockClient(S3Client);
    mock.on(ListObjectsV2Command).resolves({ Contents: [] });
    mock.on(PutObjectCommand).rejects(
      Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), {
        name: 'PreconditionFailed',
        $metadata: { httpStatusCode: 412 },
      }),
    );
    try {
      expect(await digestAt('2026-12-03T01:02:00Z')).toEqual({
        written: false,
        slot: '2026-12-03T01:00:00.000Z',
        reason: 'already-written',
      });
      expect(mock.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({
        IfNoneMatch: '*',
        ObjectLockMode: 'COMPLIANCE',
        Key: 'access-log-digests/2026-12-03T01:00:00.000Z.json',
      });
    } finally {
      mock.restore();
    }
  });
});

describe('retention of the access log, configured', () => {
  it("DESK_ACCESS_LOG_RETENTION_DAYS sets the entries' expiry and the digest's lock", async () => {
    vi.resetModules();
    process.env.DESK_ACCESS_LOG_RETENTION_DAYS = '30';
    try {
      await freshBuckets();
      const repository = await import('../../functions/adapters/access-log-repository');
      expect(repository.ACCESS_LOG_RETENTION).toBe(30 * 86_400);
      const at = new Date().toISOString();
      await repository.dynamoAccessLog.append({
        actor: 'retention-check',
        role: 'officer',
        action: 'read',
        subjects: ['s'],
        fields: ['f'],
        reason: 'retention',
        sourceIp: '203.0.113.1',
        at,
      });
      const stored = [...(await storedChains()).values()].flat().find((e) => e.actor === 'retention-check')!;
      expect(stored.expiresAt).toBe(Math.floor(Date.parse(at) / 1000) + 30 * 86_400);
      const bucket = await import('../../functions/adapters/audit-bucket');
      const put = vi.spyOn(bucket.s3DigestStore, 'put');
      const worker = await import('../../functions/handlers/write-access-log-digest');
      const before = Date.now();
      expect((await worker.handler()).written).toBe(true);
      const retainUntil = put.mock.calls[0]![1].getTime();
      expect(retainUntil).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
      expect(retainUntil).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);
    } finally {
      delete process.env.DESK_ACCESS_LOG_RETENTION_DAYS;
      vi.resetModules();
    }
  });
});
