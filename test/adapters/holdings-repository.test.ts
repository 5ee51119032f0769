// Everything held about a person, against DynamoDB Local: found by e-mail through the lookup index,
// across subjects, with consents and provision records; one subject as stored, for staff; subjects
// found by address or customer number. Never anything past its expiresAt.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoHoldingsReader, dynamoSubjectHoldings } from '../../functions/adapters/holdings-repository';
import { customerIdLookupKey, emailLookupKey, lookupKeyOf } from '../../functions/domain/holdings';
import { DEMO_CUSTOMER, DEMO_RECORDS, seedDemoCustomer } from '../../local/seed';
import { freshTables, uniqueEmail } from '../support/desk';
import { dropTables, putItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoCustomer();
});

afterAll(() => dropTables(prefix));

const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;

const record = (subjectId: string, fields: Record<string, unknown> = {}) => ({
  subjectId,
  recordId: `rec-${randomUUID().slice(0, 8)}`,
  category: 'phone',
  value: '03-0000-0000',
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: '2025-01-01T00:00:00.000Z',
  ...fields,
});

describe('holdings-repository', () => {
  it('finds the demo customer with records, consents and provision records, without lookup keys', async () => {
    const held = await dynamoHoldingsReader.holdingsOf(DEMO_CUSTOMER.email, new Date());
    expect(held.subjectIds).toEqual(['subject-demo-hanako']);
    expect(held.records).toHaveLength(DEMO_RECORDS.length);
    expect(held.consents.length).toBeGreaterThan(0);
    expect(held.provisionRecords.length).toBeGreaterThan(0);
    for (const item of [...held.records, ...held.consents, ...held.provisionRecords]) {
      expect(item).not.toHaveProperty('lookupKey');
    }
  });

  it("keeps each live item's expiresAt, so a copy made of them can leave it out once it expires", async () => {
    const email = uniqueEmail('expiry-kept');
    const subjectId = `subject-${randomUUID()}`;
    const expiresAt = inSeconds(600);
    await Promise.all([
      putItem(
        'personal-data',
        record(subjectId, { category: 'email', value: email, lookupKey: emailLookupKey(email), expiresAt }),
      ),
      putItem('consents', {
        subjectId,
        eventId: 'e-1',
        action: 'given',
        purpose: 'advertising',
        noticeVersion: 'v1',
        method: 'web',
        at: '2025-01-01T00:00:00.000Z',
        expiresAt,
      }),
      putItem('provision-records', {
        subjectId,
        recordId: 'p-1',
        direction: 'provided',
        counterparty: 'X',
        items: ['name'],
        basis: 'consent',
        date: '2025-01-01',
        expiresAt,
      }),
    ]);
    const held = await dynamoHoldingsReader.holdingsOf(email, new Date());
    for (const items of [held.records, held.consents, held.provisionRecords]) {
      expect(items.map((i) => i.expiresAt)).toEqual([expiresAt]);
    }
  });

  it('looks the address up without regard to case or surrounding spaces', async () => {
    const held = await dynamoHoldingsReader.holdingsOf(`  ${DEMO_CUSTOMER.email.toUpperCase()} `, new Date());
    expect(held.subjectIds).toEqual(['subject-demo-hanako']);
  });

  it('a stranger: nothing held', async () => {
    expect(await dynamoHoldingsReader.holdingsOf(uniqueEmail('stranger'), new Date())).toEqual({
      subjectIds: [],
      records: [],
      consents: [],
      provisionRecords: [],
    });
  });

  it("one address known under two subject ids: both subjects' holdings, in a stable order", async () => {
    const email = uniqueEmail('twice');
    const [a, b] = [`subject-b-${randomUUID()}`, `subject-a-${randomUUID()}`];
    await Promise.all([
      putItem('personal-data', record(a, { category: 'email', value: email, lookupKey: emailLookupKey(email) })),
      putItem('personal-data', record(b, { category: 'email', value: email, lookupKey: emailLookupKey(email) })),
      putItem('personal-data', record(b)),
    ]);
    const held = await dynamoHoldingsReader.holdingsOf(email, new Date());
    expect(held.subjectIds).toEqual([a, b].sort());
    expect(held.records).toHaveLength(3);
  });

  it('leaves out records, consents and provision records past their expiresAt', async () => {
    const email = uniqueEmail('expiring');
    const subjectId = `subject-${randomUUID()}`;
    const live = record(subjectId, { category: 'email', value: email, lookupKey: emailLookupKey(email) });
    // Expired by the clock the reader is given, an hour from now. Not expired in real time on
    // purpose: DynamoDB Local cannot TTL-delete an item absent from a sparse GSI (a record without
    // lookupKey), and such an item holds up the TTL deletion of its table (see certify-erasure).
    const now = new Date(Date.now() + 3600_000);
    await Promise.all([
      putItem('personal-data', live),
      putItem('personal-data', record(subjectId, { category: 'address', expiresAt: inSeconds(600) })),
      putItem('consents', {
        subjectId,
        eventId: 'e-live',
        action: 'given',
        purpose: 'advertising',
        noticeVersion: 'v1',
        method: 'web',
        at: '2025-01-01T00:00:00.000Z',
      }),
      putItem('consents', {
        subjectId,
        eventId: 'e-old',
        action: 'given',
        purpose: 'analysis',
        noticeVersion: 'v1',
        method: 'web',
        at: '2020-01-01T00:00:00.000Z',
        expiresAt: inSeconds(600),
      }),
      putItem('provision-records', {
        subjectId,
        recordId: 'p-old',
        direction: 'provided',
        counterparty: 'X',
        items: ['name'],
        basis: 'consent',
        date: '2019-01-01',
        expiresAt: inSeconds(600),
      }),
    ]);
    expect((await dynamoHoldingsReader.holdingsOf(email, new Date())).records).toHaveLength(2);
    const held = await dynamoHoldingsReader.holdingsOf(email, now);
    expect(held.records.map((r) => r.recordId)).toEqual([live.recordId]);
    expect(held.consents.map((c) => c.eventId)).toEqual(['e-live']);
    expect(held.provisionRecords).toEqual([]);
  });
});

// "Expired" by a clock ten days ahead of real time, for items expiring in five: DynamoDB Local
// TTL-deletes items whose expiresAt is before the real now, so a really expired item would vanish.
const DAY = 86_400;
const tenDaysAhead = () => new Date(Date.now() + 10 * DAY * 1000);

const stored = (subjectId: string, fields: Record<string, unknown> = {}) => {
  const item = record(subjectId, fields) as ReturnType<typeof record> & { expiresAt?: number };
  return { ...item, lookupKey: lookupKeyOf(item) };
};

describe('dynamoSubjectHoldings: one subject, for staff', () => {
  it('returns live records with their expiry and lookup key, live consents and provision records; nothing expired', async () => {
    const subjectId = `subject-${randomUUID()}`;
    const live = stored(subjectId, {
      category: 'email',
      value: uniqueEmail('view'),
      expiresAt: inSeconds(30 * DAY),
      registeredBy: 'crm',
    });
    const forever = stored(subjectId, { category: 'cookie-id', value: 'ck-1', source: 'service-use' });
    await Promise.all([
      putItem('personal-data', live),
      putItem('personal-data', forever),
      putItem(
        'personal-data',
        stored(subjectId, { category: 'address', value: 'Tokyo', expiresAt: inSeconds(5 * DAY) }),
      ),
      putItem('consents', {
        subjectId,
        eventId: 'e-live',
        action: 'given',
        purpose: 'advertising',
        noticeVersion: 'v1',
        method: 'web',
        at: '2025-01-01T00:00:00.000Z',
        expiresAt: inSeconds(30 * DAY),
      }),
      putItem('consents', {
        subjectId,
        eventId: 'e-old',
        action: 'given',
        purpose: 'advertising',
        noticeVersion: 'v1',
        method: 'web',
        at: '2020-01-01T00:00:00.000Z',
        expiresAt: inSeconds(5 * DAY),
      }),
      putItem('provision-records', {
        subjectId,
        recordId: 'p-live',
        direction: 'received',
        counterparty: 'Y',
        items: ['name'],
        basis: 'law',
        date: '2025-01-01',
      }),
      putItem('provision-records', {
        subjectId,
        recordId: 'p-old',
        direction: 'provided',
        counterparty: 'X',
        items: ['name'],
        basis: 'consent',
        date: '2019-01-01',
        expiresAt: inSeconds(5 * DAY),
      }),
    ]);
    expect((await dynamoSubjectHoldings.heldUnder(subjectId, new Date())).records).toHaveLength(3);
    const held = await dynamoSubjectHoldings.heldUnder(subjectId, tenDaysAhead());
    expect(held.records.sort((a, b) => a.category.localeCompare(b.category))).toEqual(
      [forever, live].sort((a, b) => a.category.localeCompare(b.category)),
    );
    expect(held.consents.map((c) => [c.eventId, c.expiresAt])).toEqual([['e-live', live.expiresAt]]);
    expect(held.provisionRecords.map((p) => p.recordId)).toEqual(['p-live']);
  });

  it('an unknown subject: nothing', async () => {
    expect(await dynamoSubjectHoldings.heldUnder(`subject-${randomUUID()}`, new Date())).toEqual({
      records: [],
      consents: [],
      provisionRecords: [],
    });
  });

  it('finds subjects by e-mail address and by customer number, each once, and not through an expired identifier', async () => {
    const email = uniqueEmail('found');
    const customerId = `C-${randomUUID().slice(0, 8)}`;
    const [a, b, gone] = ['a', 'b', 'gone'].map((s) => `subject-${s}-${randomUUID()}`) as [string, string, string];
    await Promise.all([
      putItem('personal-data', stored(a, { category: 'email', value: email })),
      putItem('personal-data', stored(a, { category: 'email', value: email.toUpperCase(), recordId: 'rec-again' })),
      putItem('personal-data', stored(a, { category: 'customer-id', value: customerId })),
      putItem('personal-data', stored(b, { category: 'email', value: email, expiresAt: inSeconds(30 * DAY) })),
      putItem('personal-data', stored(gone, { category: 'email', value: email, expiresAt: inSeconds(5 * DAY) })),
      putItem(
        'personal-data',
        stored(gone, { category: 'customer-id', value: customerId, expiresAt: inSeconds(5 * DAY) }),
      ),
    ]);
    expect(await dynamoSubjectHoldings.subjectIdsByLookupKey(emailLookupKey(email), new Date())).toEqual(
      [a, b, gone].sort(),
    );
    expect(await dynamoSubjectHoldings.subjectIdsByLookupKey(emailLookupKey(email), tenDaysAhead())).toEqual(
      [a, b].sort(),
    );
    expect(await dynamoSubjectHoldings.subjectIdsByLookupKey(customerIdLookupKey(customerId), tenDaysAhead())).toEqual([
      a,
    ]);
    expect(await dynamoSubjectHoldings.subjectIdsByLookupKey(customerIdLookupKey('C-none'), new Date())).toEqual([]);
  });

  it("summarises a subject's live records by category and number", async () => {
    const subjectId = `subject-${randomUUID()}`;
    await Promise.all([
      putItem('personal-data', stored(subjectId, { category: 'phone' })),
      putItem('personal-data', stored(subjectId, { category: 'phone' })),
      putItem('personal-data', stored(subjectId, { category: 'name', value: 'Taro' })),
      putItem(
        'personal-data',
        stored(subjectId, { category: 'address', value: 'Osaka', expiresAt: inSeconds(5 * DAY) }),
      ),
    ]);
    expect(await dynamoSubjectHoldings.recordSummary(subjectId, new Date())).toEqual({
      categories: ['address', 'name', 'phone'],
      records: 4,
    });
    expect(await dynamoSubjectHoldings.recordSummary(subjectId, tenDaysAhead())).toEqual({
      categories: ['name', 'phone'],
      records: 3,
    });
  });
});
