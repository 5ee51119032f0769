// DESIGN §3: every read path filters expiresAt > now, so an item past its expiry is never served,
// used or disclosed while it waits for the TTL sweep. Property over random records, consents,
// provision records and reader clocks, against DynamoDB Local, for each path that reads a subject:
// the dossier (holdingsOf), the staff view (heldUnder) and the use check (checkUse end to end).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoConsents } from '../../functions/adapters/consent-repository';
import { dynamoHoldingsReader, dynamoSubjectHoldings } from '../../functions/adapters/holdings-repository';
import { dynamoPersonalData } from '../../functions/adapters/personal-data-repository';
import { dynamoPurposeVersions } from '../../functions/adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../../functions/adapters/subject-repository';
import { cryptoSecrets } from '../../functions/adapters/system';
import { dynamoUseExceptions } from '../../functions/adapters/use-exception-repository';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { checkUse } from '../../functions/domain/personal-data/check-use';
import { FixedClock } from '../domain/doubles';
import { freshTables } from '../support/desk';
import { dropTables, putItem, systemPrincipal } from '../support/requests';

let prefix: string;
beforeAll(async () => {
  prefix = await freshTables();
});
afterAll(() => dropTables(prefix));

const PURPOSES = ['service-provision', 'billing', 'usage-analysis'] as const;
const CATEGORIES = ['email', 'phone', 'address'] as const;

/** An expiry, as seconds after the base, or none (a purpose not yet achieved). */
const expiry = fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: undefined });

const holdingsSpec = fc.record({
  records: fc.array(fc.record({
    category: fc.constantFrom(...CATEGORIES),
    purposes: fc.subarray([...PURPOSES], { minLength: 1 }),
    expiresIn: expiry,
  }), { minLength: 1, maxLength: 8 }),
  consents: fc.array(expiry, { maxLength: 3 }),
  provisionRecords: fc.array(expiry, { maxLength: 3 }),
  clockOffset: fc.integer({ min: -10, max: 3_010 }),
  asked: fc.record({ category: fc.constantFrom(...CATEGORIES), purpose: fc.constantFrom(...PURPOSES) }),
});

describe('every read path leaves out what is past its expiry', () => {
  it('dossier, staff view and use check see exactly the live items, whatever the clock (property)', async () => {
    // Expiries up to an hour ahead of the real clock: DynamoDB Local's TTL sweep (real clock)
    // deletes none of them during the test, so the reads' filters alone decide.
    const base = Math.floor(Date.now() / 1000) + 600;
    await fc.assert(fc.asyncProperty(holdingsSpec, async (spec) => {
      const subjectId = `subject-${randomUUID()}`;
      const email = `${subjectId}@example.jp`;
      const at = (expiresIn: number | undefined) => (expiresIn === undefined ? {} : { expiresAt: base + expiresIn });
      const records = spec.records.map((r, i) => {
        const record = {
          subjectId, recordId: `rec-${i}`, category: r.category, value: r.category === 'email' ? email : `value ${i}`,
          source: 'from-customer' as const, purposes: r.purposes, acquiredAt: '2026-01-01T00:00:00.000Z', ...at(r.expiresIn),
        };
        return { ...record, lookupKey: lookupKeyOf(record) };
      });
      const consents = spec.consents.map((e, i) => ({
        subjectId, eventId: `consent-${i}`, action: 'given', purpose: 'advertising', noticeVersion: '2024-04-01', method: 'web-button', at: '2026-01-01T00:00:00.000Z', ...at(e),
      }));
      const provisionRecords = spec.provisionRecords.map((e, i) => ({
        subjectId, recordId: `prov-${i}`, direction: 'provided', counterparty: 'Recipient K.K.', items: ['name'], basis: 'consent', date: '2026-01-01', ...at(e),
      }));
      await Promise.all([
        ...records.map((r) => putItem('personal-data', r)),
        ...consents.map((c) => putItem('consents', c)),
        ...provisionRecords.map((p) => putItem('provision-records', p)),
      ]);

      const nowSeconds = base + spec.clockOffset;
      const now = new Date(nowSeconds * 1000);
      const live = <T extends { expiresAt?: number }>(items: T[]) => items.filter((i) => i.expiresAt === undefined || i.expiresAt > nowSeconds);
      const ids = (items: Array<{ recordId?: string; eventId?: string }>) => items.map((i) => i.recordId ?? i.eventId).sort();

      const view = await dynamoSubjectHoldings.heldUnder(subjectId, now);
      expect(ids(view.records)).toEqual(ids(live(records)));
      expect(ids(view.consents)).toEqual(ids(live(consents)));
      expect(ids(view.provisionRecords)).toEqual(ids(live(provisionRecords)));

      const dossier = await dynamoHoldingsReader.holdingsOf(email, now);
      const findable = live(records).some((r) => r.category === 'email');
      expect(dossier.subjectIds).toEqual(findable ? [subjectId] : []);
      expect(ids(dossier.records)).toEqual(findable ? ids(live(records)) : []);
      expect(ids(dossier.consents)).toEqual(findable ? ids(live(consents)) : []);
      expect(ids(dossier.provisionRecords)).toEqual(findable ? ids(live(provisionRecords)) : []);

      const answer = await checkUse({
        records: dynamoPersonalData, lifecycles: dynamoSubjectLifecycles, purposes: dynamoPurposeVersions,
        consents: dynamoConsents, exceptions: dynamoUseExceptions, secrets: cryptoSecrets, clock: new FixedClock(now),
      }, { principal: systemPrincipal(), sourceIp: '203.0.113.10' }, { subjectId, ...spec.asked });
      const usable = live(records).some((r) => r.category === spec.asked.category && r.purposes.includes(spec.asked.purpose));
      expect(answer.allowed).toBe(usable);
    }), { numRuns: 20 });
  }, 120_000);
});
