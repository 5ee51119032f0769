// The consent ledger: an event is only ever added (conditional put), together with its receipt in
// the outbox and, for a withdrawal, the start of the withdrawn consent's evidence period: one
// transaction, so no receipt goes out for an event that was not recorded.
import type { ConsentLedger } from '../domain/consents/ports';
import { tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

export const dynamoConsentLedger: ConsentLedger = {
  async append({ event, receipt, withdrawn }) {
    await transactOrStale([
      { Put: { TableName: tableName('consents'), Item: event, ConditionExpression: 'attribute_not_exists(eventId)' } },
      ...(withdrawn
        ? [
            {
              // Only the storage expiry is set, never the event's content; an earlier expiry stands.
              Update: {
                TableName: tableName('consents'),
                Key: { subjectId: withdrawn.subjectId, eventId: withdrawn.eventId },
                UpdateExpression: 'SET expiresAt = if_not_exists(expiresAt, :until)',
                ConditionExpression: 'attribute_exists(eventId)',
                ExpressionAttributeValues: { ':until': withdrawn.expiresAt },
              },
            },
          ]
        : []),
      ...(receipt ? [outboxPut(receipt)] : []),
    ]);
  },
};
