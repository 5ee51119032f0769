// Appends to the access log. Entries are spread over a few hash chains so writers do not queue
// behind one head; each append is a conditional put of the next sequence number, retried when
// another writer took it first. Nothing here updates or deletes.
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomInt } from 'node:crypto';
import { chainAccessLogEntry, type AccessLogEntry } from '../domain/access-log';
import { japanDay } from '../domain/calendar';
import { ACCESS_LOG_RETENTION_SECONDS } from '../domain/law';
import type { AccessLogWriter } from '../domain/ports';
import { dynamo, tableName } from './clients';

export const ACCESS_LOG_CHAINS = 4;
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
    const chainId = `chain-${randomInt(ACCESS_LOG_CHAINS)}`;
    for (let attempt = 1; ; attempt++) {
      const chained = chainAccessLogEntry(entry, chainId, await chainHead(chainId));
      try {
        await dynamo().send(new PutCommand({
          TableName: tableName('access-log'),
          // day keys the byDay index; it and expiresAt are derived from `at`, so they stay outside the hash.
          Item: { ...chained, day: japanDay(new Date(entry.at)), expiresAt: Math.floor(Date.parse(entry.at) / 1000) + ACCESS_LOG_RETENTION_SECONDS },
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
