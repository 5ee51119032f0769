// Reads of the requests table against DynamoDB Local: a request past its expiresAt is never
// returned, by id or in the queue, although TTL has not removed it yet.
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { dynamoRequestReader } from '../../functions/adapters/request-repository';
import type { DeskRequest } from '../../functions/domain/requests/request';
import { freshTables } from '../support/desk';
import { dropTables, putItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

async function stored(overrides: Partial<DeskRequest> = {}): Promise<DeskRequest> {
  const now = new Date().toISOString();
  const request: DeskRequest = {
    requestId: randomUUID(),
    type: 'disclosure',
    status: 'in-progress',
    requester: { kind: 'self', name: 'R', email: 'r@example.jp' },
    subject: { email: 'r@example.jp' },
    language: 'ja',
    createdAt: now,
    history: [],
    version: 1,
    ...overrides,
  };
  await putItem('requests', request);
  return request;
}

describe('request-repository', () => {
  it('get returns a live request and nothing for an unknown id', async () => {
    const live = await stored({ expiresAt: inSeconds(600) });
    expect(await dynamoRequestReader.get(live.requestId, new Date())).toEqual(live);
    expect(await dynamoRequestReader.get(randomUUID(), new Date())).toBeUndefined();
  });

  it('get never returns a request past its expiresAt, by the clock it is given', async () => {
    const soon = await stored({ expiresAt: inSeconds(600) });
    expect(await dynamoRequestReader.get(soon.requestId, new Date(Date.now() + 3600_000))).toBeUndefined();
    const expired = await stored({ expiresAt: inSeconds(-1) });
    expect(await dynamoRequestReader.get(expired.requestId, new Date())).toBeUndefined();
  });

  it('listByStatus returns live requests of that status only', async () => {
    const status = 'partially-fulfilled' as const;
    const open = await stored({ status });
    const closing = await stored({ status, expiresAt: inSeconds(600) });
    const expired = await stored({ status, expiresAt: inSeconds(-1) });
    await stored({ status: 'refused' });
    const ids = (await dynamoRequestReader.listByStatus(status, new Date())).map((r) => r.requestId);
    expect(ids.sort()).toEqual([open.requestId, closing.requestId].sort());
    expect(ids).not.toContain(expired.requestId);
    const later = (await dynamoRequestReader.listByStatus(status, new Date(Date.now() + 3600_000))).map(
      (r) => r.requestId,
    );
    expect(later).toEqual([open.requestId]);
  });

  it('listByStatus reads every page of a long queue', async () => {
    // Items of ~40 KB: DynamoDB pages at 1 MB, so 60 of them take more than one page.
    const details = { scope: 'x'.repeat(40_000) };
    const many = await Promise.all(Array.from({ length: 60 }, () => stored({ status: 'withdrawn', details })));
    const firstPage = await dynamo().send(
      new QueryCommand({
        TableName: tableName('requests'),
        IndexName: 'byStatus',
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'withdrawn' },
      }),
    );
    expect(firstPage.LastEvaluatedKey).toBeDefined();
    expect(firstPage.Items!.length).toBeLessThan(60);
    const found = await dynamoRequestReader.listByStatus('withdrawn', new Date());
    expect(found.map((r) => r.requestId).sort()).toEqual(many.map((r) => r.requestId).sort());
  });
});
