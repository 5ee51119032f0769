// The exports table (one item per export request) and the personal-data reads of a download. A
// request is written with its e-mail in one transaction; every later change is conditional on the
// version read, and the download also on the link being approved, unexpired and of the same token.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ExportedRecord, ExportHoldingsReader, ExportStore } from '../domain/exports/ports';
import type { ExportRequest } from '../domain/exports/rules';
import { StaleWriteError } from '../domain/kernel/problems';
import { dynamo, isLive, notExpired, queryAll, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

export const dynamoExports: ExportStore = {
  async get(exportId, now) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('exports'), Key: { exportId }, ConsistentRead: true }),
    );
    return isLive(Item, now) ? (Item as ExportRequest) : undefined;
  },

  async listByStatus(status, now) {
    const live = notExpired(now);
    return queryAll<ExportRequest>({
      TableName: tableName('exports'),
      IndexName: 'byStatus',
      KeyConditionExpression: '#status = :status',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':status': status },
    });
  },

  async create(request, message) {
    await transactOrStale([
      {
        Put: { TableName: tableName('exports'), Item: request, ConditionExpression: 'attribute_not_exists(exportId)' },
      },
      outboxPut(message),
    ]);
  },

  async decide(next, expectedVersion, message) {
    await transactOrStale([
      {
        Put: {
          TableName: tableName('exports'),
          Item: next,
          ConditionExpression: '#version = :expected AND #status = :requested',
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: { ':expected': expectedVersion, ':requested': 'requested' },
        },
      },
      outboxPut(message),
    ]);
  },

  async markDownloaded(next, expectedVersion) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName('exports'),
          Item: next,
          ConditionExpression:
            '#version = :expected AND #status = :approved AND tokenHash = :tokenHash AND linkExpiresAt > :at',
          ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
          ExpressionAttributeValues: {
            ':expected': expectedVersion,
            ':approved': 'approved',
            ':tokenHash': next.tokenHash,
            ':at': next.downloadedAt,
          },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new StaleWriteError();
      throw error;
    }
  },
};

/** Live records of the named categories only: other categories' values never leave the table. */
export const dynamoExportHoldings: ExportHoldingsReader = {
  async recordsOf(subjectId, categories, now) {
    if (categories.length === 0) return [];
    const live = notExpired(now);
    const names = categories.map((_, i) => `:c${i}`);
    const records = await queryAll<ExportedRecord>({
      TableName: tableName('personal-data'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: `(${live.FilterExpression}) AND #category IN (${names.join(', ')})`,
      ProjectionExpression: 'recordId, #category, #value, #source, sourceDetail, purposes, acquiredAt',
      ExpressionAttributeNames: { '#category': 'category', '#value': 'value', '#source': 'source' },
      ExpressionAttributeValues: {
        ...live.ExpressionAttributeValues,
        ':subject': subjectId,
        ...Object.fromEntries(categories.map((c, i) => [names[i]!, c])),
      },
      ConsistentRead: true,
    });
    return records.sort((a, b) => a.recordId.localeCompare(b.recordId));
  },
};
