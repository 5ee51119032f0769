// Appends to the access log. Entries are spread over several hash chains so writers do not queue
// behind one head; each append is a conditional put of the next sequence number, retried on another
// chain when another writer took it first. Nothing here updates or deletes. Reading is for the listing (byDay
// index), the digests (chain heads) and verification (whole chains).

import { randomInt } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  type AccessLogEntry,
  accessLogRetentionSeconds,
  type ChainedAccessLogEntry,
  chainAccessLogEntry,
} from '../domain/access-log/entry';
import type {
  AccessLogChains,
  AccessLogSearch,
  AccessLogWriter,
  ListedAccessLogEntry,
} from '../domain/access-log/ports';
import type { IncidentTimelineSearch } from '../domain/incidents/timeline';
import { AccessLogBusyError } from '../domain/kernel/problems';
import { dynamo, queryAll, tableName } from './clients';

/**
 * Desk policy: chains an append may land on. Each append picks one at random and, when another
 * writer took that chain's next sequence number, tries another chain: with 16, bursts of staff reads
 * (some hundred a second) rarely meet on one head. Only ever raise it: chains are named by number,
 * and verification walks every name listed here.
 */
export const ACCESS_LOG_CHAINS = 16;
const CHAIN_IDS = Array.from({ length: ACCESS_LOG_CHAINS }, (_, i) => `chain-${i}`);
/** Entries one listing read evaluates (before its actor and subject filters). */
const LISTING_READ_SIZE = 200;
/** Desk policy: conditional puts one append tries, each on a freshly chosen chain, before giving up with AccessLogBusyError. */
export const MAX_APPEND_ATTEMPTS = 10;

/** DESK_ACCESS_LOG_RETENTION_DAYS, read at load so a bad setting fails the function's start. */
export const ACCESS_LOG_RETENTION = accessLogRetentionSeconds(process.env.DESK_ACCESS_LOG_RETENTION_DAYS);

/** The stored item as the hash covers it: every attribute. */
const chained = (item: Record<string, unknown>) => item as unknown as ChainedAccessLogEntry;

async function chainHead(chainId: string) {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName('access-log'),
      KeyConditionExpression: 'chainId = :chain',
      ExpressionAttributeValues: { ':chain': chainId },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  const head = Items?.[0];
  return head ? { seq: head.seq as number, hash: head.hash as string } : undefined;
}

/** A chain other than `last`, at random, so racers for one head spread over the others. */
function pickChain(last: string | undefined): string {
  const others = last === undefined ? CHAIN_IDS : CHAIN_IDS.filter((id) => id !== last);
  return others[randomInt(others.length)]!;
}

export const dynamoAccessLog: AccessLogWriter = {
  async append(entry: AccessLogEntry) {
    let chainId: string | undefined;
    for (let attempt = 1; ; attempt++) {
      chainId = pickChain(chainId);
      const item = chainAccessLogEntry(entry, chainId, await chainHead(chainId), ACCESS_LOG_RETENTION);
      try {
        await dynamo().send(
          new PutCommand({
            TableName: tableName('access-log'),
            Item: item,
            ConditionExpression: 'attribute_not_exists(chainId)',
          }),
        );
        return;
      } catch (error) {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
        if (attempt >= MAX_APPEND_ATTEMPTS) throw new AccessLogBusyError();
        // Another writer took this sequence number: back off a short random while, then try another chain.
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
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName('access-log'),
          KeyConditionExpression: 'chainId = :chain AND seq >= :from',
          ExpressionAttributeValues: { ':chain': chainId, ':from': fromSeq },
          ConsistentRead: true,
          ExclusiveStartKey,
        }),
      );
      yield (page.Items ?? []).map(chained);
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  },
};

/** A stored entry as listed: without its chain links, index day and expiry. */
function listed(item: Record<string, unknown>): ListedAccessLogEntry {
  const { previousHash: _previousHash, hash: _hash, day: _day, expiresAt: _expiresAt, ...entry } = chained(item);
  return entry as ListedAccessLogEntry;
}

export const dynamoAccessLogSearch: AccessLogSearch = {
  async page({ day, from, to, actor, subject, after, now }) {
    const filters = [
      // Entries past retention wait for the TTL sweep; they are not listed meanwhile (docs/architecture.md).
      'expiresAt > :now',
      ...(actor ? ['actor = :actor'] : []),
      ...(subject ? ['contains(subjects, :subject)'] : []),
    ];
    const page = await dynamo().send(
      new QueryCommand({
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
        ...(after
          ? { ExclusiveStartKey: { day: after.day, at: after.at, chainId: after.chainId, seq: after.seq } }
          : {}),
      }),
    );
    const entries = (page.Items ?? []).map(listed);
    const last = page.LastEvaluatedKey;
    return {
      entries,
      ...(last
        ? {
            next: {
              day: last.day as string,
              at: last.at as string,
              chainId: last.chainId as string,
              seq: last.seq as number,
            },
          }
        : {}),
    };
  },
};

/** An incident's entries of one day: the day read whole through byDay, filtered on the incident's id. */
export const dynamoIncidentTimelineSearch: IncidentTimelineSearch = {
  async incidentEntries(day, incidentId, now) {
    const items = await queryAll<Record<string, unknown>>({
      TableName: tableName('access-log'),
      IndexName: 'byDay',
      KeyConditionExpression: '#day = :day',
      FilterExpression: 'incidentId = :incident AND expiresAt > :now',
      ExpressionAttributeNames: { '#day': 'day' },
      ExpressionAttributeValues: { ':day': day, ':incident': incidentId, ':now': Math.floor(now.getTime() / 1000) },
      ScanIndexForward: false,
    });
    return items.map(listed);
  },
};
