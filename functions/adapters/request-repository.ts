// Reads of the requests table. Writes go through the desk writer so they commit with their outbox.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RequestReader } from '../domain/requests/ports';
import type { DeskRequest, RequestStatus } from '../domain/requests/request';
import { dynamo, isLive, notExpired, queryAll, tableName } from './clients';

export const dynamoRequestReader: RequestReader = {
  async get(requestId: string, now: Date) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('requests'), Key: { requestId }, ConsistentRead: true }),
    );
    return isLive(Item, now) ? (Item as DeskRequest) : undefined;
  },

  async listByStatus(status: RequestStatus, now: Date) {
    const live = notExpired(now);
    return queryAll<DeskRequest>({
      TableName: tableName('requests'),
      IndexName: 'byStatus',
      KeyConditionExpression: '#status = :status',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':status': status },
    });
  },
};
