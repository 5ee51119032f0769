// Helpers for the access-log tests: a digest bucket of the test's own in the S3 emulator, a log
// filled through the real append, and test-only raw writes that tamper with it as someone holding
// the table could.

import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoAccessLog } from '../../functions/adapters/access-log-repository';
import { s3 } from '../../functions/adapters/audit-bucket';
import { dynamo, tableName } from '../../functions/adapters/clients';
import type { AccessLogEntry, ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { createBuckets } from '../../local/buckets';
import { scanAll } from './requests';

export type StoredEntry = ChainedAccessLogEntry & { day: string; expiresAt: number };

/** Creates the desk's buckets under a prefix of their own and points the handlers at them. */
export async function freshBuckets(): Promise<void> {
  Object.assign(process.env, await createBuckets(s3(), `b${randomUUID().slice(0, 8)}-`));
}

export function logEntry(n: number, overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return {
    actor: `staff-${n % 3}`,
    role: 'operator',
    action: 'read',
    subjects: [`subject-${n % 5}`],
    fields: ['email'],
    reason: `test ${n}`,
    sourceIp: '203.0.113.10',
    at: new Date(Date.now() - 60_000 + n).toISOString(),
    ...overrides,
  };
}

/** Appends `count` entries through the repository, as the handlers do. */
export async function appendEntries(count: number, first = 0): Promise<void> {
  for (let n = first; n < first + count; n += 1) await dynamoAccessLog.append(logEntry(n));
}

/** Every chain as stored, each sorted by seq. */
export async function storedChains(): Promise<Map<string, StoredEntry[]>> {
  const chains = new Map<string, StoredEntry[]>();
  for (const e of await scanAll<StoredEntry>('access-log'))
    chains.set(e.chainId, [...(chains.get(e.chainId) ?? []), e]);
  for (const chain of chains.values()) chain.sort((a, b) => a.seq - b.seq);
  return chains;
}

/** The longest chain: tampering needs a middle and a tail. */
export async function longestChain(): Promise<StoredEntry[]> {
  return [...(await storedChains()).values()].sort((a, b) => b.length - a.length)[0]!;
}

/** Overwrites an entry in place, unconditionally: what IAM denies every desk function. */
export async function overwriteEntry(item: StoredEntry): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName('access-log'), Item: item }));
}

export async function deleteEntry(chainId: string, seq: number): Promise<void> {
  await dynamo().send(new DeleteCommand({ TableName: tableName('access-log'), Key: { chainId, seq } }));
}
