// The staff's read of a request's fulfilment tasks (the byRequest index) and of the holders' names
// (the holders table's 'holder' items), and the conditional write of a task a person closed.
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FulfilmentTask } from '../domain/fulfilment/task';
import type { TaskTracker } from '../domain/fulfilment/tracking';
import { StaleWriteError } from '../domain/kernel/problems';
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
    const tasks = await Promise.all(keys.map(({ taskId }) => dynamoTaskTracker.get(taskId, now)));
    return tasks.filter((t): t is FulfilmentTask => !!t);
  },

  async get(taskId, now) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('fulfilment-tasks'), Key: { taskId }, ConsistentRead: true }),
    );
    return isLive(Item as FulfilmentTask | undefined, now) ? (Item as FulfilmentTask) : undefined;
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

  async replace(task, expectedVersion) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName('fulfilment-tasks'),
          Item: task,
          ConditionExpression: '#version = :expected',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expectedVersion },
        }),
      );
    } catch (error) {
      if ((error as Error).name === 'ConditionalCheckFailedException') throw new StaleWriteError();
      throw error;
    }
  },
};
