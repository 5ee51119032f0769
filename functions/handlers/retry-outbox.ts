// Scheduled sweep: sends messages still pending a while after they were written, so nothing is lost
// when SES or the stream consumer failed.

import { officerEmail } from '../adapters/desk-settings';
import { logger } from '../adapters/logger';
import { logDelivery } from '../adapters/outbox-log';
import { listPending, outboxDeliveryPorts } from '../adapters/outbox-repository';
import { sendEmail } from '../adapters/ses-mailer';
import { systemClock } from '../adapters/system';
import { type DeliveryResult, deliverOutboxMessage, RETRY_AFTER_SECONDS } from '../domain/outbox-delivery';

/** Messages per sweep: stays well inside SES's default sending rate and the function's timeout. */
const SWEEP_SIZE = 25;
const ports = outboxDeliveryPorts(sendEmail);
const officer = officerEmail();

export const handler = async (): Promise<Partial<Record<DeliveryResult, number>>> => {
  const now = systemClock.now();
  const pending = await listPending(new Date(now.getTime() - RETRY_AFTER_SECONDS * 1000), SWEEP_SIZE);
  const tally: Partial<Record<DeliveryResult, number>> = {};
  for (const message of pending) {
    const outcome = await deliverOutboxMessage(ports, message, now, officer);
    logDelivery(message, outcome);
    tally[outcome.result] = (tally[outcome.result] ?? 0) + 1;
  }
  if (pending.length > 0) logger.info('Outbox retry sweep', { pending: pending.length, ...tally });
  return tally;
};
