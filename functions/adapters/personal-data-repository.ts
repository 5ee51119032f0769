// The personal-data table: registering records (one transaction per registration), reading a
// subject's live records, setting their expiry, and what a use check needs (purposes, never values).
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredPersonalDataRecord } from '../domain/holdings';
import type {
  PersonalDataExpiry,
  PersonalDataRegistry,
  RecordPurposes,
  RecordUseReader,
} from '../domain/personal-data/ports';
import { dynamo, notExpired, queryAll, tableName } from './clients';

const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export const dynamoPersonalData: PersonalDataRegistry & PersonalDataExpiry & RecordUseReader = {
  async register(records: StoredPersonalDataRecord[]) {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: records.map((Item) => ({ Put: { TableName: tableName('personal-data'), Item } })),
      }),
    );
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
