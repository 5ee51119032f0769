// The hourly schedule writing the daily access-log digest, against DynamoDB Local and the S3 emulator:
// the heads of every chain, once per Japan day, locked for the access-log retention, chained to the
// digest before.
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCESS_LOG_RETENTION, dynamoAccessLogChains } from '../../functions/adapters/access-log-repository';
import { s3DigestStore } from '../../functions/adapters/audit-bucket';
import { GENESIS_HASH } from '../../functions/domain/access-log';
import { hashAccessLogDigest, previousJapanDay, writeAccessLogDigest, type AccessLogDigest } from '../../functions/domain/access-log-digest';
import { ACCESS_LOG_RETENTION_SECONDS } from '../../functions/domain/law';
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

const digestAt = (at: string) =>
  writeAccessLogDigest({ chains: dynamoAccessLogChains, digests: s3DigestStore, clock: { now: () => new Date(at) }, retentionSeconds: ACCESS_LOG_RETENTION });

describe('write-access-log-digest', () => {
  it('writes the previous Japan day\'s digest of every chain head, locked for the retention period', async () => {
    const put = vi.spyOn(s3DigestStore, 'put');
    const before = Date.now();
    const outcome = await handler();
    const date = previousJapanDay(new Date());
    expect(outcome).toEqual({ written: true, date });
    const digest = (await s3DigestStore.get(date)) as AccessLogDigest;
    const chains = await storedChains();
    expect(digest.chains).toEqual([...chains.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([chainId, chain]) => ({
      chainId, seq: chain.at(-1)!.seq, hash: chain.at(-1)!.hash,
    })));
    const { digestHash, ...body } = digest;
    expect(hashAccessLogDigest(body)).toBe(digestHash);
    expect(digest.previousDigestHash).toBe(GENESIS_HASH);
    // Locked as long as the entries it vouches for are kept: five years unless configured.
    expect(ACCESS_LOG_RETENTION).toBe(ACCESS_LOG_RETENTION_SECONDS);
    const retainUntil = put.mock.calls[0]![1].getTime();
    expect(retainUntil).toBeGreaterThanOrEqual(before + ACCESS_LOG_RETENTION_SECONDS * 1000);
    expect(retainUntil).toBeLessThanOrEqual(Date.now() + ACCESS_LOG_RETENTION_SECONDS * 1000);
    put.mockRestore();
  });

  it('a second run the same day writes nothing and leaves the digest as it was', async () => {
    const date = previousJapanDay(new Date());
    const first = await s3DigestStore.get(date);
    await appendEntries(3, 100);
    expect(await handler()).toEqual({ written: false, date });
    expect(await s3DigestStore.get(date)).toEqual(first);
  });

  it('the digest covers the day before the Japan date of the run: 00:30 JST on the 21st closes the 20th', async () => {
    expect(previousJapanDay(new Date('2026-11-20T15:30:00Z'))).toBe('2026-11-20');
    expect(previousJapanDay(new Date('2026-11-20T14:59:59Z'))).toBe('2026-11-19');
  });

  it('each digest links to the one before it by hash', async () => {
    const first = await digestAt('2026-10-02T01:00:00Z');
    await appendEntries(2, 200);
    const second = await digestAt('2026-10-03T01:00:00Z');
    expect(first.written && second.written).toBe(true);
    if (!first.written || !second.written) return;
    expect(second.digest.date).toBe('2026-10-02');
    expect(first.digest.previousDigestHash).toBe(GENESIS_HASH);
    expect(second.digest.previousDigestHash).toBe(first.digest.digestHash);
  });

  it('a digest another run wrote first (S3 answers 412 to If-None-Match) is not written again', async () => {
    const mock = mockClient(S3Client);
    mock.on(ListObjectsV2Command).resolves({ Contents: [] });
    mock.on(PutObjectCommand).rejects(Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } }));
    try {
      expect(await digestAt('2026-09-02T01:00:00Z')).toEqual({ written: false, date: '2026-09-01' });
      expect(mock.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ IfNoneMatch: '*', ObjectLockMode: 'COMPLIANCE' });
    } finally {
      mock.restore();
    }
  });
});

describe('retention of the access log, configured', () => {
  it('DESK_ACCESS_LOG_RETENTION_DAYS sets the entries\' expiry and the digest\'s lock', async () => {
    vi.resetModules();
    process.env.DESK_ACCESS_LOG_RETENTION_DAYS = '30';
    try {
      await freshBuckets();
      const repository = await import('../../functions/adapters/access-log-repository');
      expect(repository.ACCESS_LOG_RETENTION).toBe(30 * 86_400);
      const at = new Date().toISOString();
      await repository.dynamoAccessLog.append({ actor: 'retention-check', role: 'officer', action: 'read', subjects: ['s'], fields: ['f'], reason: 'retention', sourceIp: '203.0.113.1', at });
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
