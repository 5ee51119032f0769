// Stored dossiers by token hash, against DynamoDB Local: an expired one is never served.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDisclosureReader } from '../../functions/adapters/disclosure-repository';
import { freshTables } from '../support/desk';
import { putItem, dropTables } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const stored = async (expiresAt: number) => {
  const item = { tokenHash: randomUUID(), requestId: randomUUID(), createdAt: new Date().toISOString(), expiresAt, dossier: { records: [] } };
  await putItem('disclosures', item);
  return item;
};

describe('disclosure-repository', () => {
  it('serves a live dossier until its expiresAt and not after', async () => {
    const item = await stored(Math.floor(Date.now() / 1000) + 600);
    expect(await dynamoDisclosureReader.get(item.tokenHash, new Date())).toEqual(item);
    expect(await dynamoDisclosureReader.get(item.tokenHash, new Date((item.expiresAt - 1) * 1000))).toEqual(item);
    expect(await dynamoDisclosureReader.get(item.tokenHash, new Date(item.expiresAt * 1000))).toBeUndefined();
  });

  it('an unknown hash or an item already expired: nothing', async () => {
    expect(await dynamoDisclosureReader.get(randomUUID(), new Date())).toBeUndefined();
    const expired = await stored(Math.floor(Date.now() / 1000) - 1);
    expect(await dynamoDisclosureReader.get(expired.tokenHash, new Date())).toBeUndefined();
  });
});
