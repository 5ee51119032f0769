// What the outbox senders log about each delivery. A failed send and a message set aside are errors:
// CloudWatch metric filters count them by these messages (lib/workers.ts) and alarm the officer.
// Ids, kinds, counts and error names only: never the address, the subject or the body.
import type { OutboxMessage } from '../domain/outbox';
import type { DeliveryOutcome } from '../domain/outbox-delivery';
import { logger } from './logger';

export const SEND_FAILED_LOG_MESSAGE = 'Outbox send failed';
export const UNDELIVERABLE_LOG_MESSAGE = 'Outbox message undeliverable';

export function logDelivery(message: OutboxMessage, outcome: DeliveryOutcome): void {
  const fields = {
    messageId: message.messageId,
    topic: message.topic,
    attempt: outcome.attempt,
    result: outcome.result,
    ...(outcome.errorName ? { errorName: outcome.errorName } : {}),
  };
  if (outcome.result === 'failed') logger.error(SEND_FAILED_LOG_MESSAGE, fields);
  else if (outcome.result === 'given-up' || outcome.result === 'in-doubt')
    logger.error(UNDELIVERABLE_LOG_MESSAGE, {
      ...fields,
      ...(message.requestId ? { requestId: message.requestId } : {}),
    });
  else logger.info('Outbox delivery', fields);
}
