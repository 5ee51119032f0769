// Demo data for the local desk: the customer Hanako Yamada, with personal data from several of the
// policy's sources and purposes, a consent and a provision record; and the demo staff. Idempotent:
// a restart rewrites the same items.
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../functions/adapters/clients';
import { lookupKeyOf, type ConsentEvent, type PersonalDataRecord, type ProvisionRecord } from '../functions/domain/holdings';
import { STAFF_ROLES } from '../functions/domain/staff';
import { hashLocalPassword } from './staff-sign-in';

export const DEMO_CUSTOMER = { name: 'Hanako Yamada', email: 'hanako.yamada@example.jp' } as const;
export const DEMO_PASSWORD_DEFAULT = 'local-demo';
const SUBJECT = 'subject-demo-hanako';

const record = (recordId: string, fields: Omit<PersonalDataRecord, 'subjectId' | 'recordId'>): PersonalDataRecord =>
  ({ subjectId: SUBJECT, recordId, ...fields });

export const DEMO_RECORDS: PersonalDataRecord[] = [
  record('rec-email', { category: 'email', value: DEMO_CUSTOMER.email, source: 'from-customer', sourceDetail: 'Web sign-up form', purposes: ['service-provision', 'important-notices', 'information-and-inquiries'], acquiredAt: '2024-04-01T01:00:00.000Z' }),
  record('rec-name', { category: 'name', value: '山田 花子 (Hanako Yamada)', source: 'from-customer', sourceDetail: 'Web sign-up form', purposes: ['service-provision', 'billing'], acquiredAt: '2024-04-01T01:00:00.000Z' }),
  record('rec-address', { category: 'address', value: '東京都千代田区神田錦町1-2-3', source: 'public-institution', sourceDetail: 'Residence record (住民票) confirmed at contract', purposes: ['service-provision', 'billing'], acquiredAt: '2024-04-03T02:00:00.000Z' }),
  record('rec-phone', { category: 'phone', value: '03-1234-5678', source: 'public-source', sourceDetail: 'Telephone directory', purposes: ['information-and-inquiries'], acquiredAt: '2024-05-10T03:00:00.000Z' }),
  record('rec-credit', { category: 'credit-information', value: 'No delinquency recorded', source: 'credit-bureau', sourceDetail: 'Credit bureau report at registration', purposes: ['registration-screening'], acquiredAt: '2024-03-30T05:00:00.000Z' }),
  record('rec-ad-id', { category: 'advertising-identifier', value: 'ad-id 6f1c2e9a (linked to this customer)', source: 'service-use', sourceDetail: 'Mobile app advertising identifier', purposes: ['advertising', 'usage-analysis'], acquiredAt: '2025-01-15T09:00:00.000Z' }),
  record('rec-call', { category: 'recorded-call', value: 'Call of 2025-06-02 about a billing question (recording kept)', source: 'from-customer', sourceDetail: 'Telephone inquiry, recorded', purposes: ['information-and-inquiries', 'service-improvement'], acquiredAt: '2025-06-02T04:30:00.000Z' }),
  record('rec-referral', { category: 'referral', value: 'Referred by an existing customer', source: 'third-party', sourceDetail: 'Customer referral programme', purposes: ['registration-screening'], acquiredAt: '2024-03-28T06:00:00.000Z' }),
];

const DEMO_CONSENTS: ConsentEvent[] = [
  { subjectId: SUBJECT, eventId: '2025-01-15T09:00:00.000Z#advertising', action: 'given', purpose: 'advertising', noticeVersion: '2024-04-01', method: 'web-button', at: '2025-01-15T09:00:00.000Z' },
];

const DEMO_PROVISION_RECORDS: ProvisionRecord[] = [
  { subjectId: SUBJECT, recordId: 'prov-2025-payments', direction: 'provided', counterparty: 'Mecara Payments K.K., Chiyoda-ku, Tokyo', items: ['name', 'address'], basis: 'consent', date: '2025-02-01' },
];

async function putAll(table: Parameters<typeof tableName>[0], items: object[]): Promise<void> {
  await dynamo().send(new BatchWriteCommand({
    RequestItems: { [tableName(table)]: items.map((Item) => ({ PutRequest: { Item } })) },
  }));
}

export async function seedDemoCustomer(): Promise<void> {
  await Promise.all([
    putAll('personal-data', DEMO_RECORDS.map((r) => ({ ...r, lookupKey: lookupKeyOf(r) }))),
    putAll('consents', DEMO_CONSENTS),
    putAll('provision-records', DEMO_PROVISION_RECORDS),
  ]);
}

/** The three demo staff, one per role, named after it. The password is reset on every start. */
export async function seedDemoStaff(password: string, now = new Date()): Promise<void> {
  await Promise.all(STAFF_ROLES.map((role) => dynamo().send(new UpdateCommand({
    TableName: tableName('staff'),
    Key: { staffId: role },
    UpdateExpression: 'SET #role = if_not_exists(#role, :role), #status = if_not_exists(#status, :active), displayName = if_not_exists(displayName, :name), email = if_not_exists(email, :email), passwordChangedAt = :now, localPasswordHash = :hash',
    ExpressionAttributeNames: { '#role': 'role', '#status': 'status' },
    ExpressionAttributeValues: {
      ':role': role,
      ':active': 'active',
      ':name': `Demo ${role}`,
      ':email': `${role}@desk.example.jp`,
      ':now': now.toISOString(),
      ':hash': hashLocalPassword(password),
    },
  }))));
}
