// The staff's read of a request's fulfilment tasks (the byRequest index) and of the holders' names
// (the holders table's 'holder' items).
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { FulfilmentTask } from '../domain/fulfilment/task';
import type { TaskTracker } from '../domain/fulfilment/tracking';
import { dynamo, isLive, queryAll, tableName } from './clients';

/** DynamoDB's BatchGetItem takes at most 100 keys. */
const BATCH_KEYS = 100;

export const dynamoTaskTracker: TaskTracker = {
  async tasksOf(requestId, now) {
    const keys = await queryAll<{ taskId: string }>({
      TableName: tableName('fulfilment-tasks'),
      IndexName: 'byRequest',
      KeyConditionExpression: 'requestId = :requestId',
      ExpressionAttributeValues: { ':requestId': requestId },
      ProjectionExpression: 'taskId',
    });
    // The index may lag its table: each task is read from the table itself, consistently.
    const tasks = await Promise.all(
      keys.map(async ({ taskId }) => {
        const { Item } = await dynamo().send(
          new GetCommand({ TableName: tableName('fulfilment-tasks'), Key: { taskId }, ConsistentRead: true }),
        );
        return Item as FulfilmentTask | undefined;
      }),
    );
    return tasks.filter((t): t is FulfilmentTask => isLive(t, now));
  },

  async holderNames(holderIds) {
    const names: Record<string, string> = {};
    for (let i = 0; i < holderIds.length; i += BATCH_KEYS) {
      let keys: Record<string, unknown>[] | undefined = holderIds
        .slice(i, i + BATCH_KEYS)
        .map((holderId) => ({ holderId, itemKey: 'holder' }));
      while (keys?.length) {
        const table = tableName('holders');
        const answer: BatchGetCommandOutput = await dynamo().send(
          new BatchGetCommand({
            RequestItems: {
              [table]: {
                Keys: keys,
                ProjectionExpression: 'holderId, #name',
                ExpressionAttributeNames: { '#name': 'name' },
              },
            },
          }),
        );
        for (const item of answer.Responses?.[table] ?? []) {
          if (typeof item.holderId === 'string' && typeof item.name === 'string') names[item.holderId] = item.name;
        }
        keys = answer.UnprocessedKeys?.[table]?.Keys;
      }
    }
    return names;
  },
};
