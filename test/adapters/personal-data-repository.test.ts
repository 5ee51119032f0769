// The personal-data table against DynamoDB Local: a registration is one transaction (all or
// nothing), a given record id replaces the record, expiry is set and removed only on records that
// still exist and are not being erased, and a use check reads purposes, never values.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoPersonalData } from '../../functions/adapters/personal-data-repository';
import { lookupKeyOf, type StoredPersonalDataRecord } from '../../functions/domain/holdings';
import { StaleWriteError } from '../../functions/domain/kernel/problems';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

// Reads are asked "as of" an hour from now, so records can be expired to the reader while
// DynamoDB Local's TTL sweep, which goes by the real clock, leaves them in place.
const later = new Date(Date.now() + 3_600_000);
const laterSeconds = Math.floor(later.getTime() / 1000);

function record(subjectId: string, fields: Partial<StoredPersonalDataRecord> = {}): StoredPersonalDataRecord {
  const base = {
    subjectId,
    recordId: `rec-${randomUUID()}`,
    category: 'phone',
    value: '03-1234-5678',
    source: 'from-customer' as const,
    purposes: ['service-provision'],
    acquiredAt: '2026-01-01T00:00:00.000Z',
    registeredBy: 'arn:aws:iam::000000000000:role/crm',
    ...fields,
  };
  return { ...base, lookupKey: lookupKeyOf(base) };
}

const subject = () => `subject-${randomUUID()}`;
const itemsOf = async (subjectId: string) =>
  (await scanAll<StoredPersonalDataRecord>('personal-data')).filter((r) => r.subjectId === subjectId);

describe('personal-data-repository', () => {
  describe('register', () => {
    it('writes every record of a registration', async () => {
      const s = subject();
      const records = [
        record(s),
        record(s, { category: 'email', value: 'a@example.jp', expiresAt: laterSeconds + 60 }),
        record(s, { category: 'name', value: '山田 花子' }),
      ];
      await dynamoPersonalData.register(records);
      const stored = await itemsOf(s);
      expect(stored.sort((a, b) => a.recordId.localeCompare(b.recordId))).toEqual(
        [...records].sort((a, b) => a.recordId.localeCompare(b.recordId)),
      );
      expect(stored.find((r) => r.category === 'email')!.lookupKey).toBe('email#a@example.jp');
      // No expiry given, no TTL attribute.
      expect(stored.find((r) => r.category === 'name')).not.toHaveProperty('expiresAt');
    });

    it('writes nothing when one record cannot be written', async () => {
      const s = subject();
      // Over DynamoDB's 400 KB item limit: the transaction is cancelled as a whole.
      const tooLarge = record(s, { value: 'x'.repeat(410 * 1024) });
      await expect(dynamoPersonalData.register([record(s), record(s), tooLarge])).rejects.toThrow();
      expect(await itemsOf(s)).toEqual([]);
    });

    it('never replaces a record registered under its id: the whole registration is stale, nothing written', async () => {
      const s = subject();
      await dynamoPersonalData.register([
        record(s, { recordId: 'crm-1', category: 'email', value: 'old@example.jp', lookupKey: 'email#old@example.jp' }),
      ]);
      await expect(
        dynamoPersonalData.register([
          record(s, { recordId: 'crm-2' }),
          record(s, {
            recordId: 'crm-1',
            category: 'email',
            value: 'new@example.jp',
            lookupKey: 'email#new@example.jp',
          }),
        ]),
      ).rejects.toBeInstanceOf(StaleWriteError);
      const stored = await itemsOf(s);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ recordId: 'crm-1', value: 'old@example.jp' });
    });

    it('checks an unchanged record is still live and as read, and reads records as stored', async () => {
      const s = subject();
      const kept = record(s, { recordId: 'crm-1' });
      await dynamoPersonalData.register([kept]);
      expect(await dynamoPersonalData.storedRecords(s, ['crm-1', 'crm-none'])).toEqual([kept]);
      await dynamoPersonalData.register([record(s, { recordId: 'crm-2' })], [kept]);
      expect(await itemsOf(s)).toHaveLength(2);
      await expect(
        dynamoPersonalData.register([record(s, { recordId: 'crm-3' })], [{ ...kept, value: 'changed meanwhile' }]),
      ).rejects.toBeInstanceOf(StaleWriteError);
      expect(await itemsOf(s)).toHaveLength(2);
    });
  });

  describe('expiry', () => {
    it('reads only live records', async () => {
      const s = subject();
      const [keep, open, gone] = [
        record(s, { expiresAt: laterSeconds + 1 }),
        record(s),
        record(s, { expiresAt: laterSeconds }),
      ];
      await Promise.all([keep, open, gone].map((r) => putItem('personal-data', r)));
      const live = await dynamoPersonalData.liveRecordsOf(s, later);
      expect(live.map((r) => r.recordId).sort()).toEqual([keep.recordId, open.recordId].sort());
    });

    it("sets, moves and removes a record's expiry", async () => {
      const s = subject();
      const r = record(s);
      await putItem('personal-data', r);
      const key = { subjectId: s, recordId: r.recordId };
      expect(await dynamoPersonalData.setExpiry(s, r.recordId, laterSeconds + 100)).toBe(true);
      expect((await getItem('personal-data', key))!.expiresAt).toBe(laterSeconds + 100);
      expect(await dynamoPersonalData.setExpiry(s, r.recordId, laterSeconds + 200)).toBe(true);
      expect((await getItem('personal-data', key))!.expiresAt).toBe(laterSeconds + 200);
      expect(await dynamoPersonalData.setExpiry(s, r.recordId, undefined)).toBe(true);
      expect(await getItem('personal-data', key)).toEqual(r);
    });

    it('never recreates a deleted record, nor moves the expiry of one being erased', async () => {
      const s = subject();
      expect(await dynamoPersonalData.setExpiry(s, 'rec-gone', laterSeconds)).toBe(false);
      expect(await itemsOf(s)).toEqual([]);
      const erasing = record(s, { expiresAt: laterSeconds, erasureReason: 'request' });
      await putItem('personal-data', erasing);
      expect(await dynamoPersonalData.setExpiry(s, erasing.recordId, undefined)).toBe(false);
      expect((await getItem('personal-data', { subjectId: s, recordId: erasing.recordId }))!.expiresAt).toBe(
        laterSeconds,
      );
    });
  });

  describe('use checks', () => {
    it('reads the purposes of live records of the category, without their values', async () => {
      const s = subject();
      const phone = record(s, { purposes: ['billing', 'service-provision'] });
      await Promise.all(
        [
          phone,
          record(s, { purposes: ['advertising'], expiresAt: laterSeconds }),
          record(s, { category: 'address', value: 'Tokyo', purposes: ['usage-analysis'] }),
        ].map((r) => putItem('personal-data', r)),
      );
      expect(await dynamoPersonalData.livePurposesOf(s, 'phone', later)).toEqual([
        { recordId: phone.recordId, purposes: ['billing', 'service-provision'] },
      ]);
      expect(await dynamoPersonalData.livePurposesOf(s, 'email', later)).toEqual([]);
    });

    it('never counts an expired record as live, whatever the clock (property)', async () => {
      // Expiries within the next hour and a reader's clock anywhere around them: DynamoDB Local's
      // TTL sweep (real clock) removes none of them, so only the filter decides.
      const base = Math.floor(Date.now() / 1000) + 600;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              expiresIn: fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined }),
              phone: fc.boolean(),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          fc.integer({ min: -10, max: 3_010 }),
          async (specs, clockOffset) => {
            const s = subject();
            const records = specs.map((spec) =>
              record(s, {
                ...(spec.phone ? {} : { category: 'address', value: 'Tokyo' }),
                ...(spec.expiresIn === undefined ? {} : { expiresAt: base + spec.expiresIn }),
              }),
            );
            await Promise.all(records.map((r) => putItem('personal-data', r)));
            const now = new Date((base + clockOffset) * 1000);
            const live = (r: StoredPersonalDataRecord) => r.expiresAt === undefined || r.expiresAt > base + clockOffset;
            const phones = records.filter((r) => r.category === 'phone');
            expect((await dynamoPersonalData.liveRecordsOf(s, now)).map((r) => r.recordId).sort()).toEqual(
              records
                .filter(live)
                .map((r) => r.recordId)
                .sort(),
            );
            expect((await dynamoPersonalData.livePurposesOf(s, 'phone', now)).map((r) => r.recordId).sort()).toEqual(
              phones
                .filter(live)
                .map((r) => r.recordId)
                .sort(),
            );
            expect(await dynamoPersonalData.hasExpiredRecord(s, 'phone', now)).toBe(phones.some((r) => !live(r)));
          },
        ),
        { numRuns: 25 },
      );
    });

    it('tells whether an expired record of the category is still stored', async () => {
      const s = subject();
      await putItem('personal-data', record(s, { expiresAt: laterSeconds }));
      await putItem('personal-data', record(s, { category: 'address', value: 'Tokyo', expiresAt: laterSeconds + 1 }));
      expect(await dynamoPersonalData.hasExpiredRecord(s, 'phone', later)).toBe(true);
      expect(await dynamoPersonalData.hasExpiredRecord(s, 'address', later)).toBe(false);
      expect(await dynamoPersonalData.hasExpiredRecord(s, 'email', later)).toBe(false);
    });
  });
});
