// What the purpose-change worker reads and writes, against DynamoDB Local: a Scan of the live records
// carrying a purpose (keys, purposes and dates only) that goes on from any record's key; expiry
// updates that hold only on the expiry read; live e-mail addresses; outbox puts that happen once.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { dynamoAffectedRecords, dynamoNotificationOutbox } from '../../functions/adapters/purpose-change-repository';
import type { StoredPersonalDataRecord } from '../../functions/domain/holdings';
import { outboxMessage } from '../../functions/domain/outbox';
import type { AffectedRecord } from '../../functions/domain/purposes/ports';
import { emailRecord, record } from '../domain/purposes/doubles';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem } from '../support/requests';

let prefix: string;
const now = () => new Date();
const seconds = () => Math.floor(Date.now() / 1000);
const DAY = 24 * 60 * 60;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

async function putAll(items: StoredPersonalDataRecord[]) {
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

async function scanWhole(purposeId: string, pageSize: number) {
  const seen: AffectedRecord[] = [];
  let cursor: { subjectId: string; recordId: string } | undefined;
  let pages = 0;
  do {
    const page = await dynamoAffectedRecords.page(purposeId, now(), cursor, pageSize);
    seen.push(...page.records);
    cursor = page.next;
    pages += 1;
  } while (cursor);
  return { seen, pages };
}

describe('dynamoAffectedRecords.page', () => {
  it('finds the live records carrying the purpose, without their values, page by page', async () => {
    await putAll([
      ...Array.from({ length: 30 }, (_, i) => record(`scan-${i}`, 'r-1', ['information-and-inquiries', 'billing'])),
      record('scan-expired', 'r-1', ['information-and-inquiries'], { expiresAt: seconds() - 60 }),
      record('scan-later', 'r-1', ['information-and-inquiries'], { expiresAt: seconds() + DAY }),
      record('scan-other', 'r-1', ['billing']),
    ]);
    const { seen, pages } = await scanWhole('information-and-inquiries', 7);
    expect(pages).toBeGreaterThan(4);
    expect(seen.map((r) => r.subjectId).sort()).toEqual(
      [...Array.from({ length: 30 }, (_, i) => `scan-${i}`), 'scan-later'].sort(),
    );
    for (const r of seen)
      expect(Object.keys(r).sort()).toEqual(
        r.expiresAt === undefined
          ? ['acquiredAt', 'purposes', 'recordId', 'subjectId']
          : ['acquiredAt', 'expiresAt', 'purposes', 'recordId', 'subjectId'],
      );
  });

  it("goes on after any record's key, as the worker's cursor does when it stops mid-page", async () => {
    const first = await dynamoAffectedRecords.page('information-and-inquiries', now(), undefined, 20);
    const stopAt = first.records[2]!;
    const rest = await scanWhole('information-and-inquiries', 1000);
    const after = await dynamoAffectedRecords.page(
      'information-and-inquiries',
      now(),
      { subjectId: stopAt.subjectId, recordId: stopAt.recordId },
      1000,
    );
    const index = rest.seen.findIndex((r) => r.subjectId === stopAt.subjectId);
    expect(after.records.map((r) => r.subjectId)).toEqual(rest.seen.slice(index + 1).map((r) => r.subjectId));
  });
});

describe('dynamoAffectedRecords.setExpiry', () => {
  it('sets, removes, and marks a record erased for a retired purpose', async () => {
    const base = record('expiry-1', 'r-1', ['advertising'], { expiresAt: seconds() + DAY });
    await putItem('personal-data', base);
    const read: AffectedRecord = {
      subjectId: base.subjectId,
      recordId: base.recordId,
      purposes: base.purposes,
      acquiredAt: base.acquiredAt,
      expiresAt: base.expiresAt!,
    };
    expect(await dynamoAffectedRecords.setExpiry(read, {})).toBe(true);
    expect(await getItem('personal-data', { subjectId: 'expiry-1', recordId: 'r-1' })).not.toHaveProperty('expiresAt');
    const { expiresAt: _gone, ...unset } = read;
    expect(await dynamoAffectedRecords.setExpiry(unset, { expiresAt: seconds() + 2 * DAY })).toBe(true);
    const later = (await getItem('personal-data', { subjectId: 'expiry-1', recordId: 'r-1' }))!.expiresAt as number;
    expect(
      await dynamoAffectedRecords.setExpiry(
        { ...unset, expiresAt: later },
        { expiresAt: seconds(), erasureReason: 'purpose-retired' },
      ),
    ).toBe(true);
    expect(await getItem('personal-data', { subjectId: 'expiry-1', recordId: 'r-1' })).toMatchObject({
      expiresAt: expect.any(Number),
      erasureReason: 'purpose-retired',
      value: base.value,
    });
  });

  it('holds only on the expiry it read, never moves one being erased, never recreates a deleted record', async () => {
    const base = record('expiry-2', 'r-1', ['advertising'], { expiresAt: seconds() + DAY });
    await putItem('personal-data', base);
    const read: AffectedRecord = {
      subjectId: base.subjectId,
      recordId: base.recordId,
      purposes: base.purposes,
      acquiredAt: base.acquiredAt,
      expiresAt: base.expiresAt! + 1,
    };
    expect(await dynamoAffectedRecords.setExpiry(read, { expiresAt: seconds() + 5 * DAY })).toBe(false);
    await putItem('personal-data', { ...base, erasureReason: 'request' });
    expect(
      await dynamoAffectedRecords.setExpiry(
        { ...read, expiresAt: base.expiresAt! },
        { expiresAt: seconds() + 5 * DAY },
      ),
    ).toBe(false);
    expect(await dynamoAffectedRecords.setExpiry({ ...read, subjectId: 'never-there' }, {})).toBe(false);
    expect(await getItem('personal-data', { subjectId: 'never-there', recordId: 'r-1' })).toBeUndefined();
    expect((await getItem('personal-data', { subjectId: 'expiry-2', recordId: 'r-1' }))!.expiresAt).toBe(
      base.expiresAt,
    );
  });
});

describe('dynamoAffectedRecords.addressesOf', () => {
  it("gives the subject's live e-mail addresses only", async () => {
    await putAll([
      emailRecord('addr-1', 'a@example.jp'),
      emailRecord('addr-1', 'b@example.jp', { expiresAt: seconds() + DAY }),
      emailRecord('addr-1', 'old@example.jp', { expiresAt: seconds() - 60 }),
      record('addr-1', 'r-1', ['billing']),
      emailRecord('addr-2', 'someone-else@example.jp'),
    ]);
    expect((await dynamoAffectedRecords.addressesOf('addr-1', now())).sort()).toEqual(['a@example.jp', 'b@example.jp']);
    expect(await dynamoAffectedRecords.addressesOf('addr-none', now())).toEqual([]);
  });
});

describe('dynamoNotificationOutbox.enqueueOnce', () => {
  it('puts a pending message once; the same id again is not put', async () => {
    const message = outboxMessage(
      'purpose-change-test-1',
      'a@example.jp',
      { subject: 's', text: 't' },
      now(),
      'purpose-change',
    );
    expect(await dynamoNotificationOutbox.enqueueOnce(message)).toBe(true);
    expect(await dynamoNotificationOutbox.enqueueOnce({ ...message, text: 'again' })).toBe(false);
    expect(await getItem('outbox', { messageId: 'purpose-change-test-1' })).toEqual({
      ...message,
      outboxState: 'pending',
      attempts: 0,
    });
  });
});
