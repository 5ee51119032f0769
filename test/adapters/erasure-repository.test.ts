// The erasure path's reads and deletes against DynamoDB Local: read-backs by key, counts, bulk
// deletion in parallel batches with retries of unprocessed keys, and the cascade to stored dossiers
// (the whole copy) and to the subject's lifecycle.
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandInput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { dependentItems, myNumberErasure, personalDataErasure } from '../../functions/adapters/erasure-repository';
import { freshTables } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, getItem, putItem, scanAll } from '../support/requests';

let prefix: string;
let restore: (() => void) | undefined;

beforeAll(async () => {
  prefix = await freshTables();
});

afterEach(() => {
  restore?.();
  restore = undefined;
});

afterAll(() => dropTables(prefix));

const subject = () => `subject-${randomUUID()}`;
const CATEGORIES = ['email', 'phone', 'address', 'service-usage'];

/** Writes `n` records for the subject, 25 a call. */
async function hold(subjectId: string, n: number): Promise<void> {
  const items = Array.from({ length: n }, (_, i) => ({
    subjectId,
    recordId: `rec-${String(i).padStart(6, '0')}`,
    category: CATEGORIES[i % CATEGORIES.length],
    value: `value ${i} of ${subjectId}`,
    lookupKey: `subject#${subjectId}`,
  }));
  for (let i = 0; i < items.length; i += 25) {
    await dynamo().send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName('personal-data')]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
}

describe('personal-data erasure', () => {
  const records = personalDataErasure();

  it('reads an item back by its key alone, consistently', async () => {
    const subjectId = subject();
    await hold(subjectId, 1);
    const { mock, passThrough } = mockDocumentClient();
    restore = () => mock.restore();
    const asked: unknown[] = [];
    mock.on(GetCommand).callsFake((input, getClient) => {
      asked.push(input);
      return passThrough(getClient(), new GetCommand(input));
    });
    expect(await records.remains(subjectId, 'rec-000000')).toBe(true);
    expect(await records.remains(subjectId, 'rec-000001')).toBe(false);
    expect(asked[0]).toMatchObject({
      ConsistentRead: true,
      ProjectionExpression: '#s, #i',
      ExpressionAttributeNames: { '#s': 'subjectId', '#i': 'recordId' },
    });
  });

  it('tells whether any record remains and counts them, expired or not, over several pages', async () => {
    const subjectId = subject();
    expect(await records.anyRemain(subjectId)).toBe(false);
    expect(await records.count(subjectId)).toBe(0);
    await hold(subjectId, 30);
    await putItem('personal-data', {
      subjectId,
      recordId: 'rec-expired',
      category: 'phone',
      value: 'x',
      lookupKey: 'k',
      expiresAt: 1,
    });
    expect(await records.anyRemain(subjectId)).toBe(true);
    expect(await records.count(subjectId)).toBe(31);
  });

  it('counts page after page', async () => {
    const subjectId = subject();
    await hold(subjectId, 60);
    const { mock, passThrough } = mockDocumentClient();
    restore = () => mock.restore();
    let pages = 0;
    mock.on(QueryCommand).callsFake((input, getClient) => {
      pages += 1;
      return passThrough(getClient(), new QueryCommand({ ...input, Limit: 25 }));
    });
    expect(await records.count(subjectId)).toBe(60);
    expect(pages).toBe(3);
  });

  it("erases every record of the subject in parallel batches, and no one else's", async () => {
    const subjectId = subject();
    const other = subject();
    await Promise.all([hold(subjectId, 1_030), hold(other, 3)]);
    const result = await records.eraseAll(subjectId);
    expect(result).toEqual({ erased: 1_030, categories: [...CATEGORIES].sort() });
    expect(await records.count(subjectId)).toBe(0);
    expect(await records.count(other)).toBe(3);
    expect(await records.eraseAll(subjectId)).toEqual({ erased: 0, categories: [] });
  });

  it('deletes while still reading: batches of 25 start before the last page is read', async () => {
    const subjectId = subject();
    await hold(subjectId, 200);
    const { mock, passThrough } = mockDocumentClient();
    restore = () => mock.restore();
    const calls: string[] = [];
    mock.on(QueryCommand).callsFake((input, getClient) => {
      calls.push('query');
      return passThrough(getClient(), new QueryCommand({ ...input, Limit: 50 }));
    });
    mock.on(BatchWriteCommand).callsFake((input, getClient) => {
      const requests = Object.values(input.RequestItems as Record<string, unknown[]>)[0]!;
      expect(requests.length).toBeLessThanOrEqual(25);
      calls.push('delete');
      return passThrough(getClient(), new BatchWriteCommand(input));
    });
    expect((await records.eraseAll(subjectId)).erased).toBe(200);
    expect(calls.filter((c) => c === 'delete')).toHaveLength(8);
    expect(calls.indexOf('delete')).toBeLessThan(calls.lastIndexOf('query'));
  });

  it('retries the keys DynamoDB leaves unprocessed until they are deleted', async () => {
    const subjectId = subject();
    await hold(subjectId, 50);
    const { mock, passThrough } = mockDocumentClient();
    restore = () => mock.restore();
    let calls = 0;
    mock.on(BatchWriteCommand).callsFake(async (input, getClient) => {
      calls += 1;
      const [table, requests] = Object.entries((input as BatchWriteCommandInput).RequestItems!)[0]!;
      if (calls > 2) return passThrough(getClient(), new BatchWriteCommand(input));
      // Process the first 5 keys, leave the rest unprocessed.
      await passThrough(getClient(), new BatchWriteCommand({ RequestItems: { [table]: requests.slice(0, 5) } }));
      return { UnprocessedItems: { [table]: requests.slice(5) } };
    });
    expect((await records.eraseAll(subjectId)).erased).toBe(50);
    expect(calls).toBe(4);
    expect(await records.count(subjectId)).toBe(0);
  });

  it('gives up, with an error, on keys that stay unprocessed', async () => {
    const subjectId = subject();
    await hold(subjectId, 3);
    const { mock } = mockDocumentClient();
    restore = () => mock.restore();
    mock.on(BatchWriteCommand).callsFake(async (input) => ({ UnprocessedItems: input.RequestItems }));
    await expect(records.eraseAll(subjectId)).rejects.toThrow(/3 deletion\(s\) still unprocessed after 8 attempts/);
  }, 60_000);

  it('a page that cannot be read fails the erasure once the batches already sent have finished', async () => {
    const subjectId = subject();
    await hold(subjectId, 100);
    const { mock, passThrough } = mockDocumentClient();
    restore = () => mock.restore();
    let pages = 0;
    mock.on(QueryCommand).callsFake(async (input, getClient) => {
      pages += 1;
      if (pages > 1) throw Object.assign(new Error('lost'), { name: 'InternalServerError' });
      return passThrough(getClient(), new QueryCommand({ ...input, Limit: 50 }));
    });
    await expect(records.eraseAll(subjectId)).rejects.toMatchObject({ name: 'InternalServerError' });
    mock.restore();
    restore = undefined;
    expect(await records.count(subjectId)).toBe(50);
  });

  it('a failing batch fails the erasure', async () => {
    const subjectId = subject();
    await hold(subjectId, 100);
    const { mock } = mockDocumentClient();
    restore = () => mock.restore();
    mock.on(BatchWriteCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(personalDataErasure({ concurrency: 2 }).eraseAll(subjectId)).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});

describe('my-number erasure', () => {
  it('reads back the key only, never the number', async () => {
    const subjectId = subject();
    await putItem('my-number', {
      subjectId,
      documentId: 'withholding-slip#2026-01-31',
      number: '123456789018',
      expiresAt: 2_000_000_000,
    });
    const { mock, passThrough } = mockDocumentClient();
    restore = () => mock.restore();
    const answers: unknown[] = [];
    mock.on(GetCommand).callsFake(async (input, getClient) => {
      const answer = await passThrough<{ Item?: Record<string, unknown> }>(getClient(), new GetCommand(input));
      answers.push(answer.Item);
      return answer;
    });
    expect(await myNumberErasure.remains(subjectId, 'withholding-slip#2026-01-31')).toBe(true);
    expect(await myNumberErasure.remains(subjectId, 'withholding-slip#2025-01-31')).toBe(false);
    expect(answers[0]).toEqual({ subjectId, documentId: 'withholding-slip#2026-01-31' });
  });
});

describe('dependent items', () => {
  const dossier = (tokenHash: string, subjectId: string) => ({
    tokenHash,
    subjectId,
    requestId: randomUUID(),
    dossier: { records: [] },
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  });

  it("erases every dossier holding the subject, with the other subjects' items of the same copy, and no other dossier", async () => {
    const hanako = subject();
    const taro = subject();
    const [own, shared, taros] = [randomUUID(), randomUUID(), randomUUID()];
    await Promise.all([
      putItem('disclosures', dossier(own, hanako)),
      putItem('disclosures', dossier(shared, hanako)),
      putItem('disclosures', dossier(shared, taro)),
      putItem('disclosures', dossier(taros, taro)),
    ]);
    expect(await dependentItems.eraseDossiersOf(hanako)).toBe(2);
    const left = (await scanAll<{ tokenHash: string; subjectId: string }>('disclosures')).filter((d) =>
      [hanako, taro].includes(d.subjectId),
    );
    expect(left.map((d) => d.tokenHash)).toEqual([taros]);
    expect(await dependentItems.eraseDossiersOf(hanako)).toBe(0);
  });

  it('erases even a dossier already past its expiry, and counts nothing for a subject without one', async () => {
    const hanako = subject();
    await putItem('disclosures', { ...dossier(randomUUID(), hanako), expiresAt: Math.floor(Date.now() / 1000) + 1 });
    expect(await dependentItems.eraseDossiersOf(hanako)).toBe(1);
    expect(await dependentItems.eraseDossiersOf(subject())).toBe(0);
  });

  it('erases the lifecycle once: 1, then 0', async () => {
    const subjectId = subject();
    await putItem('subjects', { subjectId, contractEndedAt: '2026-01-01T00:00:00.000Z' });
    expect(await dependentItems.eraseLifecycleOf(subjectId)).toBe(1);
    expect(await getItem('subjects', { subjectId })).toBeUndefined();
    expect(await dependentItems.eraseLifecycleOf(subjectId)).toBe(0);
  });
});
