// Evidence the desk keeps: erasure certificates. Idempotent: a certificate's id derives from what it
// certifies, so a redelivered stream record writes nothing twice.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ErasureCertificate } from '../domain/erasure';
import { dynamo, tableName } from './clients';

export async function recordErasureCertificate(certificate: ErasureCertificate): Promise<void> {
  try {
    await dynamo().send(new PutCommand({
      TableName: tableName('evidence'),
      Item: certificate,
      ConditionExpression: 'attribute_not_exists(evidenceId)',
    }));
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}
