// What the desk holds about a person: identifier records carry a lookupKey (an address or a customer
// number) in the byLookupKey index, and each subject's records, consents and provision records are
// read by subject id. Expired items are never returned; live ones keep their expiresAt, so a copy
// made of them (a stored dossier) can leave each out once it expires.

import type { HoldingsReader } from '../domain/holdings';
import {
  type ConsentEvent,
  type Expiring,
  emailLookupKey,
  type Holdings,
  type PersonalDataRecord,
  type ProvisionRecord,
  type StoredPersonalDataRecord,
} from '../domain/holdings';
import type { SubjectFinder } from '../domain/personal-data/search-subjects';
import type { SubjectHoldings, SubjectHoldingsReader } from '../domain/personal-data/view-subject';
import { notExpired, queryAll, tableName } from './clients';
import type { TableName } from './tables';

function bySubject<T>(table: TableName, subjectId: string, now: Date, projection?: string[]): Promise<T[]> {
  const live = notExpired(now);
  const names = projection?.map((attribute, i) => [`#p${i}`, attribute] as const);
  return queryAll<T>({
    TableName: tableName(table),
    KeyConditionExpression: 'subjectId = :subject',
    FilterExpression: live.FilterExpression,
    ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId },
    ...(names
      ? { ProjectionExpression: names.map(([n]) => n).join(', '), ExpressionAttributeNames: Object.fromEntries(names) }
      : {}),
  });
}

/** Projects the subject id only: a route granted `lookup` may read no other attribute (lib/data.ts). */
async function subjectIdsByLookupKey(lookupKey: string, now: Date): Promise<string[]> {
  const live = notExpired(now);
  const found = await queryAll<{ subjectId: string }>({
    TableName: tableName('personal-data'),
    IndexName: 'byLookupKey',
    KeyConditionExpression: 'lookupKey = :key',
    FilterExpression: live.FilterExpression,
    ProjectionExpression: 'subjectId',
    ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':key': lookupKey },
  });
  return [...new Set(found.map((i) => i.subjectId))].sort();
}

async function heldUnder(subjectId: string, now: Date): Promise<SubjectHoldings> {
  const [records, consents, provisionRecords] = await Promise.all([
    bySubject<StoredPersonalDataRecord>('personal-data', subjectId, now),
    bySubject<ConsentEvent & { expiresAt?: number }>('consents', subjectId, now),
    bySubject<ProvisionRecord & { expiresAt?: number }>('provision-records', subjectId, now),
  ]);
  return { records, consents, provisionRecords };
}

function withoutLookupKey<T extends object>(item: T): T {
  const { lookupKey: _lookupKey, ...rest } = item as T & { lookupKey?: string };
  return rest as T;
}

/** For a disclosure: everything held under every subject the address is known by, with expiries, without lookup keys. */
export const dynamoHoldingsReader: HoldingsReader = {
  async holdingsOf(email: string, now: Date): Promise<Holdings> {
    const subjectIds = await subjectIdsByLookupKey(emailLookupKey(email), now);
    const perSubject = await Promise.all(subjectIds.map((subjectId) => heldUnder(subjectId, now)));
    return {
      subjectIds,
      records: perSubject.flatMap((s) => s.records).map((r): Expiring<PersonalDataRecord> => withoutLookupKey(r)),
      consents: perSubject.flatMap((s) => s.consents).map(withoutLookupKey),
      provisionRecords: perSubject.flatMap((s) => s.provisionRecords).map(withoutLookupKey),
    };
  },
};

/** For staff: one subject as stored (with expiries), and subjects found by address or customer number. */
export const dynamoSubjectHoldings: SubjectHoldingsReader & SubjectFinder = {
  heldUnder,
  subjectIdsByLookupKey,
  async recordSummary(subjectId, now) {
    const records = await bySubject<{ category: string }>('personal-data', subjectId, now, ['category']);
    return { categories: [...new Set(records.map((r) => r.category))].sort(), records: records.length };
  },
};

/** For a read reason or a staff flag: only which subjects an address is known by (routes granted `lookup`). */
export const dynamoSubjectFinder: Pick<SubjectFinder, 'subjectIdsByLookupKey'> = { subjectIdsByLookupKey };
