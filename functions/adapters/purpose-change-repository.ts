// What carrying a purpose change to the records needs of the tables: a Scan of personal data for the
// live records carrying a purpose (keys, purposes and dates only, never values), conditional updates
// of their expiry, the subject's live e-mail addresses, and outbox puts that happen once per id.
import { PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OutboxMessage } from '../domain/outbox';
import type { AffectedRecord, AffectedRecordStore, NotificationOutbox } from '../domain/purposes/ports';
import type { RolloutCursor } from '../domain/purposes/registry';
import { dynamo, queryAll, tableName } from './clients';
import { PENDING } from './outbox-repository';

const conditionFailed = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';
const epochSeconds = (now: Date) => Math.floor(now.getTime() / 1000);

export const dynamoAffectedRecords: AffectedRecordStore = {
  async page(purposeId, now, cursor, pageSize) {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: tableName('personal-data'),
        ConsistentRead: true,
        Limit: pageSize,
        ...(cursor ? { ExclusiveStartKey: { subjectId: cursor.subjectId, recordId: cursor.recordId } } : {}),
        ProjectionExpression: 'subjectId, recordId, purposes, acquiredAt, expiresAt',
        FilterExpression: 'contains(purposes, :purpose) AND (attribute_not_exists(expiresAt) OR expiresAt > :now)',
        ExpressionAttributeValues: { ':purpose': purposeId, ':now': epochSeconds(now) },
      }),
    );
    const last = page.LastEvaluatedKey as RolloutCursor | undefined;
    return {
      records: (page.Items ?? []) as AffectedRecord[],
      ...(last ? { next: { subjectId: last.subjectId, recordId: last.recordId } } : {}),
    };
  },

  async setExpiry(record: AffectedRecord, expiry) {
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    if (expiry.expiresAt !== undefined) {
      sets.push('expiresAt = :expiresAt');
      values[':expiresAt'] = expiry.expiresAt;
    }
    if (expiry.erasureReason) {
      sets.push('erasureReason = :reason');
      values[':reason'] = expiry.erasureReason;
    }
    const unchanged = record.expiresAt === undefined ? 'attribute_not_exists(expiresAt)' : 'expiresAt = :readExpiresAt';
    if (record.expiresAt !== undefined) values[':readExpiresAt'] = record.expiresAt;
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName('personal-data'),
          Key: { subjectId: record.subjectId, recordId: record.recordId },
          UpdateExpression: [
            sets.length ? `SET ${sets.join(', ')}` : '',
            expiry.expiresAt === undefined ? 'REMOVE expiresAt' : '',
          ]
            .join(' ')
            .trim(),
          // Never recreate an erased record, nor move an expiry someone else set since the Scan read it.
          ConditionExpression: `attribute_exists(recordId) AND attribute_not_exists(erasureReason) AND ${unchanged}`,
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  },

  async addressesOf(subjectId, now) {
    const records = await queryAll<{ value: string }>({
      TableName: tableName('personal-data'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: '#category = :email AND (attribute_not_exists(expiresAt) OR expiresAt > :now)',
      ProjectionExpression: '#value',
      ExpressionAttributeNames: { '#category': 'category', '#value': 'value' },
      ExpressionAttributeValues: { ':subject': subjectId, ':email': 'email', ':now': epochSeconds(now) },
      ConsistentRead: true,
    });
    return [...new Set(records.map((r) => r.value))];
  },
};

export const dynamoNotificationOutbox: NotificationOutbox = {
  async enqueueOnce(message: OutboxMessage) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName('outbox'),
          Item: { ...message, outboxState: PENDING, attempts: 0 },
          ConditionExpression: 'attribute_not_exists(messageId)',
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error)) return false;
      throw error;
    }
  },
};
