// The erasure path's reads and deletes. Reads project keys (and a record's category) only: verifying
// and cascading an erasure never needs a value. Bulk erasure deletes by BatchWriteItem, 25 keys a
// call, several calls at once, while the next page of keys is still being read.
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { DependentItems, RemovedItems, SubjectRecords } from '../domain/erasure/ports';
import { dynamo, queryAll, tableName } from './clients';
import type { TableName } from './tables';

/** BatchWriteItem takes at most 25 requests. */
const BATCH_LIMIT = 25;
/** Batch calls in flight at once during a bulk erasure. */
export const ERASE_CONCURRENCY = 8;
/** Calls per batch before unprocessed keys are given up as an error (the SDK retries throttling on its own as well). */
const BATCH_ATTEMPTS = 8;
const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 2_000;

type Key = Record<string, string>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Full jitter: a random wait up to an exponentially growing cap. */
const backoff = (attempt: number) => Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);

/** Deletes up to 25 keys, retrying what DynamoDB leaves unprocessed. */
async function deleteBatch(table: string, keys: Key[]): Promise<void> {
  let requests = keys.map((Key) => ({ DeleteRequest: { Key } }));
  for (let attempt = 0; requests.length > 0; attempt++) {
    if (attempt === BATCH_ATTEMPTS)
      throw new Error(`${requests.length} deletion(s) still unprocessed after ${BATCH_ATTEMPTS} attempts`);
    if (attempt > 0) await sleep(backoff(attempt));
    const { UnprocessedItems } = await dynamo().send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
    requests = (UnprocessedItems?.[table] ?? []) as typeof requests;
  }
}

/** Runs tasks with at most `limit` at once; `add` waits for a free slot, so a producer cannot run ahead. */
function pool(limit: number) {
  const running = new Set<Promise<void>>();
  let failure: unknown;
  return {
    async add(task: () => Promise<void>): Promise<void> {
      if (failure) throw failure;
      while (running.size >= limit) await Promise.race(running);
      if (failure) throw failure;
      const promise: Promise<void> = task()
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => running.delete(promise));
      running.add(promise);
    },
    async drain(): Promise<void> {
      await Promise.all(running);
      if (failure) throw failure;
    },
  };
}

/** Reading an item's key back, consistently, asking for the key alone. */
function removedItems(table: TableName, itemKey: string): RemovedItems {
  return {
    async remains(subjectId, itemId) {
      const { Item } = await dynamo().send(
        new GetCommand({
          TableName: tableName(table),
          Key: { subjectId, [itemKey]: itemId },
          ConsistentRead: true,
          ProjectionExpression: '#s, #i',
          ExpressionAttributeNames: { '#s': 'subjectId', '#i': itemKey },
        }),
      );
      return Item !== undefined;
    },
  };
}

/** Individual Numbers are verified by key; the number itself is never read. */
export const myNumberErasure: RemovedItems = removedItems('my-number', 'documentId');

export function personalDataErasure(options: { concurrency?: number } = {}): RemovedItems & SubjectRecords {
  const concurrency = options.concurrency ?? ERASE_CONCURRENCY;
  const partition = (subjectId: string) => ({
    TableName: tableName('personal-data'),
    KeyConditionExpression: 'subjectId = :subject',
    ExpressionAttributeValues: { ':subject': subjectId },
    ConsistentRead: true,
  });
  return {
    ...removedItems('personal-data', 'recordId'),

    async anyRemain(subjectId) {
      const { Items } = await dynamo().send(
        new QueryCommand({ ...partition(subjectId), ProjectionExpression: 'recordId', Limit: 1 }),
      );
      return (Items ?? []).length > 0;
    },

    async count(subjectId) {
      let count = 0;
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await dynamo().send(
          new QueryCommand({ ...partition(subjectId), Select: 'COUNT', ExclusiveStartKey }),
        );
        count += page.Count ?? 0;
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return count;
    },

    async eraseAll(subjectId) {
      const table = tableName('personal-data');
      const deletions = pool(concurrency);
      const categories = new Set<string>();
      let erased = 0;
      const readPage = (ExclusiveStartKey?: Record<string, unknown>): Promise<QueryCommandOutput> =>
        dynamo().send(
          new QueryCommand({
            ...partition(subjectId),
            ProjectionExpression: 'recordId, category',
            ExclusiveStartKey,
          }),
        );
      let next: Promise<QueryCommandOutput> | undefined = readPage();
      try {
        while (next) {
          const page: QueryCommandOutput = await next;
          // The next page is read while this one is deleted; it starts after this page's last key.
          next = page.LastEvaluatedKey ? readPage(page.LastEvaluatedKey) : undefined;
          // Its failure surfaces when it is awaited, not as an unhandled rejection meanwhile.
          next?.catch(() => undefined);
          const items = (page.Items ?? []) as Array<{ recordId: string; category?: string }>;
          for (const item of items) if (item.category) categories.add(item.category);
          for (let i = 0; i < items.length; i += BATCH_LIMIT) {
            const keys = items.slice(i, i + BATCH_LIMIT).map(({ recordId }) => ({ subjectId, recordId }));
            await deletions.add(async () => {
              await deleteBatch(table, keys);
              erased += keys.length;
            });
          }
        }
      } catch (error) {
        // Let the batches already sent finish before failing, so nothing runs on after the answer.
        await deletions.drain().catch(() => undefined);
        throw error;
      }
      await deletions.drain();
      return { erased, categories: [...categories].sort() };
    },
  };
}

/** Deletes an item if it is there; says whether it was. */
async function deleteIfPresent(table: TableName, key: Key, keyAttribute: string): Promise<boolean> {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: tableName(table),
        Key: key,
        ConditionExpression: 'attribute_exists(#k)',
        ExpressionAttributeNames: { '#k': keyAttribute },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export const dependentItems: DependentItems = {
  async eraseDossiersOf(subjectId) {
    const copies = await queryAll<{ tokenHash: string }>({
      TableName: tableName('disclosures'),
      IndexName: 'bySubject',
      KeyConditionExpression: 'subjectId = :subject',
      ExpressionAttributeValues: { ':subject': subjectId },
      ProjectionExpression: 'tokenHash',
    });
    const erased = await Promise.all(
      [...new Set(copies.map((c) => c.tokenHash))].map(async (tokenHash) => {
        // The whole copy: the items of the other subjects it holds go too.
        const items = await queryAll<Key>({
          TableName: tableName('disclosures'),
          KeyConditionExpression: 'tokenHash = :token',
          ExpressionAttributeValues: { ':token': tokenHash },
          ProjectionExpression: 'tokenHash, subjectId',
          ConsistentRead: true,
        });
        const deleted = await Promise.all(items.map((key) => deleteIfPresent('disclosures', key, 'tokenHash')));
        return deleted.some(Boolean);
      }),
    );
    return erased.filter(Boolean).length;
  },

  async eraseLifecycleOf(subjectId) {
    return (await deleteIfPresent('subjects', { subjectId }, 'subjectId')) ? 1 : 0;
  },
};
