// Outbox stream consumer: each new message is sent through SES. A failed send is logged as an error
// and stays pending for retry-outbox instead of holding up the shard; only a failure to record it
// is retried here.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { officerEmail } from '../adapters/desk-settings';
import { newImage } from '../adapters/dynamodb-stream';
import { logger } from '../adapters/logger';
import { logDelivery } from '../adapters/outbox-log';
import { outboxDeliveryPorts, PENDING, type StoredOutboxMessage } from '../adapters/outbox-repository';
import { sendEmail } from '../adapters/ses-mailer';
import { systemClock } from '../adapters/system';
import { deliverOutboxMessage } from '../domain/outbox-delivery';

const ports = outboxDeliveryPorts(sendEmail);
const officer = officerEmail();

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const message = record.eventName === 'INSERT' ? newImage<StoredOutboxMessage>(record) : undefined;
    if (message?.outboxState !== PENDING) continue;
    try {
      logDelivery(message, await deliverOutboxMessage(ports, message, systemClock.now(), officer));
    } catch (error) {
      logger.error('Outbox delivery not recorded', { messageId: message.messageId, errorName: (error as Error).name });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
};
