// Reads fulfilment tasks. Changes go through the DeskWriter (desk-writer.ts), conditional on the
// task's version, in one transaction with the request when a task settles.
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { FulfilmentTask } from '../domain/fulfilment/task';
import type { FulfilmentTaskReader } from '../domain/fulfilment/task-store';
import { dynamo, queryAll, tableName } from './clients';

const TABLE = () => tableName('fulfilment-tasks');
/** BatchGetItem's limit per call. */
const BATCH = 100;

export const dynamoTaskReader: FulfilmentTaskReader = {
  async get(taskId) {
    const { Item } = await dynamo().send(new GetCommand({ TableName: TABLE(), Key: { taskId }, ConsistentRead: true }));
    return Item as FulfilmentTask | undefined;
  },

  async listByRequest(requestId) {
    // The index gives the ids; the items are then read consistently, since whether a task is the last
    // to settle must not be judged from an index that lags.
    const keys = await queryAll<{ taskId: string }>({
      TableName: TABLE(),
      IndexName: 'byRequest',
      KeyConditionExpression: 'requestId = :r',
      ExpressionAttributeValues: { ':r': requestId },
      ProjectionExpression: 'taskId',
    });
    const tasks: FulfilmentTask[] = [];
    for (let i = 0; i < keys.length; i += BATCH) {
      let pending: Record<string, unknown>[] | undefined = keys.slice(i, i + BATCH).map(({ taskId }) => ({ taskId }));
      while (pending?.length) {
        const page: BatchGetCommandOutput = await dynamo().send(
          new BatchGetCommand({ RequestItems: { [TABLE()]: { Keys: pending, ConsistentRead: true } } }),
        );
        tasks.push(...((page.Responses?.[TABLE()] ?? []) as FulfilmentTask[]));
        pending = page.UnprocessedKeys?.[TABLE()]?.Keys;
      }
    }
    return tasks.sort((a, b) => a.holderId.localeCompare(b.holderId) || a.taskId.localeCompare(b.taskId));
  },

  async due(state, now, limit) {
    const { Items = [] } = await dynamo().send(
      new QueryCommand({
        TableName: TABLE(),
        IndexName: 'byState',
        KeyConditionExpression: 'taskState = :s AND nextContactAt <= :now',
        ExpressionAttributeValues: { ':s': state, ':now': now.toISOString() },
        ProjectionExpression: 'taskId',
        Limit: limit,
      }),
    );
    // Read again consistently: the index may lag a change another worker just made.
    const tasks = await Promise.all(Items.map((item) => dynamoTaskReader.get(item.taskId as string)));
    return tasks.filter((t): t is FulfilmentTask => t?.taskState === state);
  },
};
