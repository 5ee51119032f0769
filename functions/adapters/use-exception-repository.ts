// Evidence of uses allowed beyond the purposes under a policy §2(2) exception: one evidence item
// each, written once (a new id per use, so a repeated put is a bug, not a retry).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { UseExceptionRecorder } from '../domain/personal-data/ports';
import { dynamo, tableName } from './clients';

export const dynamoUseExceptions: UseExceptionRecorder = {
  async record(evidence) {
    await dynamo().send(
      new PutCommand({
        TableName: tableName('evidence'),
        Item: evidence,
        ConditionExpression: 'attribute_not_exists(evidenceId)',
      }),
    );
  },
};
