// Scheduled sweep: sends messages still pending a while after they were written, so nothing is lost
// when SES or the stream consumer failed.
import { listPending, outboxDeliveryPorts } from '../adapters/outbox-repository';
import { sendEmail } from '../adapters/ses-mailer';
import { systemClock } from '../adapters/system';
import { deliverOutboxMessage, RETRY_AFTER_SECONDS } from '../domain/outbox-delivery';
import { logger } from '../adapters/logger';

/** Messages per sweep: stays well inside SES's default sending rate and the function's timeout. */
const SWEEP_SIZE = 25;
const ports = outboxDeliveryPorts(sendEmail);

export const handler = async (): Promise<{ sent: number; failed: number }> => {
  const now = systemClock.now();
  const pending = await listPending(new Date(now.getTime() - RETRY_AFTER_SECONDS * 1000), SWEEP_SIZE);
  let sent = 0;
  for (const message of pending) {
    if ((await deliverOutboxMessage(ports, message, now)) === 'sent') sent += 1;
  }
  if (pending.length > 0) logger.info('Outbox retry sweep', { pending: pending.length, sent });
  return { sent, failed: pending.length - sent };
};
