// The personal-data table: registering records (one transaction per registration), reading a
// subject's live records, setting their expiry, and what a use check needs (purposes, never values).
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { StoredPersonalDataRecord } from '../domain/holdings';
import { StaleWriteError } from '../domain/kernel/problems';
import type {
  PersonalDataBatchRegistry,
  PersonalDataExpiry,
  PersonalDataRegistry,
  RecordKey,
  RecordPurposes,
  RecordUseReader,
} from '../domain/personal-data/ports';
import { dynamo, notExpired, queryAll, tableName } from './clients';
import { type TransactItem, transactOrStale } from './transactions';

const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

/** The items of a registration: new records only where their id is free, unchanged ones as read. */
function registrationItems(records: StoredPersonalDataRecord[], unchanged: StoredPersonalDataRecord[]): TransactItem[] {
  const TableName = tableName('personal-data');
  const now = epochSeconds(new Date());
  return [
    // Never replaces: a record id taken meanwhile fails the whole registration.
    ...records.map((Item) => ({ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(recordId)' } })),
    // A record found identical must still be there, live and as read, when the new ones are written.
    ...unchanged.map((r) => ({
      ConditionCheck: {
        TableName,
        Key: { subjectId: r.subjectId, recordId: r.recordId },
        ConditionExpression:
          'attribute_exists(recordId) AND attribute_not_exists(erasureReason) AND (attribute_not_exists(expiresAt) OR expiresAt > :now) AND #value = :value AND #category = :category',
        ExpressionAttributeNames: { '#value': 'value', '#category': 'category' },
        ExpressionAttributeValues: { ':now': now, ':value': r.value, ':category': r.category },
      },
    })),
  ];
}

/** Tries of a transaction another one on the same items cancelled (TransactionConflict), before giving up. */
const CONFLICT_TRIES = 4;

async function batchGetRecords(keys: RecordKey[]): Promise<StoredPersonalDataRecord[]> {
  const table = tableName('personal-data');
  const unique = [...new Map(keys.map((k) => [`${k.subjectId}\u0000${k.recordId}`, k])).values()];
  const found: StoredPersonalDataRecord[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let pending: Record<string, unknown>[] | undefined = unique
      .slice(i, i + 100)
      .map(({ subjectId, recordId }) => ({ subjectId, recordId }));
    while (pending && pending.length > 0) {
      const page: BatchGetCommandOutput = await dynamo().send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      found.push(...((page.Responses?.[table] ?? []) as StoredPersonalDataRecord[]));
      pending = page.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}

export const dynamoPersonalData: PersonalDataRegistry &
  PersonalDataBatchRegistry &
  PersonalDataExpiry &
  RecordUseReader = {
  async register(records: StoredPersonalDataRecord[], unchanged: StoredPersonalDataRecord[] = []) {
    await transactOrStale(registrationItems(records, unchanged));
  },

  storedRecordsAt: batchGetRecords,

  async registerMany(records, unchanged) {
    const all = [...records, ...unchanged];
    if (all.length === 0) return [];
    const items = registrationItems(records, unchanged);
    for (let attempt = 1; ; attempt++) {
      try {
        await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
        return [];
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
        // Reasons come in the order of the items: which records lost their condition.
        const lost = all.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed');
        if (lost.length > 0) return lost.map(({ subjectId, recordId }) => ({ subjectId, recordId }));
        if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw error;
        if (attempt >= CONFLICT_TRIES) throw new StaleWriteError();
        await new Promise((done) => setTimeout(done, 20 * attempt * (1 + Math.random())));
      }
    }
  },

  storedRecords(subjectId, recordIds) {
    return batchGetRecords(recordIds.map((recordId) => ({ subjectId, recordId })));
  },

  liveRecordsOf(subjectId, now) {
    const live = notExpired(now);
    return queryAll<StoredPersonalDataRecord>({
      TableName: tableName('personal-data'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId },
      ConsistentRead: true,
    });
  },

  async setExpiry(subjectId, recordId, expiresAt) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName('personal-data'),
          Key: { subjectId, recordId },
          ...(expiresAt === undefined
            ? { UpdateExpression: 'REMOVE expiresAt' }
            : {
                UpdateExpression: 'SET expiresAt = :expiresAt',
                ExpressionAttributeValues: { ':expiresAt': expiresAt },
              }),
          // Never recreate a deleted record, nor move the expiry of one being erased.
          ConditionExpression: 'attribute_exists(recordId) AND attribute_not_exists(erasureReason)',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  },

  livePurposesOf(subjectId, category, now) {
    const live = notExpired(now);
    return queryAll<RecordPurposes>({
      TableName: tableName('personal-data'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: `#category = :category AND (${live.FilterExpression})`,
      ProjectionExpression: 'recordId, purposes',
      ExpressionAttributeNames: { '#category': 'category' },
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId, ':category': category },
    });
  },

  async hasExpiredRecord(subjectId, category, now) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamo().send(
        new QueryCommand({
          TableName: tableName('personal-data'),
          KeyConditionExpression: 'subjectId = :subject',
          FilterExpression: '#category = :category AND expiresAt <= :now',
          // Keys, category and expiry only: whether it is there, never what it holds.
          ProjectionExpression: 'subjectId, recordId, #category, expiresAt',
          ExpressionAttributeNames: { '#category': 'category' },
          ExpressionAttributeValues: { ':subject': subjectId, ':category': category, ':now': epochSeconds(now) },
          ExclusiveStartKey,
        }),
      );
      if ((page.Items ?? []).length > 0) return true;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return false;
  },
};
