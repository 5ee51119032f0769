// Evidence the desk keeps: erasure certificates. Idempotent: a certificate's id derives from what it
// certifies (a stream record, a request), so a redelivered removal or a repeated request writes
// nothing twice and the first certificate stands.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ErasureEvidence } from '../domain/erasure/ports';
import { dynamo, tableName } from './clients';

export const dynamoErasureEvidence: ErasureEvidence = {
  async record(certificate) {
    try {
      await dynamo().send(
        new PutCommand({
          TableName: tableName('evidence'),
          Item: certificate,
          ConditionExpression: 'attribute_not_exists(evidenceId)',
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      return false;
    }
  },
};
