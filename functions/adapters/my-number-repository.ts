// The my-number table: one item per subject and document, under its own KMS key. Reads never
// return a document whose retention has ended, even before TTL deletion catches up.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  type HeldMyNumberDocument,
  MY_NUMBER_DETAIL_ATTRIBUTES,
  type MyNumberDocumentReader,
  type MyNumberReader,
  type MyNumberWriter,
  type StoredMyNumber,
} from '../domain/my-number/ports';
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

/**
 * The documents without their numbers: the projection names only the detail attributes, which is
 * also all the dossier's IAM grant allows (a read of `number` is refused by IAM, not just unasked).
 */
export const dynamoMyNumberDocuments: MyNumberDocumentReader = {
  heldDocumentsOf(subjectId, now) {
    const live = notExpired(now);
    return queryAll<HeldMyNumberDocument>({
      TableName: tableName('my-number'),
      KeyConditionExpression: 'subjectId = :subject',
      FilterExpression: live.FilterExpression,
      ProjectionExpression: MY_NUMBER_DETAIL_ATTRIBUTES.map((_, i) => `#a${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(MY_NUMBER_DETAIL_ATTRIBUTES.map((a, i) => [`#a${i}`, a])),
      Select: 'SPECIFIC_ATTRIBUTES',
      ExpressionAttributeValues: { ...live.ExpressionAttributeValues, ':subject': subjectId },
      ConsistentRead: true,
    });
  },
};
