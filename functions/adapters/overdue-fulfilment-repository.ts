// The overdue reminder's reads and its one write: unfinished tasks by state (the byState index,
// projected to ids and state), the requests they belong to (ids, type, due date, assignee, the mark),
// the reminder's mark written with its e-mails, and the staff to tell.
import { BatchGetCommand, type BatchGetCommandOutput, GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  type OverdueFulfilmentStore,
  type OverdueRequestSummary,
  type OverdueStaff,
  UNFINISHED_TASK_STATES,
  type UnfinishedTask,
} from '../domain/fulfilment/overdue-reminders';
import type { HolderProgressReader } from '../domain/requests/request-report';
import { dynamo, isLive, notExpired, queryAll, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { dynamoStaffRoster } from './request-report-repository';
import { dynamoTaskTracker } from './task-tracking-repository';
import { transactOrStale } from './transactions';

/** DynamoDB's BatchGetItem takes at most 100 keys. */
const BATCH_KEYS = 100;

export const dynamoOverdueFulfilmentStore: OverdueFulfilmentStore = {
  async unfinishedTasks(now) {
    const live = notExpired(now);
    const found = await Promise.all(
      UNFINISHED_TASK_STATES.map((state) =>
        queryAll<UnfinishedTask>({
          TableName: tableName('fulfilment-tasks'),
          IndexName: 'byState',
          KeyConditionExpression: 'taskState = :state',
          FilterExpression: live.FilterExpression,
          ProjectionExpression: 'taskId, requestId, holderId, holderName, taskState',
          ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':state': state },
        }),
      ),
    );
    return found.flat();
  },

  async requests(requestIds, now) {
    const table = tableName('requests');
    const out: OverdueRequestSummary[] = [];
    for (let i = 0; i < requestIds.length; i += BATCH_KEYS) {
      let keys: Record<string, unknown>[] | undefined = requestIds
        .slice(i, i + BATCH_KEYS)
        .map((requestId) => ({ requestId }));
      while (keys?.length) {
        const answer: BatchGetCommandOutput = await dynamo().send(
          new BatchGetCommand({
            RequestItems: {
              [table]: {
                Keys: keys,
                ConsistentRead: true,
                ProjectionExpression: 'requestId, #type, dueAt, assignee, remindedHoldersOverdueAt, expiresAt',
                ExpressionAttributeNames: { '#type': 'type' },
              },
            },
          }),
        );
        for (const item of answer.Responses?.[table] ?? []) {
          if (!isLive(item as { expiresAt?: number }, now)) continue;
          const { expiresAt: _expiresAt, ...summary } = item;
          out.push(summary as OverdueRequestSummary);
        }
        keys = answer.UnprocessedKeys?.[table]?.Keys;
      }
    }
    return out;
  },

  holderNames: dynamoTaskTracker.holderNames,

  async recordReminder(requestId, messages, now) {
    // Only the mark is written, never the version: releasing the answer at the same moment must not
    // fail because a reminder went out. The mark's absence is the condition that makes it once.
    await transactOrStale([
      {
        Update: {
          TableName: tableName('requests'),
          Key: { requestId },
          UpdateExpression: 'SET remindedHoldersOverdueAt = :now',
          ConditionExpression: 'attribute_exists(requestId) AND attribute_not_exists(remindedHoldersOverdueAt)',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        },
      },
      ...messages.map(outboxPut),
    ]);
  },
};

export const dynamoOverdueStaff: OverdueStaff = {
  activeEmails: dynamoStaffRoster.activeEmails,
  async activeEmailOf(staffId) {
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: tableName('staff'),
        Key: { staffId },
        ConsistentRead: true,
        ProjectionExpression: 'email, #status',
        ExpressionAttributeNames: { '#status': 'status' },
      }),
    );
    return Item?.status === 'active' && typeof Item.email === 'string' ? Item.email : undefined;
  },
};

/** The report's view of the same: each request with unfinished tasks, its due date and how many. */
export const dynamoHolderProgress: HolderProgressReader = {
  async unfinishedAtHolders(now) {
    const tasks = await dynamoOverdueFulfilmentStore.unfinishedTasks(now);
    const counts = new Map<string, number>();
    for (const t of tasks) counts.set(t.requestId, (counts.get(t.requestId) ?? 0) + 1);
    const requests = await dynamoOverdueFulfilmentStore.requests([...counts.keys()], now);
    return requests.map((r) => ({
      requestId: r.requestId,
      type: r.type,
      ...(r.dueAt ? { dueAt: r.dueAt } : {}),
      unfinished: counts.get(r.requestId)!,
    }));
  },
};
