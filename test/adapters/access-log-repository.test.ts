// The access log against DynamoDB Local: concurrent appends all land, each chain gapless and linked
// by hash, and an existing entry is never overwritten.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_CHAINS,
  dynamoAccessLog,
  dynamoAccessLogChains,
  MAX_APPEND_ATTEMPTS,
} from '../../functions/adapters/access-log-repository';
import { dynamo, tableName } from '../../functions/adapters/clients';
import {
  type AccessLogEntry,
  type ChainedAccessLogEntry,
  GENESIS_HASH,
  hashAccessLogEntry,
} from '../../functions/domain/access-log/entry';
import type { AccessLogDigestStore } from '../../functions/domain/access-log/ports';
import { verifyAccessLog } from '../../functions/domain/access-log/verification';
import { japanDay } from '../../functions/domain/kernel/calendar';
import { AccessLogBusyError } from '../../functions/domain/kernel/problems';
import { freshTables } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const entry = (n: number): AccessLogEntry => ({
  actor: `staff-${n % 3}`,
  role: 'operator',
  action: 'read',
  subjects: [`request:r-${n}`],
  fields: ['requester', 'subject'],
  reason: `test ${n}`,
  sourceIp: '203.0.113.10',
  at: new Date(Date.now() + n).toISOString(),
});

type Stored = ChainedAccessLogEntry;
const noDigests: AccessLogDigestStore = {
  slots: async () => [],
  get: async () => undefined,
  put: async () => 'written',
};

/** Checks every chain in the table: seq 1..n without gaps, each entry's hash over its content, linked to its predecessor. */
function expectIntactChains(items: Stored[]) {
  const chains = new Map<string, Stored[]>();
  for (const item of items) chains.set(item.chainId, [...(chains.get(item.chainId) ?? []), item]);
  for (const [chainId, chain] of chains) {
    expect(Number(/^chain-(\d+)$/.exec(chainId)?.[1])).toBeLessThan(ACCESS_LOG_CHAINS);
    chain.sort((a, b) => a.seq - b.seq);
    chain.forEach((e, i) => {
      expect(e.seq, chainId).toBe(i + 1);
      expect(e.previousHash, `${chainId} #${e.seq}`).toBe(i === 0 ? GENESIS_HASH : chain[i - 1]!.hash);
      const { hash, ...body } = e;
      expect(hashAccessLogEntry(body), `${chainId} #${e.seq}`).toBe(hash);
    });
  }
  return chains;
}

describe('access-log-repository', () => {
  it('20 concurrent appends all land; every chain is gapless and linked by hash', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, n) => dynamoAccessLog.append(entry(n))));
    const items = await scanAll<Stored>('access-log');
    expect(items).toHaveLength(20);
    expect(items.map((i) => i.reason).sort()).toEqual(Array.from({ length: 20 }, (_, n) => `test ${n}`).sort());
    expectIntactChains(items);
  });

  it('keeps chaining after a second burst, continuing each chain from its head', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, n) => dynamoAccessLog.append(entry(100 + n))));
    const items = await scanAll<Stored>('access-log');
    expect(items).toHaveLength(32);
    expectIntactChains(items);
  });

  it('a burst of 150 concurrent appends all land without an error, and the log verifies', async () => {
    const before = (await scanAll<Stored>('access-log')).length;
    const results = await Promise.allSettled(
      Array.from({ length: 150 }, (_, n) => dynamoAccessLog.append(entry(1000 + n))),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const items = await scanAll<Stored>('access-log');
    expect(items).toHaveLength(before + 150);
    expectIntactChains(items);
    const verification = await verifyAccessLog({
      chains: dynamoAccessLogChains,
      digests: noDigests,
      clock: { now: () => new Date() },
    });
    expect(verification).toMatchObject({ verified: true });
  }, 180_000);

  it(`an append that loses the race ${MAX_APPEND_ATTEMPTS} times, each on another chain, gives up with AccessLogBusyError`, async () => {
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(PutCommand, { TableName: tableName('access-log') })
        .rejects(
          Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' }),
        );
      await expect(dynamoAccessLog.append(entry(9000))).rejects.toBeInstanceOf(AccessLogBusyError);
      const chains = mock
        .commandCalls(PutCommand)
        .filter((c) => c.args[0].input.Item!.reason === 'test 9000')
        .map((c) => c.args[0].input.Item!.chainId as string);
      expect(chains).toHaveLength(MAX_APPEND_ATTEMPTS);
      chains.slice(1).forEach((chainId, i) => expect(chainId).not.toBe(chains[i]));
    } finally {
      mock.restore();
    }
  });

  it('stores the entry as given, with a retention expiry of five years', async () => {
    const given = entry(500);
    await dynamoAccessLog.append(given);
    const stored = (await scanAll<Stored>('access-log')).find((i) => i.reason === given.reason)!;
    expect(stored).toMatchObject(given);
    const years = (stored.expiresAt - Date.parse(given.at) / 1000) / (365 * 86_400);
    expect(years).toBeCloseTo(5, 5);
    expect(stored.day).toBe(japanDay(new Date(given.at)));
  });

  it('an entry cannot be overwritten by an append-style conditional put', async () => {
    const [head] = await scanAll<Stored>('access-log');
    const forged = { ...head!, reason: 'rewritten' };
    await expect(
      dynamo().send(
        new PutCommand({
          TableName: tableName('access-log'),
          Item: forged,
          ConditionExpression: 'attribute_not_exists(chainId)',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(
      (await scanAll<Stored>('access-log')).find((i) => i.chainId === head!.chainId && i.seq === head!.seq)!.reason,
    ).toBe(head!.reason);
  });

  it('a tampered entry shows: its hash no longer matches its content', async () => {
    const items = await scanAll<Stored>('access-log');
    const victim = { ...items[0]!, actor: 'someone-else' };
    const { hash, ...body } = victim;
    expect(hashAccessLogEntry(body)).not.toBe(hash);
  });
});
