// Appends to the access log. Entries are spread over a few hash chains so writers do not queue
// behind one head; each append is a conditional put of the next sequence number, retried when
// another writer took it first. Nothing here updates or deletes. Reading is for the listing (byDay
// index), the daily digest (chain heads) and verification (whole chains).
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { accessLogRetentionSeconds, chainAccessLogEntry, type AccessLogEntry, type ChainedAccessLogEntry } from '../domain/access-log';
import type { AccessLogChains, AccessLogSearch, ListedAccessLogEntry } from '../domain/access-log-ports';
import { japanDay } from '../domain/calendar';
import type { AccessLogWriter } from '../domain/ports';
import { dynamo, tableName } from './clients';

export const ACCESS_LOG_CHAINS = 4;
const CHAIN_IDS = Array.from({ length: ACCESS_LOG_CHAINS }, (_, i) => `chain-${i}`);
/** Entries one listing read evaluates (before its actor and subject filters). */
const LISTING_READ_SIZE = 200;

/** DESK_ACCESS_LOG_RETENTION_DAYS, read at load so a bad setting fails the function's start. */
export const ACCESS_LOG_RETENTION = accessLogRetentionSeconds(process.env.DESK_ACCESS_LOG_RETENTION_DAYS);

/** Attributes derived from `at` for the index and TTL; they are kept outside the hash. */
function chained(item: Record<string, unknown>): ChainedAccessLogEntry {
  const { day: _day, expiresAt: _expiresAt, ...entry } = item;
  return entry as unknown as ChainedAccessLogEntry;
}
const MAX_APPEND_ATTEMPTS = 10;

async function chainHead(chainId: string) {
  const { Items } = await dynamo().send(new QueryCommand({
    TableName: tableName('access-log'),
    KeyConditionExpression: 'chainId = :chain',
    ExpressionAttributeValues: { ':chain': chainId },
    ScanIndexForward: false,
    Limit: 1,
    ConsistentRead: true,
  }));
  const head = Items?.[0];
  return head ? { seq: head.seq as number, hash: head.hash as string } : undefined;
}

export const dynamoAccessLog: AccessLogWriter = {
  async append(entry: AccessLogEntry) {
    const chainId = CHAIN_IDS[randomInt(ACCESS_LOG_CHAINS)]!;
    for (let attempt = 1; ; attempt++) {
      const chained = chainAccessLogEntry(entry, chainId, await chainHead(chainId));
      try {
        await dynamo().send(new PutCommand({
          TableName: tableName('access-log'),
          // day keys the byDay index; it and expiresAt are derived from `at`, so they stay outside the hash.
          Item: { ...chained, day: japanDay(new Date(entry.at)), expiresAt: Math.floor(Date.parse(entry.at) / 1000) + ACCESS_LOG_RETENTION },
          ConditionExpression: 'attribute_not_exists(chainId)',
        }));
        return;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException' || attempt >= MAX_APPEND_ATTEMPTS) throw error;
        // Another writer took this sequence number: back off a random while so racers spread out.
        await new Promise((resolve) => setTimeout(resolve, randomInt(5, 20) * attempt));
      }
    }
  },
};

export const dynamoAccessLogChains: AccessLogChains = {
  chainIds: () => CHAIN_IDS,
  head: async (chainId) => {
    const head = await chainHead(chainId);
    return head && { chainId, ...head };
  },
  async *entries(chainId: string, fromSeq: number) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(new QueryCommand({
        TableName: tableName('access-log'),
        KeyConditionExpression: 'chainId = :chain AND seq >= :from',
        ExpressionAttributeValues: { ':chain': chainId, ':from': fromSeq },
        ConsistentRead: true,
        ExclusiveStartKey,
      }));
      yield (page.Items ?? []).map(chained);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  },
};

export const dynamoAccessLogSearch: AccessLogSearch = {
  async page({ day, from, to, actor, subject, after, now }) {
    const filters = [
      // Entries past retention wait for the TTL sweep; they are not listed meanwhile (DESIGN §3).
      'expiresAt > :now',
      ...(actor ? ['actor = :actor'] : []),
      ...(subject ? ['contains(subjects, :subject)'] : []),
    ];
    const page = await dynamo().send(new QueryCommand({
      TableName: tableName('access-log'),
      IndexName: 'byDay',
      KeyConditionExpression: '#day = :day AND #at BETWEEN :from AND :to',
      FilterExpression: filters.join(' AND '),
      ExpressionAttributeNames: { '#day': 'day', '#at': 'at' },
      ExpressionAttributeValues: {
        ':day': day,
        ':from': from,
        ':to': to,
        ':now': Math.floor(now.getTime() / 1000),
        ...(actor ? { ':actor': actor } : {}),
        ...(subject ? { ':subject': subject } : {}),
      },
      ScanIndexForward: false,
      Limit: LISTING_READ_SIZE,
      ...(after ? { ExclusiveStartKey: { day: after.day, at: after.at, chainId: after.chainId, seq: after.seq } } : {}),
    }));
    const entries = (page.Items ?? []).map((item) => {
      const { previousHash: _previousHash, hash: _hash, ...listed } = chained(item);
      return listed as ListedAccessLogEntry;
    });
    const last = page.LastEvaluatedKey;
    return { entries, ...(last ? { next: { day: last.day as string, at: last.at as string, chainId: last.chainId as string, seq: last.seq as number } } : {}) };
  },
};
