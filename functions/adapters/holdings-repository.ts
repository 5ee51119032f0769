// Everything held about a person, found by the e-mail address they write from: identifier records
// carry a lookupKey in a sparse index, and each subject's records, consents and provision records
// are read by subject id. Expired items are never returned.
import { emailLookupKey, type ConsentEvent, type Holdings, type PersonalDataRecord, type ProvisionRecord } from '../domain/holdings';
import type { HoldingsReader } from '../domain/ports';
import { notExpired, queryAll, tableName } from './clients';
import type { TableName } from './tables';

function bySubject<T>(table: TableName, subjectId: string, now: Date): Promise<T[]> {
  const live = notExpired(now);
  return queryAll<T>({
    TableName: tableName(table),
    KeyConditionExpression: 'subjectId = :subject',
    FilterExpression: live.FilterExpression,
    ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId },
  });
}

function withoutStorageKeys<T extends object>(item: T): T {
  const { expiresAt: _expiresAt, lookupKey: _lookupKey, ...rest } = item as T & { expiresAt?: number; lookupKey?: string };
  return rest as T;
}

export const dynamoHoldingsReader: HoldingsReader = {
  async holdingsOf(email: string, now: Date): Promise<Holdings> {
    const live = notExpired(now);
    const identifiers = await queryAll<{ subjectId: string }>({
      TableName: tableName('personal-data'),
      IndexName: 'byLookupKey',
      KeyConditionExpression: 'lookupKey = :key',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':key': emailLookupKey(email) },
    });
    const subjectIds = [...new Set(identifiers.map((i) => i.subjectId))].sort();
    const perSubject = await Promise.all(subjectIds.map(async (subjectId) => {
      const [records, consents, provisionRecords] = await Promise.all([
        bySubject<PersonalDataRecord>('personal-data', subjectId, now),
        bySubject<ConsentEvent>('consents', subjectId, now),
        bySubject<ProvisionRecord>('provision-records', subjectId, now),
      ]);
      return { records, consents, provisionRecords };
    }));
    return {
      subjectIds,
      records: perSubject.flatMap((s) => s.records).map(withoutStorageKeys),
      consents: perSubject.flatMap((s) => s.consents).map(withoutStorageKeys),
      provisionRecords: perSubject.flatMap((s) => s.provisionRecords).map(withoutStorageKeys),
    };
  },
};
