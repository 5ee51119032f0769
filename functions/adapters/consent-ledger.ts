// The consent ledger: an event is only ever added (conditional put), together with its receipt in
// the outbox and, for a withdrawal, the start of the withdrawn consent's evidence period: one
// transaction, so no receipt goes out for an event that was not recorded.
import type { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ConsentLedger } from '../domain/consents/ports';
import { StaleWriteError } from '../domain/problems';
import { dynamo, tableName } from './clients';
import { PENDING } from './outbox-repository';

export const dynamoConsentLedger: ConsentLedger = {
  async append({ event, receipt, withdrawn }) {
    try {
      await dynamo().send(new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName('consents'), Item: event, ConditionExpression: 'attribute_not_exists(eventId)' } },
          ...(withdrawn ? [{
            // Only the storage expiry is set, never the event's content; an earlier expiry stands.
            Update: {
              TableName: tableName('consents'),
              Key: { subjectId: withdrawn.subjectId, eventId: withdrawn.eventId },
              UpdateExpression: 'SET expiresAt = if_not_exists(expiresAt, :until)',
              ConditionExpression: 'attribute_exists(eventId)',
              ExpressionAttributeValues: { ':until': withdrawn.expiresAt },
            },
          }] : []),
          ...(receipt ? [{
            Put: {
              TableName: tableName('outbox'),
              Item: { ...receipt, outboxState: PENDING, attempts: 0 },
              ConditionExpression: 'attribute_not_exists(messageId)',
            },
          }] : []),
        ],
      }));
    } catch (error) {
      const reasons = (error as Error).name === 'TransactionCanceledException'
        ? (error as TransactionCanceledException).CancellationReasons ?? []
        : [];
      if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) throw new StaleWriteError();
      throw error;
    }
  },
};
