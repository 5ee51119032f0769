// The my-number table: one item per subject and document, under its own KMS key. Reads never
// return a document whose retention has ended, even before TTL deletion catches up.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { MyNumberReader, MyNumberWriter, StoredMyNumber } from '../domain/my-number/ports';
import { dynamo, notExpired, queryAll, tableName } from './clients';

export const dynamoMyNumberWriter: MyNumberWriter = {
  async put(item) {
    await dynamo().send(new PutCommand({ TableName: tableName('my-number'), Item: item }));
  },
};

export const dynamoMyNumberReader: MyNumberReader = {
  liveDocumentsOf(subjectId, now) {
    const live = notExpired(now);
    return queryAll<StoredMyNumber>({
      TableName: tableName('my-number'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: live.FilterExpression,
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId },
      ConsistentRead: true,
    });
  },
};
