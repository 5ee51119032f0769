// The personal-data stream consumer against DynamoDB Local. One real TTL removal: DynamoDB Local
// deletes a record whose purposes were achieved and streams it under an event name the SDK does not
// know; the local poller hands the real stream record to the handler, which verifies the record is
// gone, erases the subject's dossier copies and certifies it all as 'ttl'. A DeleteItem is an
// erasure on request; it takes the subject's lifecycle with the last record. No certificate holds
// personal data.
import { randomUUID } from 'node:crypto';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import { disclosureItems } from '../../functions/adapters/disclosure-repository';
import { streamEventId } from '../../functions/adapters/dynamodb-stream';
import { dynamoHoldingsReader } from '../../functions/adapters/holdings-repository';
import { certifiesSubject, type ErasureCertificate, itemEvidenceId } from '../../functions/domain/erasure/certificate';
import { emailLookupKey, lookupKeyOf, type StoredPersonalDataRecord } from '../../functions/domain/holdings';
import type { StoredDisclosure } from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { handler } from '../../functions/handlers/certify-erasure';
import { StreamPoller } from '../../local/stream-poller';
import { freshTables, uniqueEmail } from '../support/desk';
import { dropTables, getItem, putItem, scanAll, streamEvent, streamRecord, waitFor } from '../support/requests';

/** Every record the poller handed to the handler, to see what DynamoDB Local streams. */
const seen: DynamoDBRecord[] = [];
const errors: string[] = [];
let poller: StreamPoller;
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  // DynamoDB Local sweeps TTL for only 7 tables at a time (see dropTables): free the slots this
  // file's unused tables would take (the holdings reader needs consents and provision records).
  await dropTables(prefix, ['requests', 'access-log', 'outbox', 'my-number', 'fulfilment-tasks', 'suppressions']);
  poller = new StreamPoller(
    [
      {
        tableName: tableName('personal-data'),
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

function personalRecord(subjectId: string, fields: Partial<StoredPersonalDataRecord> = {}): StoredPersonalDataRecord {
  const record = {
    subjectId,
    recordId: `rec-${randomUUID().slice(0, 8)}`,
    category: 'phone',
    value: '090-1234-5678',
    source: 'from-customer' as const,
    purposes: ['service-provision'],
    acquiredAt: '2024-04-01T00:00:00.000Z',
    ...fields,
  };
  return { lookupKey: lookupKeyOf(record), ...record };
}

async function storeDossier(subjectIds: string[]): Promise<StoredDisclosure> {
  const disclosure: StoredDisclosure = {
    tokenHash: randomUUID(),
    requestId: randomUUID(),
    subjectIds,
    dossier: { records: [{ category: 'phone', value: '090-1234-5678' }] } as unknown as StoredDisclosure['dossier'],
    createdAt: new Date().toISOString(),
    expiresAt: Math.floor(Date.now() / 1000) + 3600,
  };
  await Promise.all(disclosureItems(disclosure).map((item) => putItem('disclosures', item)));
  return disclosure;
}

const dossierItems = async (tokenHash: string) =>
  (await scanAll<{ tokenHash: string }>('disclosures')).filter((d) => d.tokenHash === tokenHash);

/** The stream record the poller delivered for the removal of a record. */
const removalOf = (recordId: string) =>
  seen.find((r) => r.dynamodb?.OldImage?.recordId?.S === recordId && !r.dynamodb.NewImage);

/** The certificate of the removal the poller delivered for this record, once written. */
async function certificateOf(recordId: string, timeoutMs = 20_000): Promise<ErasureCertificate> {
  return waitFor(
    async () => {
      const removal = removalOf(recordId);
      return removal
        ? getItem<ErasureCertificate>('evidence', { evidenceId: itemEvidenceId(streamEventId(removal)) })
        : undefined;
    },
    'the erasure certificate',
    timeoutMs,
  );
}

function expectNoPersonalData(certificate: ErasureCertificate, ...secrets: string[]) {
  const text = JSON.stringify(certificate);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe.concurrent('certify-erasure', () => {
  it("DynamoDB Local removes a record by TTL a few seconds after its purposes are achieved; the real stream record is certified ttl, verified gone, and the subject's dossiers go with it", async () => {
    const email = uniqueEmail('ttl');
    const subjectId = `subject-${randomUUID()}`;
    const identifier = personalRecord(subjectId, { category: 'email', value: email });
    const expiring = personalRecord(subjectId, {
      category: 'credit-information',
      value: 'No delinquency recorded',
      expiresAt: Math.floor(Date.now() / 1000) + 3,
    });
    await Promise.all([
      putItem('personal-data', identifier),
      putItem('personal-data', expiring),
      putItem('subjects', { subjectId, lastActivityAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    const dossier = await storeDossier([subjectId, 'subject-someone-else']);

    // Until DynamoDB Local removes it, the item may still be stored but is never read once expired.
    await waitFor(
      async () => {
        const now = new Date();
        const holdings = await dynamoHoldingsReader.holdingsOf(email, now);
        const live = now.getTime() / 1000 < expiring.expiresAt!;
        expect(holdings.records.map((r) => r.recordId).sort()).toEqual(
          (live ? [identifier.recordId, expiring.recordId] : [identifier.recordId]).sort(),
        );
        return (await getItem('personal-data', { subjectId, recordId: expiring.recordId })) ? undefined : true;
      },
      'DynamoDB Local to remove the expired record by TTL (it sweeps only 7 tables at a time: are other files leaving tables behind?)',
      60_000,
      250,
    );

    const certificate = await certificateOf(expiring.recordId);
    expect(certificate).toMatchObject({
      kind: 'erasure-certificate',
      scope: 'item',
      reason: 'ttl',
      categories: ['credit-information'],
      count: 1,
      verification: { readBack: 'item-key', remaining: 0, remains: false },
      cascade: { storedDossiers: 1, subjectLifecycle: 0 },
    });
    expect(certifiesSubject(certificate, subjectId)).toBe(true);
    expect(Math.abs(Date.parse(certificate.erasedAt) - Date.now())).toBeLessThan(120_000);
    expect(certificate.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2 * 365 * 86_400);
    expectNoPersonalData(
      certificate,
      subjectId,
      expiring.recordId,
      'No delinquency',
      email,
      'subject-someone-else',
      dossier.tokenHash,
    );
    // The whole copy went, the other subject's item too; the lifecycle stays while a record does.
    expect(await dossierItems(dossier.tokenHash)).toEqual([]);
    expect(await getItem('subjects', { subjectId })).toBeDefined();

    // Locally the TTL deletion is not streamed as REMOVE, and has no userIdentity.
    const removal = removalOf(expiring.recordId)!;
    expect(removal.eventName).not.toBe('REMOVE');
    expect(removal.userIdentity).toBeUndefined();
    // The identifier record, still live, was not certified.
    expect(removalOf(identifier.recordId)).toBeUndefined();
  }, 90_000);

  it("a DeleteItem is an erasure on request; with the subject's last record the lifecycle goes too", async () => {
    const subjectId = `subject-${randomUUID()}`;
    const address = personalRecord(subjectId, { category: 'address', value: '東京都千代田区1-2-3' });
    const phone = personalRecord(subjectId);
    await Promise.all([
      putItem('personal-data', address),
      putItem('personal-data', phone),
      putItem('subjects', { subjectId, contractEndedAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    const dossier = await storeDossier([subjectId]);
    const remove = (recordId: string) =>
      dynamo().send(new DeleteCommand({ TableName: tableName('personal-data'), Key: { subjectId, recordId } }));

    await remove(address.recordId);
    const first = await certificateOf(address.recordId);
    expect(first).toMatchObject({
      reason: 'request',
      categories: ['address'],
      verification: { remains: false },
      cascade: { storedDossiers: 1, subjectLifecycle: 0 },
    });
    expect(removalOf(address.recordId)!.eventName).toBe('REMOVE');
    expect(await dossierItems(dossier.tokenHash)).toEqual([]);
    expect(await getItem('subjects', { subjectId })).toBeDefined();

    await remove(phone.recordId);
    const last = await certificateOf(phone.recordId);
    expect(last).toMatchObject({
      reason: 'request',
      categories: ['phone'],
      cascade: { storedDossiers: 0, subjectLifecycle: 1 },
    });
    expect(await getItem('subjects', { subjectId })).toBeUndefined();
    expectNoPersonalData(first, subjectId, '東京都', address.recordId);
    expectNoPersonalData(last, subjectId, '090-1234-5678', phone.recordId);
  });

  it('takes the reason marked on the record: purpose-retired (TTL after a retirement), request', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const retired = personalRecord(subjectId, { category: 'advertising-identifier', erasureReason: 'purpose-retired' });
    const requested = personalRecord(subjectId, { category: 'name', erasureReason: 'request' });
    const event = streamEvent(
      streamRecord('UNKNOWN_TO_SDK_VERSION', { oldImage: retired }),
      streamRecord('REMOVE', { oldImage: requested }),
    );
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    const [a, b] = await Promise.all(
      event.Records.map((r) =>
        getItem<ErasureCertificate>('evidence', { evidenceId: itemEvidenceId(streamEventId(r)) }),
      ),
    );
    expect(a).toMatchObject({ reason: 'purpose-retired', categories: ['advertising-identifier'] });
    expect(b).toMatchObject({ reason: 'request', categories: ['name'] });
  });

  it('recognises an AWS TTL removal (REMOVE by the DynamoDB service) as ttl, and ignores inserts and updates', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const byTtl = personalRecord(subjectId, { category: 'cookie-id' });
    const inserted = personalRecord(subjectId, { category: 'inquiry' });
    const event = streamEvent(
      streamRecord(
        'REMOVE',
        { oldImage: byTtl },
        { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } },
      ),
      streamRecord('INSERT', { newImage: inserted }),
      streamRecord('MODIFY', { newImage: inserted, oldImage: inserted }),
    );
    expect(await handler(event)).toEqual({ batchItemFailures: [] });
    const [ttl, insert, modify] = await Promise.all(
      event.Records.map((r) =>
        getItem<ErasureCertificate>('evidence', { evidenceId: itemEvidenceId(streamEventId(r)) }),
      ),
    );
    expect(ttl).toMatchObject({ reason: 'ttl', categories: ['cookie-id'] });
    expect(insert).toBeUndefined();
    expect(modify).toBeUndefined();
  });

  it('writes each certificate once: a redelivered stream record changes nothing', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const removal = streamRecord('REMOVE', { oldImage: personalRecord(subjectId, { category: 'name' }) });
    const evidenceId = itemEvidenceId(streamEventId(removal));
    expect(await handler(streamEvent(removal))).toEqual({ batchItemFailures: [] });
    const first = await getItem<ErasureCertificate>('evidence', { evidenceId });
    expect(first).toMatchObject({ reason: 'request', categories: ['name'] });
    const redelivered = {
      ...removal,
      dynamodb: {
        ...removal.dynamodb,
        ApproximateCreationDateTime: removal.dynamodb!.ApproximateCreationDateTime! + 100,
      },
    };
    expect(await handler(streamEvent(redelivered))).toEqual({ batchItemFailures: [] });
    expect(await getItem('evidence', { evidenceId })).toEqual(first);
    expect((await scanAll<ErasureCertificate>('evidence')).filter((c) => certifiesSubject(c, subjectId))).toHaveLength(
      1,
    );
  });

  it('records that the item remains when the read-back still finds its key', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const record = personalRecord(subjectId, { category: 'inquiry' });
    const removal = streamRecord('REMOVE', { oldImage: record });
    // Written again under the same key after the removal was streamed.
    await putItem('personal-data', record);
    expect(await handler(streamEvent(removal))).toEqual({ batchItemFailures: [] });
    expect(await getItem('evidence', { evidenceId: itemEvidenceId(streamEventId(removal)) })).toMatchObject({
      verification: { remaining: 1, remains: true },
      cascade: { subjectLifecycle: 0 },
    });
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
    const later = await dynamoHoldingsReader.holdingsOf(email, new Date(Date.now() + 3600_000));
    expect(later.records.map((r) => r.recordId)).toEqual([identifier.recordId]);
  });
});

// Not concurrent: it points the function at a missing evidence table for a moment.
describe('certify-erasure failures', () => {
  it('a certificate that cannot be written fails that record and the rest of the batch, for redelivery', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const records = [1, 2].map(() => streamRecord('REMOVE', { oldImage: personalRecord(subjectId) }));
    const saved = process.env.DESK_TABLE_EVIDENCE;
    process.env.DESK_TABLE_EVIDENCE = 'no-such-table';
    try {
      expect(await handler(streamEvent(...records))).toEqual({
        batchItemFailures: [{ itemIdentifier: records[0]!.dynamodb!.SequenceNumber }],
      });
    } finally {
      process.env.DESK_TABLE_EVIDENCE = saved;
    }
  });
});
