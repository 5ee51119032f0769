// The my-number stream consumer against DynamoDB Local. The table streams keys only, so the function
// never receives an Individual Number; each removal is verified by its key and certified under the
// category my-number, with no personal data.
import { randomUUID } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { streamEventId } from '../../functions/adapters/dynamodb-stream';
import { certifiesSubject, type ErasureCertificate, itemEvidenceId } from '../../functions/domain/erasure/certificate';
import { handler } from '../../functions/handlers/certify-my-number-erasure';
import { StreamPoller } from '../../local/stream-poller';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem, streamEvent, streamRecord, waitFor } from '../support/requests';

const NUMBER = '123456789018';
const seen: DynamoDBRecord[] = [];
const errors: string[] = [];
let poller: StreamPoller;
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await dropTables(prefix, [
    'requests',
    'disclosures',
    'personal-data',
    'consents',
    'provision-records',
    'access-log',
    'outbox',
  ]);
  poller = new StreamPoller(
    [
      {
        tableName: tableName('my-number'),
        handler: async (event) => {
          seen.push(...event.Records);
          return handler(event);
        },
      },
    ],
    200,
    (m) => errors.push(m),
  );
  poller.start();
});

afterAll(async () => {
  await poller?.stop();
  await dropTables(prefix);
  expect(errors).toEqual([]);
});

const document = (subjectId: string) => ({
  subjectId,
  documentId: `dependant-deduction#2026-01-${randomUUID().slice(0, 4)}`,
  affair: 'tax',
  document: 'dependant-deduction',
  documentDate: '2026-01-31',
  number: NUMBER,
  registeredBy: 'arn:aws:iam::000000000000:role/appi-desk-payroll',
  registeredAt: '2026-01-31T00:00:00.000Z',
  expiresAt: Math.floor(Date.now() / 1000) + 3600,
});

/** A removal as a KEYS_ONLY stream delivers it. */
function keysOnlyRemoval(
  eventName: string,
  keys: { subjectId: string; documentId: string },
  extra: Partial<DynamoDBRecord> = {},
): DynamoDBRecord {
  const record = streamRecord(eventName, {}, extra);
  record.dynamodb = { ...record.dynamodb, StreamViewType: 'KEYS_ONLY', Keys: marshall(keys) as never };
  return record;
}

describe.concurrent('certify-my-number-erasure', () => {
  it('a deleted Individual Number is certified from its keys alone: category my-number, reason request, verified gone', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const item = document(subjectId);
    await putItem('my-number', item);
    await dynamo().send(
      new DeleteCommand({ TableName: tableName('my-number'), Key: { subjectId, documentId: item.documentId } }),
    );
    const removal = await waitFor(
      async () => seen.find((r) => r.dynamodb?.Keys?.documentId?.S === item.documentId && r.eventName === 'REMOVE'),
      'the streamed removal',
    );
    // The stream never carried the number, nor any other attribute.
    expect(removal.dynamodb!.OldImage).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain(NUMBER);

    const certificate = await waitFor(
      () => getItem<ErasureCertificate>('evidence', { evidenceId: itemEvidenceId(streamEventId(removal)) }),
      'the erasure certificate',
    );
    expect(certificate).toMatchObject({
      kind: 'erasure-certificate',
      scope: 'item',
      categories: ['my-number'],
      reason: 'request',
      count: 1,
      verification: { readBack: 'item-key', remaining: 0, remains: false },
    });
    expect(certificate).not.toHaveProperty('cascade');
    expect(certifiesSubject(certificate, subjectId)).toBe(true);
    const text = JSON.stringify(certificate);
    for (const secret of [NUMBER, subjectId, item.documentId]) expect(text).not.toContain(secret);
  });

  it('a TTL removal (AWS: REMOVE by the DynamoDB service; locally: an unknown event name) is certified ttl', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const aws = keysOnlyRemoval(
      'REMOVE',
      { subjectId, documentId: 'withholding-slip#2019-01-31' },
      { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } },
    );
    const local = keysOnlyRemoval('UNKNOWN_TO_SDK_VERSION', { subjectId, documentId: 'withholding-slip#2018-01-31' });
    expect(await handler(streamEvent(aws, local))).toEqual({ batchItemFailures: [] });
    for (const record of [aws, local]) {
      expect(await getItem('evidence', { evidenceId: itemEvidenceId(streamEventId(record)) })).toMatchObject({
        reason: 'ttl',
        categories: ['my-number'],
      });
    }
  });

  it('an item still stored under the removed key is recorded as remaining; inserts are ignored', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const item = document(subjectId);
    await putItem('my-number', item);
    const removal = keysOnlyRemoval('REMOVE', { subjectId, documentId: item.documentId });
    const insert = keysOnlyRemoval('INSERT', { subjectId, documentId: item.documentId });
    expect(await handler(streamEvent(insert, removal))).toEqual({ batchItemFailures: [] });
    expect(await getItem('evidence', { evidenceId: itemEvidenceId(streamEventId(insert)) })).toBeUndefined();
    expect(await getItem('evidence', { evidenceId: itemEvidenceId(streamEventId(removal)) })).toMatchObject({
      verification: { remaining: 1, remains: true },
    });
  });

  it('a redelivered removal writes nothing twice', async () => {
    const removal = keysOnlyRemoval('REMOVE', {
      subjectId: `subject-${randomUUID()}`,
      documentId: 'withholding-slip#2020-01-31',
    });
    expect(await handler(streamEvent(removal))).toEqual({ batchItemFailures: [] });
    const first = await getItem('evidence', { evidenceId: itemEvidenceId(streamEventId(removal)) });
    expect(await handler(streamEvent(removal))).toEqual({ batchItemFailures: [] });
    expect(await getItem('evidence', { evidenceId: itemEvidenceId(streamEventId(removal)) })).toEqual(first);
  });
});
