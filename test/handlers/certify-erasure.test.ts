// The personal-data stream consumer against DynamoDB Local: a record whose purposes were achieved is
// deleted by TTL, and that deletion (streamed under an event name the SDK does not know locally)
// becomes an erasure certificate with reason 'purpose-achieved'; a DeleteItem becomes 'deleted'.
// Certificates hold hashes and a category, never the data.
import { randomUUID } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { dynamoHoldingsReader } from '../../functions/adapters/holdings-repository';
import { emailLookupKey, type PersonalDataRecord } from '../../functions/domain/holdings';
import { erasureCertificate, type ErasureCertificate } from '../../functions/domain/erasure';
import { handler } from '../../functions/handlers/certify-erasure';
import { StreamPoller } from '../../local/stream-poller';
import { freshTables, uniqueEmail } from '../support/desk';
import { dropTables, getItem, putItem, streamEvent, streamRecord, waitFor } from '../support/requests';

/** The id and hashes the domain derives from a record's keys (functions/domain/erasure.ts). */
const derived = (subjectId: string, recordId: string) => erasureCertificate({ subjectId, recordId }, 'deleted', new Date());
const evidenceIdOf = (subjectId: string, recordId: string) => derived(subjectId, recordId).evidenceId;

/** Every record the poller handed to the handler, to see what DynamoDB Local streams. */
const seen: DynamoDBRecord[] = [];
const errors: string[] = [];
let poller: StreamPoller;

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  // DynamoDB Local sweeps TTL for only 7 tables at a time (see dropTables): free the slots this
  // file's unused tables would take.
  await dropTables(prefix, ['requests', 'disclosures', 'access-log', 'outbox']);
  poller = new StreamPoller([{
    tableName: tableName('personal-data'),
    handler: async (event) => {
      seen.push(...event.Records);
      return handler(event);
    },
  }], 200, (m) => errors.push(m));
  poller.start();
});

afterAll(async () => {
  await poller?.stop();
  await dropTables(prefix);
  expect(errors).toEqual([]);
});

function personalRecord(subjectId: string, fields: Partial<PersonalDataRecord> & { expiresAt?: number; lookupKey?: string } = {}) {
  return {
    subjectId,
    recordId: `rec-${randomUUID().slice(0, 8)}`,
    category: 'phone',
    value: '090-1234-5678',
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2024-04-01T00:00:00.000Z',
    ...fields,
  };
}

function expectNoPersonalData(certificate: object, record: ReturnType<typeof personalRecord>, email?: string) {
  const text = JSON.stringify(certificate);
  for (const secret of [record.value, record.subjectId, record.recordId, email].filter(Boolean)) expect(text).not.toContain(secret);
  expect(Object.keys(certificate).sort()).toEqual(['category', 'erasedAt', 'evidenceId', 'expiresAt', 'kind', 'reason', 'recordHash', 'subjectHash']);
}

describe.concurrent('certify-erasure', () => {
  it('a record past its purposes is removed by TTL; the holdings reader never returns it; the removal is certified as purpose-achieved', async () => {
    const email = uniqueEmail('ttl');
    const oldEmail = uniqueEmail('ttl-old');
    const subjectId = `subject-${randomUUID()}`;
    const identifier = personalRecord(subjectId, { category: 'email', value: email, lookupKey: emailLookupKey(email) });
    // An earlier address of the person, kept until its purposes were achieved a few seconds ago.
    // It is an identifier record on purpose: DynamoDB Local (2026-01-16) never TTL-deletes an item
    // that is absent from a sparse GSI (here byLookupKey; also outbox's pending), while AWS does,
    // and such an item holds up the TTL deletion of the other items of its table.
    const expired = personalRecord(subjectId, {
      category: 'email', value: oldEmail, lookupKey: emailLookupKey(oldEmail), expiresAt: Math.floor(Date.now() / 1000) - 5,
    });
    await Promise.all([putItem('personal-data', identifier), putItem('personal-data', expired)]);

    // Until DynamoDB Local removes it, the item may still be stored but is never read.
    await waitFor(async () => {
      const holdings = await dynamoHoldingsReader.holdingsOf(email, new Date());
      expect(holdings.subjectIds).toEqual([subjectId]);
      expect(holdings.records.map((r) => r.recordId)).toEqual([identifier.recordId]);
      // Nor does the expired address find the person any more.
      expect((await dynamoHoldingsReader.holdingsOf(oldEmail, new Date())).subjectIds).toEqual([]);
      const stillStored = await getItem('personal-data', { subjectId, recordId: expired.recordId });
      return stillStored ? undefined : true;
    }, 'DynamoDB Local to remove the expired record by TTL (it sweeps only 7 tables at a time: are other files leaving tables behind?)', 60_000, 250);
    // DynamoDB Local may remove it before the first read; the clock test below shows the filtering
    // deterministically.

    const certificate = await waitFor(
      () => getItem<ErasureCertificate>('evidence', { evidenceId: evidenceIdOf(subjectId, expired.recordId) }),
      'the erasure certificate', 20_000,
    );
    expect(certificate).toMatchObject({
      kind: 'erasure-certificate',
      reason: 'purpose-achieved',
      category: 'email',
      subjectHash: derived(subjectId, expired.recordId).subjectHash,
      recordHash: derived(subjectId, expired.recordId).recordHash,
    });
    expect(Math.abs(Date.parse(certificate.erasedAt) - Date.now())).toBeLessThan(120_000);
    expectNoPersonalData(certificate, expired, oldEmail);

    // Locally the TTL deletion is not streamed as REMOVE, and has no userIdentity.
    const removal = seen.find((r) => r.dynamodb?.OldImage?.recordId?.S === expired.recordId && !r.dynamodb.NewImage);
    expect(removal).toBeDefined();
    expect(removal!.eventName).not.toBe('REMOVE');
    // The identifier record, still live, was not certified.
    expect(await getItem('evidence', { evidenceId: evidenceIdOf(subjectId, identifier.recordId) })).toBeUndefined();
  }, 90_000);

  it('a plain DeleteItem is certified with reason deleted', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const record = personalRecord(subjectId, { category: 'address', value: '東京都千代田区1-2-3' });
    await putItem('personal-data', record);
    await dynamo().send(new DeleteCommand({ TableName: tableName('personal-data'), Key: { subjectId, recordId: record.recordId } }));
    const certificate = await waitFor(
      () => getItem<ErasureCertificate>('evidence', { evidenceId: evidenceIdOf(subjectId, record.recordId) }),
      'the erasure certificate', 20_000,
    );
    expect(certificate).toMatchObject({ reason: 'deleted', category: 'address', kind: 'erasure-certificate' });
    expectNoPersonalData(certificate, record);
    const removal = seen.find((r) => r.dynamodb?.OldImage?.recordId?.S === record.recordId && !r.dynamodb.NewImage);
    expect(removal!.eventName).toBe('REMOVE');
  });

  it('the holdings reader filters by the clock it is given, not by what TTL has done', async () => {
    const email = uniqueEmail('clock');
    const subjectId = `subject-${randomUUID()}`;
    const inTenMinutes = Math.floor(Date.now() / 1000) + 600;
    const identifier = personalRecord(subjectId, { category: 'email', value: email, lookupKey: emailLookupKey(email) });
    const soon = personalRecord(subjectId, { category: 'credit-information', expiresAt: inTenMinutes });
    await Promise.all([putItem('personal-data', identifier), putItem('personal-data', soon)]);
    const now = await dynamoHoldingsReader.holdingsOf(email, new Date());
    expect(now.records.map((r) => r.recordId).sort()).toEqual([identifier.recordId, soon.recordId].sort());
    // Storage keys stay in storage.
    expect(now.records.every((r) => !('expiresAt' in r) && !('lookupKey' in r))).toBe(true);
    const later = await dynamoHoldingsReader.holdingsOf(email, new Date(Date.now() + 3600_000));
    expect(later.records.map((r) => r.recordId)).toEqual([identifier.recordId]);
  });

  it('an expired identifier record no longer finds the person', async () => {
    const email = uniqueEmail('gone');
    const subjectId = `subject-${randomUUID()}`;
    await Promise.all([
      putItem('personal-data', personalRecord(subjectId, { category: 'email', value: email, lookupKey: emailLookupKey(email), expiresAt: Math.floor(Date.now() / 1000) + 600 })),
      putItem('personal-data', personalRecord(subjectId)),
    ]);
    const later = await dynamoHoldingsReader.holdingsOf(email, new Date(Date.now() + 3600_000));
    expect(later).toEqual({ subjectIds: [], records: [], consents: [], provisionRecords: [] });
  });

  it('writes each certificate once: a redelivered removal changes nothing', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const record = personalRecord(subjectId, { category: 'name' });
    const removal = streamRecord('REMOVE', { oldImage: record });
    expect(await handler(streamEvent(removal))).toEqual({ batchItemFailures: [] });
    const first = await getItem<ErasureCertificate>('evidence', { evidenceId: evidenceIdOf(subjectId, record.recordId) });
    expect(first).toMatchObject({ reason: 'deleted', category: 'name' });
    const later = streamRecord('REMOVE', { oldImage: record }, {});
    later.dynamodb!.ApproximateCreationDateTime = Math.floor(Date.now() / 1000) + 100;
    expect(await handler(streamEvent(later))).toEqual({ batchItemFailures: [] });
    expect(await getItem('evidence', { evidenceId: evidenceIdOf(subjectId, record.recordId) })).toEqual(first);
  });

  it('recognises an AWS TTL removal (REMOVE by the DynamoDB service) as purpose-achieved, and ignores inserts and updates', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const byTtl = personalRecord(subjectId, { category: 'ad-id' });
    const inserted = personalRecord(subjectId, { category: 'inserted' });
    const event = streamEvent(
      streamRecord('REMOVE', { oldImage: byTtl }, { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } }),
      streamRecord('INSERT', { newImage: inserted }),
      streamRecord('MODIFY', { newImage: inserted, oldImage: inserted }),
    );
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    expect(await getItem('evidence', { evidenceId: evidenceIdOf(subjectId, byTtl.recordId) })).toMatchObject({ reason: 'purpose-achieved', category: 'ad-id' });
    expect(await getItem('evidence', { evidenceId: evidenceIdOf(subjectId, inserted.recordId) })).toBeUndefined();
  });
});
