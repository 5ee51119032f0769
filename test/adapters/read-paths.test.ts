// Every read path filters expiresAt > now, so an item past its expiry (policy §2(4)) is never served,
// used or disclosed while it waits for the TTL sweep, which in AWS lags by days. Property over random
// records, consents, provision records and reader clocks, against DynamoDB Local, for each path that
// reads a subject: the dossier (holdingsOf), the staff view (heldUnder), the use check (checkUse end
// to end); then the copies and other reads: a stored dossier by link and on paper, search, exports,
// My Number, addresses, the provision ledger and the request store.

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoAccessLog } from '../../functions/adapters/access-log-repository';
import { dynamoConsents } from '../../functions/adapters/consent-repository';
import { disclosureItems, dynamoDisclosureReader } from '../../functions/adapters/disclosure-repository';
import { dynamoExportHoldings } from '../../functions/adapters/export-repository';
import { dynamoHoldingsReader, dynamoSubjectHoldings } from '../../functions/adapters/holdings-repository';
import { dynamoMyNumberReader } from '../../functions/adapters/my-number-repository';
import { dynamoPersonalData } from '../../functions/adapters/personal-data-repository';
import { dynamoProvisionLedger } from '../../functions/adapters/provision-repository';
import { dynamoAffectedRecords } from '../../functions/adapters/purpose-change-repository';
import { dynamoPurposeVersions } from '../../functions/adapters/purpose-repository';
import { dynamoRequestReader } from '../../functions/adapters/request-repository';
import { dynamoSubjectAddresses } from '../../functions/adapters/subject-address-book';
import { dynamoSubjectLifecycles } from '../../functions/adapters/subject-repository';
import { cryptoSecrets } from '../../functions/adapters/system';
import { dynamoUseExceptions } from '../../functions/adapters/use-exception-repository';
import { customerIdLookupKey, emailLookupKey, lookupKeyOf } from '../../functions/domain/holdings';
import { DISCLOSURE_LINK_LIFETIME_SECONDS } from '../../functions/domain/kernel/law';
import { DeskProblem } from '../../functions/domain/kernel/problems';
import { hashSecret } from '../../functions/domain/kernel/secrets';
import { checkUse } from '../../functions/domain/personal-data/check-use';
import { POLICY_PURPOSES, registryOf } from '../../functions/domain/purposes/registry';
import {
  compileDossier,
  type Dossier,
  storedDossierExpiresAt,
} from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { getDisclosure } from '../../functions/domain/requests/types/disclosure/get-disclosure';
import { getPaperDisclosure } from '../../functions/domain/requests/types/disclosure/paper-disclosure';
import { FixedClock, OPERATOR, receivedRequest } from '../domain/doubles';
import { DEMO_COMPANY } from '../support/company';
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
  records: fc.array(
    fc.record({
      category: fc.constantFrom(...CATEGORIES),
      purposes: fc.subarray([...PURPOSES], { minLength: 1 }),
      expiresIn: expiry,
    }),
    { minLength: 1, maxLength: 8 },
  ),
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
    await fc.assert(
      fc.asyncProperty(holdingsSpec, async (spec) => {
        const subjectId = `subject-${randomUUID()}`;
        const email = `${subjectId}@example.jp`;
        const at = (expiresIn: number | undefined) => (expiresIn === undefined ? {} : { expiresAt: base + expiresIn });
        const records = spec.records.map((r, i) => {
          const record = {
            subjectId,
            recordId: `rec-${i}`,
            category: r.category,
            value: r.category === 'email' ? email : `value ${i}`,
            source: 'from-customer' as const,
            purposes: r.purposes,
            acquiredAt: '2026-01-01T00:00:00.000Z',
            ...at(r.expiresIn),
          };
          return { ...record, lookupKey: lookupKeyOf(record) };
        });
        const consents = spec.consents.map((e, i) => ({
          subjectId,
          eventId: `consent-${i}`,
          action: 'given',
          purpose: 'advertising',
          noticeVersion: '2024-04-01',
          method: 'web-button',
          at: '2026-01-01T00:00:00.000Z',
          ...at(e),
        }));
        const provisionRecords = spec.provisionRecords.map((e, i) => ({
          subjectId,
          recordId: `prov-${i}`,
          direction: 'provided',
          counterparty: 'Recipient K.K.',
          items: ['name'],
          basis: 'consent',
          date: '2026-01-01',
          ...at(e),
        }));
        await Promise.all([
          ...records.map((r) => putItem('personal-data', r)),
          ...consents.map((c) => putItem('consents', c)),
          ...provisionRecords.map((p) => putItem('provision-records', p)),
        ]);

        const nowSeconds = base + spec.clockOffset;
        const now = new Date(nowSeconds * 1000);
        const live = <T extends { expiresAt?: number }>(items: T[]) =>
          items.filter((i) => i.expiresAt === undefined || i.expiresAt > nowSeconds);
        const ids = (items: Array<{ recordId?: string; eventId?: string }>) =>
          items.map((i) => i.recordId ?? i.eventId).sort();

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

        const answer = await checkUse(
          {
            records: dynamoPersonalData,
            lifecycles: dynamoSubjectLifecycles,
            purposes: dynamoPurposeVersions,
            consents: dynamoConsents,
            exceptions: dynamoUseExceptions,
            secrets: cryptoSecrets,
            clock: new FixedClock(now),
          },
          { principal: systemPrincipal(), sourceIp: '203.0.113.10' },
          { subjectId, ...spec.asked },
        );
        const usable = live(records).some(
          (r) => r.category === spec.asked.category && r.purposes.includes(spec.asked.purpose),
        );
        expect(answer.allowed).toBe(usable);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});

const copiesSpec = fc.record({
  identifier: expiry,
  records: fc.array(
    fc.record({
      category: fc.constantFrom('email', 'phone', 'address', 'customer-id'),
      purposes: fc.subarray([...PURPOSES], { minLength: 1 }),
      expiresIn: expiry,
    }),
    { maxLength: 6 },
  ),
  consents: fc.array(expiry, { maxLength: 3 }),
  provisionRecords: fc.array(expiry, { maxLength: 3 }),
  myNumbers: fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 3 }),
  request: expiry,
  clockOffset: fc.integer({ min: -10, max: 3_010 }),
});

describe('copies and the other read paths leave out what is past its expiry', () => {
  it('a stored dossier (link and paper, JSON, page and CSV), search, exports, My Number, addresses, provision ledger and request store (property)', async () => {
    // As above: expiries ahead of the real clock, so the reads' filters alone decide, not TTL.
    const base = Math.floor(Date.now() / 1000) + 600;
    const registry = registryOf(POLICY_PURPOSES);
    await fc.assert(
      fc.asyncProperty(copiesSpec, async (spec) => {
        const subjectId = `subject-${randomUUID()}`;
        const marker = (what: string) => `${what}-${randomUUID().slice(0, 8)}`;
        const email = `${subjectId}@example.jp`;
        const at = (expiresIn: number | undefined) => (expiresIn === undefined ? {} : { expiresAt: base + expiresIn });
        type Row = {
          subjectId: string;
          recordId: string;
          category: string;
          value: string;
          source: string;
          purposes: string[];
          acquiredAt: string;
          expiresAt?: number;
        };
        const stored = (record: Row) => ({ ...record, lookupKey: lookupKeyOf(record) });
        const identifier = stored({
          subjectId,
          recordId: 'rec-id',
          category: 'email',
          value: email,
          source: 'from-customer',
          purposes: ['service-provision'],
          acquiredAt: '2026-01-01T00:00:00.000Z',
          ...at(spec.identifier),
        });
        const records = [
          identifier,
          ...spec.records.map((r, i) =>
            stored({
              subjectId,
              recordId: `rec-${i}`,
              category: r.category,
              value:
                r.category === 'email'
                  ? `${marker('mail')}@example.jp`
                  : r.category === 'customer-id'
                    ? marker('C')
                    : marker('value'),
              source: 'from-customer',
              purposes: r.purposes,
              acquiredAt: `2026-01-${String(i + 2).padStart(2, '0')}T00:00:00.000Z`,
              ...at(r.expiresIn),
            }),
          ),
        ];
        const consents = spec.consents.map((e, i) => ({
          subjectId,
          eventId: `consent-${i}`,
          action: 'given',
          purpose: 'advertising',
          noticeVersion: marker('notice'),
          method: 'web-button',
          at: '2026-01-01T00:00:00.000Z',
          ...at(e),
        }));
        const counterpartyId = `recipient-${subjectId}`;
        const provisionRecords = spec.provisionRecords.map((e, i) => ({
          subjectId,
          recordId: `prov-${i}`,
          direction: 'provided',
          counterparty: marker('Recipient K.K.'),
          counterpartyId,
          items: ['name'],
          basis: 'consent',
          date: '2026-01-01',
          ...at(e),
        }));
        const myNumbers = spec.myNumbers.map((e, i) => ({
          subjectId,
          documentId: `withholding-slip#2026-0${i + 1}-01`,
          affair: 'tax',
          document: 'withholding-slip',
          documentDate: `2026-0${i + 1}-01`,
          number: marker('number'),
          registeredBy: 'payroll',
          registeredAt: '2026-01-01T00:00:00.000Z',
          expiresAt: base + e,
        }));

        // The disclosure, decided on paper before any of it expired, and its stored copy.
        const compiledAt = new Date((base - 11) * 1000);
        const token = randomUUID();
        const request = receivedRequest({
          requestId: `req-${randomUUID()}`,
          status: 'fulfilled',
          subject: { email },
          details: { method: 'paper', postalAddress: 'Tokyo' },
          delivery: { method: 'paper', dossierTokenHash: hashSecret(token) },
          ...at(spec.request),
        } as Parameters<typeof receivedRequest>[0]);
        await Promise.all([
          ...records.map((r) => putItem('personal-data', r)),
          ...consents.map((c) => putItem('consents', c)),
          ...provisionRecords.map((p) => putItem('provision-records', p)),
          ...myNumbers.map((m) => putItem('my-number', m)),
          putItem('requests', request),
        ]);
        const dossier = compileDossier(
          request,
          await dynamoHoldingsReader.holdingsOf(email, compiledAt),
          registry,
          compiledAt,
        );
        const disclosure = {
          tokenHash: hashSecret(token),
          requestId: request.requestId,
          subjectIds: [subjectId],
          dossier,
          createdAt: compiledAt.toISOString(),
          expiresAt: storedDossierExpiresAt(dossier, base - 11 + DISCLOSURE_LINK_LIFETIME_SECONDS),
        };
        await Promise.all(disclosureItems(disclosure).map((item) => putItem('disclosures', item)));

        const nowSeconds = base + spec.clockOffset;
        const now = new Date(nowSeconds * 1000);
        const isLive = (i: { expiresAt?: number }) => i.expiresAt === undefined || i.expiresAt > nowSeconds;
        const live = <T extends { expiresAt?: number }>(items: T[]) => items.filter(isLive);
        const sorted = (values: string[]) => [...values].sort();
        const expiredMarkers = [
          ...records
            .slice(1)
            .filter((r) => !isLive(r))
            .map((r) => r.value),
          ...consents.filter((c) => !isLive(c)).map((c) => c.noticeVersion),
          ...provisionRecords.filter((p) => !isLive(p)).map((p) => p.counterparty),
        ];

        // The stored copy, by link and on paper, in every format: exactly what is live, or nothing at all.
        const liveInCopy = [...live(records), ...live(consents), ...live(provisionRecords)];
        const paper = (format: 'json' | 'html' | 'csv') =>
          getPaperDisclosure(
            {
              requests: dynamoRequestReader,
              disclosures: dynamoDisclosureReader,
              accessLog: dynamoAccessLog,
              clock: new FixedClock(now),
              company: DEMO_COMPANY,
            },
            OPERATOR,
            request.requestId,
            format,
          );
        // Started one at a time: a refusal started early would reject before anything awaits it.
        const reads = [
          ...(['json', 'html', 'csv'] as const).map(
            (format) => () =>
              getDisclosure(
                { disclosures: dynamoDisclosureReader, clock: new FixedClock(now), company: DEMO_COMPANY },
                token,
                format,
              ),
          ),
          ...(isLive(request) ? (['json', 'html', 'csv'] as const).map((format) => () => paper(format)) : []),
        ];
        for (const read of reads) {
          const served = await read().catch((error: unknown) => {
            expect(error).toBeInstanceOf(DeskProblem);
            return undefined;
          });
          if (!served) {
            expect(liveInCopy).toEqual([]);
            continue;
          }
          const text = typeof served.body === 'string' ? served.body : JSON.stringify(served.body);
          for (const value of expiredMarkers) expect(text).not.toContain(value);
          expect(text).not.toContain('expiresAt');
          if (typeof served.body !== 'string') {
            const body = served.body as Dossier;
            expect(sorted(body.records!.map((r) => r.value))).toEqual(sorted(live(records).map((r) => r.value)));
            expect(sorted(body.consents!.map((c) => c.noticeVersion))).toEqual(
              sorted(live(consents).map((c) => c.noticeVersion)),
            );
            expect(sorted(body.provisionRecords!.map((p) => p.counterparty))).toEqual(
              sorted(live(provisionRecords).map((p) => p.counterparty)),
            );
            const usedFor = new Set(live(records).flatMap((r) => r.purposes));
            expect(sorted(body.purposesOfUse!.map((p) => p.id))).toEqual(sorted([...usedFor]));
          }
        }
        if (!isLive(request)) {
          await expect(paper('json')).rejects.toMatchObject({ kind: 'not-found' });
          expect(await dynamoRequestReader.get(request.requestId, now)).toBeUndefined();
        } else {
          expect((await dynamoRequestReader.get(request.requestId, now))?.requestId).toBe(request.requestId);
        }

        // Search by address or customer number, and the staff summary.
        expect(await dynamoSubjectHoldings.subjectIdsByLookupKey(emailLookupKey(email), now)).toEqual(
          isLive(identifier) ? [subjectId] : [],
        );
        for (const customer of records.filter((r) => r.category === 'customer-id')) {
          expect(await dynamoSubjectHoldings.subjectIdsByLookupKey(customerIdLookupKey(customer.value), now)).toEqual(
            isLive(customer) ? [subjectId] : [],
          );
        }
        expect((await dynamoSubjectHoldings.recordSummary(subjectId, now)).records).toBe(live(records).length);

        // An export downloaded now carries only what is live now, whenever it was approved.
        const exported = await dynamoExportHoldings.recordsOf(
          subjectId,
          ['email', 'phone', 'address', 'customer-id'],
          now,
        );
        expect(sorted(exported.map((r) => r.value))).toEqual(sorted(live(records).map((r) => r.value)));

        // Individual Numbers, addresses, consents and the provision ledger.
        expect(sorted((await dynamoMyNumberReader.liveDocumentsOf(subjectId, now)).map((m) => m.number))).toEqual(
          sorted(live(myNumbers).map((m) => m.number)),
        );
        const liveEmails = live(records).filter((r) => r.category === 'email');
        expect(sorted(await dynamoAffectedRecords.addressesOf(subjectId, now))).toEqual(
          sorted(liveEmails.map((r) => r.value)),
        );
        expect(await dynamoSubjectAddresses.addressOf(subjectId, now)).toBe(
          liveEmails.sort((a, b) => b.acquiredAt.localeCompare(a.acquiredAt))[0]?.value,
        );
        expect(sorted((await dynamoConsents.consentsOf(subjectId, now)).map((c) => c.noticeVersion))).toEqual(
          sorted(live(consents).map((c) => c.noticeVersion)),
        );
        expect(sorted((await dynamoProvisionLedger.liveRecordsOf(subjectId, now)).map((p) => p.counterparty))).toEqual(
          sorted(live(provisionRecords).map((p) => p.counterparty)),
        );
        expect(
          sorted((await dynamoProvisionLedger.liveRecordsWith(counterpartyId, {}, now)).map((p) => p.counterparty)),
        ).toEqual(sorted(live(provisionRecords).map((p) => p.counterparty)));
      }),
      { numRuns: 20 },
    );
  }, 180_000);
});
