// Demo data for the local desk: the customer Hanako Yamada, with personal data from several of the
// policy's sources and purposes, her lifecycle (contract running, recent activity), her consents, a
// record of provision to a registered recipient and, as she is also on the company's payroll, one
// Individual Number document; the recipient registry (a third party in Japan and one abroad without
// equivalence, to try the provision guard on); a misdirected e-mail in the incident register; and the demo staff. Dates are counted back from the day the desk starts, so none of her data is
// ever past its purposes; each record's expiresAt comes from the policy's purpose registry.
// Idempotent: a restart on the same day rewrites the same items, with the same keys on any day.

import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../functions/adapters/clients';
import { company } from '../functions/adapters/company';
import { dynamoIncidents, dynamoRegisteredSubjects } from '../functions/adapters/incident-repository';
import type { Holder, HolderEndpoint } from '../functions/domain/holders/holder';
import {
  type ConsentEvent,
  lookupKeyOf,
  type PersonalDataRecord,
  type StoredPersonalDataRecord,
} from '../functions/domain/holdings';
import { linkIncidentSubjects, openIncident, registerIncident } from '../functions/domain/incidents/register';
import { myNumberDocument } from '../functions/domain/my-number/documents';
import type { StoredMyNumber } from '../functions/domain/my-number/ports';
import { documentIdOf } from '../functions/domain/my-number/register-my-number';
import { personalDataExpiresAt, type SubjectLifecycle } from '../functions/domain/personal-data/expiry';
import { countryStanding } from '../functions/domain/provisions/countries';
import type { StoredProvisionRecord } from '../functions/domain/provisions/ports';
import type { Recipient } from '../functions/domain/provisions/recipients';
import { provisionRecordExpiresAt } from '../functions/domain/provisions/retention';
import { POLICY_PURPOSES, registryOf } from '../functions/domain/purposes/registry';
import { STAFF_ROLES, type StaffActor } from '../functions/domain/staff';
import type { DemoPerson } from './demo-processor';
import { hashLocalPassword } from './staff-sign-in';
import { LOCAL_SYSTEM_CREDENTIALS } from './system-signing';

export const DEMO_CUSTOMER = {
  name: 'Hanako Yamada',
  email: 'hanako.yamada@example.jp',
  subjectId: 'subject-demo-hanako',
  customerId: 'C-100234',
} as const;
export const DEMO_PASSWORD_DEFAULT = 'local-demo';
const SUBJECT = DEMO_CUSTOMER.subjectId;

const DAY_MS = 24 * 60 * 60 * 1000;
const startOfToday = Math.floor(Date.now() / DAY_MS) * DAY_MS;
/** `days` before today at `hour`:00 UTC: the demo's timeline, the same all day long. */
const daysAgo = (days: number, hour = 1) =>
  new Date(startOfToday - days * DAY_MS + hour * 60 * 60 * 1000).toISOString();

export const DEMO_LIFECYCLE: SubjectLifecycle = { subjectId: SUBJECT, lastActivityAt: daysAgo(2, 6) };

const record = (
  recordId: string,
  fields: Omit<PersonalDataRecord, 'subjectId' | 'recordId'>,
): StoredPersonalDataRecord => {
  const held = { subjectId: SUBJECT, recordId, ...fields };
  const expiresAt = personalDataExpiresAt(held, registryOf(POLICY_PURPOSES), DEMO_LIFECYCLE);
  return { ...held, lookupKey: lookupKeyOf(held), ...(expiresAt === undefined ? {} : { expiresAt }) };
};

export const DEMO_RECORDS: StoredPersonalDataRecord[] = [
  record('rec-referral', {
    category: 'referral',
    value: 'Referred by an existing customer',
    source: 'third-party',
    sourceDetail: 'Customer referral programme',
    purposes: ['registration-screening'],
    acquiredAt: daysAgo(60, 6),
  }),
  record('rec-credit', {
    category: 'credit-information',
    value: 'No delinquency recorded',
    source: 'credit-bureau',
    sourceDetail: 'Credit bureau report at registration',
    purposes: ['registration-screening'],
    acquiredAt: daysAgo(58, 5),
  }),
  record('rec-email', {
    category: 'email',
    value: DEMO_CUSTOMER.email,
    source: 'from-customer',
    sourceDetail: 'Web sign-up form',
    purposes: ['service-provision', 'important-notices', 'information-and-inquiries'],
    acquiredAt: daysAgo(56),
  }),
  record('rec-name', {
    category: 'name',
    value: '山田 花子 (Hanako Yamada)',
    source: 'from-customer',
    sourceDetail: 'Web sign-up form',
    purposes: ['service-provision', 'billing'],
    acquiredAt: daysAgo(56),
  }),
  record('rec-customer-id', {
    category: 'customer-id',
    value: DEMO_CUSTOMER.customerId,
    source: 'from-customer',
    sourceDetail: 'Customer number issued at contract',
    purposes: ['service-provision', 'billing'],
    acquiredAt: daysAgo(56),
  }),
  record('rec-address', {
    category: 'address',
    value: '東京都千代田区神田錦町1-2-3',
    source: 'public-institution',
    sourceDetail: 'Residence record (住民票) confirmed at contract',
    purposes: ['service-provision', 'billing'],
    acquiredAt: daysAgo(54, 2),
  }),
  record('rec-phone', {
    category: 'phone',
    value: '03-1234-5678',
    source: 'public-source',
    sourceDetail: 'Telephone directory',
    purposes: ['information-and-inquiries'],
    acquiredAt: daysAgo(40, 3),
  }),
  record('rec-ad-id', {
    category: 'advertising-identifier',
    value: 'ad-id 6f1c2e9a (linked to this customer)',
    source: 'service-use',
    sourceDetail: 'Mobile app advertising identifier',
    purposes: ['advertising', 'usage-analysis'],
    acquiredAt: daysAgo(30, 9),
  }),
  record('rec-call', {
    category: 'recorded-call',
    value: 'Call about a billing question (recording kept)',
    source: 'from-customer',
    sourceDetail: 'Telephone inquiry, recorded',
    purposes: ['information-and-inquiries', 'service-improvement'],
    acquiredAt: daysAgo(10, 4),
  }),
];

/** The company system that records web consents and asks the provision guard. */
const WEB = LOCAL_SYSTEM_CREDENTIALS['business-systems'].principal;

/** Registered once, on a fixed day, so a restart on any day rewrites the same items. */
const REGISTERED = { registeredBy: 'officer', registeredAt: '2024-04-01T00:00:00.000Z' } as const;

/** The payment processor Hanako's name and address went to, on her consent: a third party in Japan. */
export const DEMO_PAYMENTS_RECIPIENT: Recipient = {
  recipientId: 'mecara-payments',
  name: 'Mecara Payments K.K.',
  address: '1-2-3 Otemachi, Chiyoda-ku, Tokyo',
  representative: 'Ichiro Suzuki, Representative Director',
  relationship: 'third-party',
  country: 'JP',
  recordKeeping: 'per-provision',
  ...REGISTERED,
};

/** A third party abroad with neither an equivalent country nor an equivalent setup: consent to it needs the country's information (APPI Art. 28(2)). */
export const DEMO_ABROAD_RECIPIENT: Recipient = {
  recipientId: 'northwind-analytics',
  name: 'Northwind Analytics Inc.',
  address: '500 Market Street, San Francisco, CA 94105, USA',
  representative: 'Jane Miller, Chief Executive Officer',
  relationship: 'third-party',
  country: 'US',
  recordKeeping: 'per-provision',
  ...REGISTERED,
};

export const DEMO_RECIPIENTS: Recipient[] = [DEMO_PAYMENTS_RECIPIENT, DEMO_ABROAD_RECIPIENT];

/** The consent the advertising identifier is used under (advertising rests on consent). */
export const DEMO_CONSENT_ID = 'consent-demo-advertising';
/** The consent the provision to the payment processor rests on. */
export const DEMO_PROVISION_CONSENT_ID = 'consent-demo-payments';
export const DEMO_CONSENTS: ConsentEvent[] = [
  {
    subjectId: SUBJECT,
    eventId: DEMO_CONSENT_ID,
    action: 'given',
    purpose: 'advertising',
    noticeVersion: '2024-04-01',
    method: 'web-button',
    collectedBy: WEB,
    at: daysAgo(30, 9),
  },
  {
    subjectId: SUBJECT,
    eventId: DEMO_PROVISION_CONSENT_ID,
    action: 'given',
    recipient: DEMO_PAYMENTS_RECIPIENT.recipientId,
    noticeVersion: '2024-04-01',
    method: 'web-button',
    collectedBy: WEB,
    at: daysAgo(46, 3),
  },
];

const providedAt = daysAgo(45);
const payments = DEMO_PAYMENTS_RECIPIENT;
export const DEMO_PROVISION_RECORDS: StoredProvisionRecord[] = [
  {
    subjectId: SUBJECT,
    recordId: 'provided#demo-payments',
    direction: 'provided',
    counterparty: `${payments.name}, ${payments.address} (${payments.representative})`,
    items: ['name', 'address'],
    basis: 'consent',
    date: providedAt.slice(0, 10),
    provisionId: 'demo-payments',
    counterpartyId: payments.recipientId,
    recipientId: payments.recipientId,
    recipientName: payments.name,
    recipientAddress: payments.address,
    recipientRepresentative: payments.representative,
    recipientCountry: payments.country,
    countryStanding: countryStanding(payments),
    purpose: 'billing',
    recordKeeping: payments.recordKeeping,
    consentId: DEMO_PROVISION_CONSENT_ID,
    firstProvidedAt: providedAt,
    lastProvidedAt: providedAt,
    providedBy: WEB,
    expiresAt: provisionRecordExpiresAt(payments.recordKeeping, new Date(providedAt)),
  },
];

/** A valid Individual Number (its check digit is right) that belongs to nobody: for the demo only. */
export const DEMO_INDIVIDUAL_NUMBER = '123456789018';
const declaration = myNumberDocument('dependant-deduction-declaration')!;
/** Filed on the first day of this month: recent, and the same item all month. */
const declarationDate = `${new Date(startOfToday).toISOString().slice(0, 8)}01`;

export const DEMO_MY_NUMBER: StoredMyNumber = {
  subjectId: SUBJECT,
  documentId: documentIdOf(declaration.id, declarationDate),
  affair: declaration.affair,
  document: 'dependant-deduction-declaration',
  documentDate: declarationDate,
  taxYear: Number(declarationDate.slice(0, 4)),
  number: DEMO_INDIVIDUAL_NUMBER,
  registeredBy: LOCAL_SYSTEM_CREDENTIALS.payroll.principal,
  registeredAt: `${declarationDate}T00:00:00.000Z`,
  expiresAt: Math.floor(
    declaration.retainUntil({ documentDate: declarationDate, taxYear: Number(declarationDate.slice(0, 4)) }).getTime() /
      1000,
  ),
};

/** The company's CRM holds a copy of these categories of Hanako's data, each for the purposes the registry names. */
export const DEMO_CRM_CATEGORIES = ['email', 'name', 'customer-id', 'address', 'phone', 'recorded-call'] as const;
const crmRecords = DEMO_RECORDS.filter((r) => (DEMO_CRM_CATEGORIES as readonly string[]).includes(r.category));

/** What the demo processor "Mecara CRM" holds at start: the CRM's copy of the demo customer's data. */
export const DEMO_CRM_PEOPLE: DemoPerson[] = [
  {
    emails: [DEMO_CUSTOMER.email],
    customerIds: [DEMO_CUSTOMER.customerId],
    records: crmRecords.map((r) => ({ category: r.category, value: r.value, purposes: [...r.purposes] })),
  },
];

export const DEMO_CRM_HOLDER_ID = 'mecara-crm';
export const DEMO_CRM_NAME = 'Mecara CRM';

/**
 * The holder registry's entry for the CRM, reached at the live demo processor (endpoint and certificate
 * from its /discovery). The processor makes a new key pair at each start, so every start rewrites it.
 */
export function demoCrmHolder(endpoint: HolderEndpoint): Holder {
  return {
    holderId: DEMO_CRM_HOLDER_ID,
    name: DEMO_CRM_NAME,
    owner: 'Customer Service Department',
    kind: 'internal-system',
    categories: [...DEMO_CRM_CATEGORIES],
    purposes: [...new Set(crmRecords.flatMap((r) => r.purposes))].sort(),
    endpoint,
    understandsDeskExtension: true,
    version: 1,
    ...REGISTERED,
  };
}

export async function seedDemoHolders(crmEndpoint: HolderEndpoint): Promise<void> {
  // The current item and its version 1 copy, as the registry keeps every version (holder-repository.ts).
  const holder = demoCrmHolder(crmEndpoint);
  await putAll('holders', [
    { ...holder, itemKey: 'holder' },
    { ...holder, itemKey: 'version#0001' },
  ]);
}

async function putAll(table: Parameters<typeof tableName>[0], items: object[]): Promise<void> {
  await dynamo().send(
    new BatchWriteCommand({
      RequestItems: { [tableName(table)]: items.map((Item) => ({ PutRequest: { Item } })) },
    }),
  );
}

export async function seedDemoCustomer(): Promise<void> {
  await Promise.all([
    putAll('personal-data', DEMO_RECORDS),
    putAll('subjects', [DEMO_LIFECYCLE]),
    putAll('consents', DEMO_CONSENTS),
    putAll('provision-records', DEMO_PROVISION_RECORDS),
    putAll('recipients', DEMO_RECIPIENTS),
    putAll('my-number', [DEMO_MY_NUMBER]),
  ]);
}

/** The three demo staff, one per role, named after it. The password, its age and any lock are reset on every start. */
export async function seedDemoStaff(password: string, now = new Date()): Promise<void> {
  await Promise.all(
    STAFF_ROLES.map((role) =>
      dynamo().send(
        new UpdateCommand({
          TableName: tableName('staff'),
          Key: { staffId: role },
          UpdateExpression:
            'SET #role = if_not_exists(#role, :role), #status = if_not_exists(#status, :active), displayName = if_not_exists(displayName, :name), email = if_not_exists(email, :email), passwordChangedAt = :now, localPasswordHash = :hash REMOVE passwordMustChange, failedSignIns, lockedUntil',
          ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
          ExpressionAttributeValues: {
            ':role': role,
            ':active': 'active',
            ':name': `Demo ${role}`,
            ':email': `${role}@desk.example.jp`,
            ':now': now.toISOString(),
            ':hash': hashLocalPassword(password),
          },
        }),
      ),
    ),
  );
}

/**
 * The incident register's demo: yesterday an order confirmation for Hanako went to another customer's
 * address. The operator opened a draft, the officer took it on and linked Hanako. One person's name,
 * address and order, nothing of Rules Art. 7: the desk answers "not reportable", and still counts the
 * deadlines it would have. Written through the register's own use cases, at yesterday's times, with no
 * access-log entries (nobody read anything). Only when Hanako is linked to no incident yet: a restart
 * adds nothing and keeps what was done to it in the demo.
 */
export async function seedDemoIncident(): Promise<void> {
  if ((await dynamoIncidents.incidentsOf(SUBJECT)).length > 0) return;
  let at = daysAgo(1, 2);
  const deps = {
    incidents: dynamoIncidents,
    registry: dynamoRegisteredSubjects,
    accessLog: { append: async () => {} },
    clock: { now: () => new Date(at) },
    preliminaryDeskDays: 3,
    deskHours: company().desk.hours,
  };
  const actor = (role: StaffActor['role']): StaffActor => ({ staffId: role, role, sourceIp: '127.0.0.1' });
  const draft = await openIncident(deps, actor('operator'), {
    kinds: ['leak'],
    awareAt: daysAgo(1, 1),
    awareHow: 'The customer who received it phoned the service desk.',
    summary:
      "An order confirmation e-mail for one customer was sent to another customer's address: the address was picked from the wrong row of the order list.",
    categories: ['name', 'address'],
    dataItems: ['order number and items ordered'],
    persons: { confirmed: 1 },
    factors: {
      specialCareRequired: false,
      financialLoss: false,
      wrongfulPurpose: false,
      individualNumbers: false,
      publiclyViewable: false,
      advancedEncryption: false,
    },
    cause: 'Manual copy of the address from the order list.',
    secondaryDamage: 'None known.',
    measuresTaken: 'The recipient was asked to delete the e-mail.',
    publication: '',
    recurrencePrevention: '',
    other: '',
  });
  at = daysAgo(1, 3);
  await registerIncident(deps, actor('officer'), draft.incidentId, { version: 1 });
  at = daysAgo(1, 4);
  await linkIncidentSubjects(deps, actor('officer'), draft.incidentId, { version: 2, subjectIds: [SUBJECT] });
}
