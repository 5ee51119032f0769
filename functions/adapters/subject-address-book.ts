// A subject's e-mail address as the registry holds it: their live email record, the latest acquired
// if there are several. Only the value is read.
import type { SubjectAddressBook } from '../domain/consents/ports';
import { notExpired, queryAll, tableName } from './clients';

export const dynamoSubjectAddresses: SubjectAddressBook = {
  async addressOf(subjectId, now) {
    const live = notExpired(now);
    const records = await queryAll<{ value: string; acquiredAt: string }>({
      TableName: tableName('personal-data'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: `category = :email AND (${live.FilterExpression})`,
      ProjectionExpression: '#value, acquiredAt',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId, ':email': 'email' },
      ConsistentRead: true,
    });
    return records.sort((a, b) => b.acquiredAt.localeCompare(a.acquiredAt))[0]?.value;
  },
};
