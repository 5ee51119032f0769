// Delivering an outbox message: claim it, send it, mark it sent. The claim keeps a redelivered
// stream record and the retry sweep from sending the same message twice. A failed send is recorded
// and left pending for the sweep; after too many failures the message is set aside for a person.
import type { OutboxMessage } from './outbox';

/** Desk policy: sends tried before a message is set aside as undeliverable (about an hour at one sweep per 5 minutes). */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** Desk policy: the retry sweep leaves messages younger than this to the stream consumer. */
export const RETRY_AFTER_SECONDS = 120;

/** Desk policy: a claim older than this is taken to be from a sender that died, and may be taken over. */
export const CLAIM_LEASE_SECONDS = 300;

export interface PendingMessage extends OutboxMessage {
  attempts: number;
}

export interface OutboxDeliveryPorts {
  /** Takes the message for sending; false when it is sent already or another sender holds it. */
  claim(messageId: string, now: Date): Promise<boolean>;
  send(message: OutboxMessage): Promise<string>;
  markSent(messageId: string, providerMessageId: string, now: Date): Promise<void>;
  markAttemptFailed(messageId: string, error: string, giveUp: boolean): Promise<void>;
}

export type DeliveryResult = 'sent' | 'failed' | 'given-up' | 'skipped';

export async function deliverOutboxMessage(ports: OutboxDeliveryPorts, message: PendingMessage, now: Date): Promise<DeliveryResult> {
  if (!(await ports.claim(message.messageId, now))) return 'skipped';
  let providerMessageId: string;
  try {
    providerMessageId = await ports.send(message);
  } catch (error) {
    const giveUp = message.attempts + 1 >= MAX_DELIVERY_ATTEMPTS;
    await ports.markAttemptFailed(message.messageId, error instanceof Error ? error.name : 'Error', giveUp);
    return giveUp ? 'given-up' : 'failed';
  }
  await ports.markSent(message.messageId, providerMessageId, now);
  return 'sent';
}
