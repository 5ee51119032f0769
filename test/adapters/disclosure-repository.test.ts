// Stored dossiers against DynamoDB Local: one item per subject the copy holds, any of which serves
// the link; an expired one is never served.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureItems, dynamoDisclosureReader, NO_SUBJECT } from '../../functions/adapters/disclosure-repository';
import type { StoredDisclosure } from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { freshTables } from '../support/desk';
import { dropTables, putItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const disclosure = (expiresAt: number, subjectIds = ['subject-a']): StoredDisclosure => ({
  tokenHash: randomUUID(),
  requestId: randomUUID(),
  subjectIds,
  createdAt: new Date().toISOString(),
  expiresAt,
  dossier: { records: [] } as unknown as StoredDisclosure['dossier'],
});

const stored = async (expiresAt: number, subjectIds?: string[]) => {
  const item = disclosure(expiresAt, subjectIds);
  await Promise.all(disclosureItems(item).map((i) => putItem('disclosures', i)));
  return item;
};

describe('disclosureItems', () => {
  it('one item per subject, each the whole dossier keyed by that subject; none held → one item under NO_SUBJECT', () => {
    const two = disclosure(1, ['subject-a', 'subject-b']);
    expect(disclosureItems(two)).toEqual([
      { ...two, subjectId: 'subject-a' },
      { ...two, subjectId: 'subject-b' },
    ]);
    const nobody = disclosure(1, []);
    expect(disclosureItems(nobody)).toEqual([{ ...nobody, subjectId: NO_SUBJECT }]);
    expect(NO_SUBJECT).toBe('none');
  });
});

describe('disclosure-repository', () => {
  it('serves a live dossier until its expiresAt and not after, as it was stored, without the storage key', async () => {
    const item = await stored(Math.floor(Date.now() / 1000) + 600);
    expect(await dynamoDisclosureReader.get(item.tokenHash, new Date())).toEqual(item);
    expect(await dynamoDisclosureReader.get(item.tokenHash, new Date((item.expiresAt - 1) * 1000))).toEqual(item);
    expect(await dynamoDisclosureReader.get(item.tokenHash, new Date(item.expiresAt * 1000))).toBeUndefined();
  });

  it('a dossier of several subjects, or of nobody, is served once', async () => {
    const several = await stored(Math.floor(Date.now() / 1000) + 600, ['subject-a', 'subject-b', 'subject-c']);
    expect(await dynamoDisclosureReader.get(several.tokenHash, new Date())).toEqual(several);
    const nobody = await stored(Math.floor(Date.now() / 1000) + 600, []);
    expect(await dynamoDisclosureReader.get(nobody.tokenHash, new Date())).toEqual(nobody);
  });

  it('an unknown hash or an item already expired: nothing', async () => {
    expect(await dynamoDisclosureReader.get(randomUUID(), new Date())).toBeUndefined();
    const expired = await stored(Math.floor(Date.now() / 1000) - 1);
    expect(await dynamoDisclosureReader.get(expired.tokenHash, new Date())).toBeUndefined();
  });
});
