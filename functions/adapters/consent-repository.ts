// Consent and withdrawal events of a subject, as registration and use checks cite them. Events past
// their expiresAt are never returned.
import type { ConsentEvent } from '../domain/holdings';
import type { ConsentReader } from '../domain/personal-data/ports';
import { notExpired, queryAll, tableName } from './clients';

export const dynamoConsents: ConsentReader = {
  consentsOf(subjectId, now) {
    const live = notExpired(now);
    return queryAll<ConsentEvent>({
      TableName: tableName('consents'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId },
      ConsistentRead: true,
    });
  },
};
