// The personal-data table: registering records (one transaction per registration), reading a
// subject's live records, setting their expiry, and what a use check needs (purposes, never values).
import { BatchGetCommand, type BatchGetCommandOutput, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredPersonalDataRecord } from '../domain/holdings';
import type {
  PersonalDataExpiry,
  PersonalDataRegistry,
  RecordPurposes,
  RecordUseReader,
} from '../domain/personal-data/ports';
import { dynamo, notExpired, queryAll, tableName } from './clients';
import { transactOrStale } from './transactions';

const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export const dynamoPersonalData: PersonalDataRegistry & PersonalDataExpiry & RecordUseReader = {
  async register(records: StoredPersonalDataRecord[], unchanged: StoredPersonalDataRecord[] = []) {
    const TableName = tableName('personal-data');
    const now = epochSeconds(new Date());
    await transactOrStale([
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
    ]);
  },

  async storedRecords(subjectId, recordIds) {
    const found: StoredPersonalDataRecord[] = [];
    const ids = [...new Set(recordIds)];
    for (let i = 0; i < ids.length; i += 100) {
      let keys: Record<string, unknown>[] | undefined = ids
        .slice(i, i + 100)
        .map((recordId) => ({ subjectId, recordId }));
      while (keys && keys.length > 0) {
        const page: BatchGetCommandOutput = await dynamo().send(
          new BatchGetCommand({
            RequestItems: { [tableName('personal-data')]: { Keys: keys, ConsistentRead: true } },
          }),
        );
        found.push(...((page.Responses?.[tableName('personal-data')] ?? []) as StoredPersonalDataRecord[]));
        keys = page.UnprocessedKeys?.[tableName('personal-data')]?.Keys;
      }
    }
    return found;
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
