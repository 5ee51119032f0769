// The demo data npm start seeds: only registered categories, sources and purposes; expiries from the
// purpose registry, none past; a running contract; a valid Individual Number; and a restart that
// rewrites the same items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoIncidents } from '../../functions/adapters/incident-repository';
import { dynamoMyNumberReader } from '../../functions/adapters/my-number-repository';
import { dynamoPersonalData } from '../../functions/adapters/personal-data-repository';
import { dynamoRecipients } from '../../functions/adapters/recipient-repository';
import { dynamoSubjectLifecycles } from '../../functions/adapters/subject-repository';
import { isValidIndividualNumber } from '../../functions/domain/my-number/documents';
import { categoryById } from '../../functions/domain/personal-data/categories';
import { personalDataExpiresAt } from '../../functions/domain/personal-data/expiry';
import { acquisitionSource } from '../../functions/domain/personal-data/sources';
import { provisionConsentOnFile } from '../../functions/domain/provisions/consent-on-file';
import { countryStanding } from '../../functions/domain/provisions/countries';
import { POLICY_PURPOSES, registryOf } from '../../functions/domain/purposes/registry';
import {
  DEMO_ABROAD_RECIPIENT,
  DEMO_CONSENTS,
  DEMO_CRM_CATEGORIES,
  DEMO_CRM_PEOPLE,
  DEMO_CUSTOMER,
  DEMO_LIFECYCLE,
  DEMO_MY_NUMBER,
  DEMO_PROVISION_RECORDS,
  DEMO_RECIPIENTS,
  DEMO_RECORDS,
  demoCrmHolder,
  seedDemoCustomer,
  seedDemoHolders,
  seedDemoIncident,
} from '../../local/seed';
import { freshTables } from '../support/desk';
import { dropTables, scanAll } from '../support/requests';

const nowSeconds = () => Date.now() / 1000;

describe("the demo customer's records", () => {
  it("use only the registry's categories, sources and purposes, from several sources", () => {
    const registry = registryOf(POLICY_PURPOSES);
    for (const record of DEMO_RECORDS) {
      expect(categoryById(record.category), record.recordId).toBeDefined();
      expect(acquisitionSource(record.source), record.recordId).toBeDefined();
      for (const purpose of record.purposes)
        expect(registry.get(purpose), `${record.recordId}: ${purpose}`).toBeDefined();
    }
    expect(new Set(DEMO_RECORDS.map((r) => r.source)).size).toBeGreaterThanOrEqual(5);
  });

  it('carry the expiry their purposes give them, none of it past, and a lookup key', () => {
    const registry = registryOf(POLICY_PURPOSES);
    for (const record of DEMO_RECORDS) {
      expect(record.expiresAt, record.recordId).toBe(personalDataExpiresAt(record, registry, DEMO_LIFECYCLE));
      if (record.expiresAt !== undefined) expect(record.expiresAt).toBeGreaterThan(nowSeconds());
    }
    // Screening data is achieved 180 days after acquisition; contract data waits for the contract's end.
    expect(DEMO_RECORDS.find((r) => r.recordId === 'rec-credit')!.expiresAt).toBeDefined();
    expect(DEMO_RECORDS.find((r) => r.recordId === 'rec-name')!.expiresAt).toBeUndefined();
    const lookupKeys = DEMO_RECORDS.map((r) => r.lookupKey);
    expect(lookupKeys).toContain(`email#${DEMO_CUSTOMER.email}`);
    expect(lookupKeys).toContain(`customer#${DEMO_CUSTOMER.customerId}`);
  });

  it('belong to a subject whose contract runs and who was active lately', () => {
    expect(DEMO_LIFECYCLE.contractEndedAt).toBeUndefined();
    expect(Date.now() - Date.parse(DEMO_LIFECYCLE.lastActivityAt!)).toBeLessThan(7 * 24 * 60 * 60 * 1000);
  });

  it('include a recent dependant-deduction declaration with a valid Individual Number, kept for its retention', () => {
    expect(isValidIndividualNumber(DEMO_MY_NUMBER.number)).toBe(true);
    expect(DEMO_MY_NUMBER).toMatchObject({ affair: 'tax', document: 'dependant-deduction-declaration' });
    expect(Date.now() - Date.parse(DEMO_MY_NUMBER.documentDate)).toBeLessThan(32 * 24 * 60 * 60 * 1000);
    expect(DEMO_MY_NUMBER.expiresAt).toBeGreaterThan(nowSeconds());
  });
});

describe('the demo recipients and provision', () => {
  it('the provision record names a registered recipient and rests on a consent to it on file', () => {
    const [record] = DEMO_PROVISION_RECORDS;
    const recipient = DEMO_RECIPIENTS.find((r) => r.recipientId === record!.recipientId)!;
    expect(recipient).toMatchObject({ name: 'Mecara Payments K.K.', relationship: 'third-party', country: 'JP' });
    expect(recipient.address).toContain('Chiyoda-ku, Tokyo');
    expect(record).toMatchObject({
      recipientName: recipient.name,
      recipientAddress: recipient.address,
      recipientRepresentative: recipient.representative,
      countryStanding: 'domestic',
    });
    const consent = provisionConsentOnFile(DEMO_CONSENTS, {
      recipientId: recipient.recipientId,
      purpose: record!.purpose,
    });
    expect(consent).toMatchObject({ state: 'in-force', consent: { eventId: record!.consentId } });
    expect(record!.expiresAt).toBeGreaterThan(nowSeconds());
  });

  it("one recipient is abroad without equivalence, so consent to it needs the country's information", () => {
    expect(countryStanding(DEMO_ABROAD_RECIPIENT)).toBe('foreign');
  });
});

describe('the demo CRM holder', () => {
  it("holds a copy of the customer's CRM categories, registered categories and purposes only", () => {
    const registry = registryOf(POLICY_PURPOSES);
    const holder = demoCrmHolder(endpoint);
    expect(holder).toMatchObject({
      name: 'Mecara CRM',
      kind: 'internal-system',
      understandsDeskExtension: true,
      version: 1,
    });
    for (const category of holder.categories) expect(categoryById(category), category).toBeDefined();
    for (const purpose of holder.purposes) expect(registry.get(purpose), purpose).toBeDefined();
    const [person] = DEMO_CRM_PEOPLE;
    expect(person!.emails).toEqual([DEMO_CUSTOMER.email]);
    expect(person!.customerIds).toEqual([DEMO_CUSTOMER.customerId]);
    expect(person!.records.map((r) => r.category).sort()).toEqual([...DEMO_CRM_CATEGORIES].sort());
  });
});

const endpoint = {
  baseUrl: 'http://localhost:8010/opendsr/v2',
  processorDomain: 'localhost',
  apiVersion: '2.0',
  supportedRequestTypes: ['access' as const, 'erasure' as const],
  supportedIdentities: [{ identity_type: 'email', identity_format: 'sha256' as const }],
  certificatePem: '-----BEGIN CERTIFICATE-----',
  certificateFingerprint: 'AA',
  discoveredAt: '2026-12-01T00:00:00.000Z',
};

describe('seeding the tables', () => {
  let prefix: string;

  beforeAll(async () => {
    prefix = await freshTables();
    await seedDemoCustomer();
  });

  afterAll(async () => {
    await dropTables(prefix);
  });

  it("stores what the desk's own readers then find, and a restart adds nothing", async () => {
    await seedDemoCustomer();
    const now = new Date();
    expect(await dynamoPersonalData.liveRecordsOf(DEMO_CUSTOMER.subjectId, now)).toHaveLength(DEMO_RECORDS.length);
    expect(await dynamoSubjectLifecycles.get(DEMO_CUSTOMER.subjectId)).toEqual(DEMO_LIFECYCLE);
    expect((await dynamoMyNumberReader.liveDocumentsOf(DEMO_CUSTOMER.subjectId, now)).map((d) => d.document)).toEqual([
      'dependant-deduction-declaration',
    ]);
    expect(await scanAll('personal-data')).toHaveLength(DEMO_RECORDS.length);
    expect(await scanAll('consents')).toHaveLength(DEMO_CONSENTS.length);
    expect((await dynamoRecipients.list()).map((r) => r.recipientId)).toEqual([
      'mecara-payments',
      'northwind-analytics',
    ]);
    expect(await scanAll('provision-records')).toHaveLength(1);
  });

  it('writes the CRM holder as version 1 of its registry entry, and a restart rewrites it with the new endpoint', async () => {
    await seedDemoHolders(endpoint);
    await seedDemoHolders({ ...endpoint, certificateFingerprint: 'BB' });
    const items = await scanAll('holders');
    expect(items.map((i) => i.itemKey).sort()).toEqual(['holder', 'version#0001']);
    for (const item of items)
      expect(item).toMatchObject({ holderId: 'mecara-crm', version: 1, endpoint: { certificateFingerprint: 'BB' } });
  });

  it('opens the demo incident through the register: open, Hanako linked, not reportable; a restart adds nothing', async () => {
    await seedDemoIncident();
    await seedDemoIncident();
    const [linked, ...more] = await dynamoIncidents.incidentsOf(DEMO_CUSTOMER.subjectId);
    expect(more).toEqual([]);
    const incident = await dynamoIncidents.get(linked!.incidentId);
    expect(incident).toMatchObject({
      state: 'open',
      version: 3,
      persons: { confirmed: 1, linked: 1 },
      reportability: { reportable: false },
      deadlines: { finalDays: 30 },
    });
    expect(Date.parse(incident!.awareAt)).toBeLessThan(Date.now());
    expect(await dynamoIncidents.versions(linked!.incidentId)).toHaveLength(3);
  });
});
