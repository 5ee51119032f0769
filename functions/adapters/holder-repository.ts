// The holder registry in the holders table: the current holder is the item 'holder', each version a
// copy 'version#0001'… kept for good (a fulfilment task names the version it went to), each
// supervision review 'review#<recordedAt>', and each overdue-review reminder sent 'reminder#<dueOn>'.
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { HolderReview } from '../domain/holders/contract';
import type { Holder } from '../domain/holders/holder';
import type { HolderRegistry, ReviewReminders } from '../domain/holders/ports';
import { StaleWriteError } from '../domain/kernel/problems';
import { dynamo, queryAll, tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

export const CURRENT = 'holder';
export const versionKey = (version: number) => `version#${String(version).padStart(4, '0')}`;
export const reviewKey = (recordedAt: string) => `review#${recordedAt}`;

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { itemKey: _itemKey, ...rest } = item;
  return rest as T;
}

async function scanHolders(retiredToo: boolean): Promise<Holder[]> {
  const items: Holder[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({
        TableName: tableName('holders'),
        FilterExpression: retiredToo ? 'itemKey = :current' : 'itemKey = :current AND attribute_not_exists(retiredAt)',
        ExpressionAttributeValues: { ':current': CURRENT },
        ExclusiveStartKey,
        ConsistentRead: true,
      }),
    );
    items.push(...(page.Items ?? []).map((i) => strip<Holder>(i)!));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.sort((a, b) => a.holderId.localeCompare(b.holderId));
}

const queryPrefix = <T>(holderId: string, prefix: string) =>
  queryAll<Record<string, unknown>>({
    TableName: tableName('holders'),
    KeyConditionExpression: 'holderId = :id AND begins_with(itemKey, :prefix)',
    ExpressionAttributeValues: { ':id': holderId, ':prefix': prefix },
    ConsistentRead: true,
  }).then((items) => items.map((i) => strip<T>(i)!));

export const dynamoHolders: HolderRegistry = {
  async get(holderId) {
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('holders'), Key: { holderId, itemKey: CURRENT }, ConsistentRead: true }),
    );
    return strip<Holder>(Item);
  },

  list: () => scanHolders(false),
  all: () => scanHolders(true),

  async version(holderId, version) {
    const { Item } = await dynamo().send(
      new GetCommand({
        TableName: tableName('holders'),
        Key: { holderId, itemKey: versionKey(version) },
        ConsistentRead: true,
      }),
    );
    return strip<Holder>(Item);
  },

  versions: (holderId) => queryPrefix<Holder>(holderId, 'version#'),

  async add(holder) {
    try {
      await transactOrStale([
        {
          Put: {
            TableName: tableName('holders'),
            Item: { ...holder, itemKey: CURRENT },
            ConditionExpression: 'attribute_not_exists(holderId)',
          },
        },
        {
          Put: {
            TableName: tableName('holders'),
            Item: { ...holder, itemKey: versionKey(holder.version) },
            ConditionExpression: 'attribute_not_exists(holderId)',
          },
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  },

  async replace(holder) {
    await transactOrStale([
      {
        Put: {
          TableName: tableName('holders'),
          Item: { ...holder, itemKey: CURRENT },
          ConditionExpression: 'version = :previous',
          ExpressionAttributeValues: { ':previous': holder.version - 1 },
        },
      },
      {
        Put: {
          TableName: tableName('holders'),
          Item: { ...holder, itemKey: versionKey(holder.version) },
          ConditionExpression: 'attribute_not_exists(holderId)',
        },
      },
    ]);
  },

  reviews: (holderId) => queryPrefix<HolderReview>(holderId, 'review#'),

  async addReview(review) {
    try {
      await transactOrStale([
        {
          Put: {
            TableName: tableName('holders'),
            Item: { ...review, itemKey: reviewKey(review.recordedAt) },
            ConditionExpression: 'attribute_not_exists(holderId)',
          },
        },
        // The holder must still be there and not retired when the review lands.
        {
          ConditionCheck: {
            TableName: tableName('holders'),
            Key: { holderId: review.holderId, itemKey: CURRENT },
            ConditionExpression: 'attribute_exists(holderId) AND attribute_not_exists(retiredAt)',
          },
        },
      ]);
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  },
};

export const dynamoReviewReminders: ReviewReminders = {
  async remind(holderId, dueOn, message, now) {
    try {
      await transactOrStale([
        {
          Put: {
            TableName: tableName('holders'),
            Item: { holderId, itemKey: `reminder#${dueOn}`, messageId: message.messageId, at: now.toISOString() },
            ConditionExpression: 'attribute_not_exists(holderId)',
          },
        },
        outboxPut(message),
      ]);
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  },
};
