// Delivering an outbox message: sent → marked sent; a failed send is recorded, not thrown, and the
// message is set aside once MAX_DELIVERY_ATTEMPTS sends have failed.
import { describe, expect, it } from 'vitest';
import { deliverOutboxMessage, MAX_DELIVERY_ATTEMPTS, type OutboxDeliveryPorts, type PendingMessage } from '../../functions/domain/outbox-delivery';
import type { OutboxMessage } from '../../functions/domain/outbox';

const NOW = new Date('2026-11-12T05:30:00.000Z');

const pending = (attempts: number): PendingMessage => ({
  messageId: 'msg-1',
  to: ['hanako.yamada@example.jp'],
  subject: '確認コード: 482913',
  text: '…',
  createdAt: '2026-11-12T05:25:00.000Z',
  topic: 'verification-code',
  attempts,
});

class RecordingPorts implements OutboxDeliveryPorts {
  readonly sent: OutboxMessage[] = [];
  readonly markedSent: Array<[string, string, Date]> = [];
  readonly failures: Array<[string, string, boolean]> = [];
  readonly claimed: string[] = [];
  constructor(private readonly failWith?: unknown, private readonly claimable = true) {}
  async claim(messageId: string) {
    this.claimed.push(messageId);
    return this.claimable;
  }
  async send(message: OutboxMessage) {
    this.sent.push(message);
    if (this.failWith !== undefined) throw this.failWith;
    return 'ses-message-1';
  }
  async markSent(messageId: string, providerMessageId: string, now: Date) {
    this.markedSent.push([messageId, providerMessageId, now]);
  }
  async markAttemptFailed(messageId: string, error: string, giveUp: boolean) {
    this.failures.push([messageId, error, giveUp]);
  }
}

class Throttling extends Error {
  override name = 'Throttling';
}

describe('deliverOutboxMessage', () => {
  it('skips a message it cannot claim: sent already, or another sender holds it', async () => {
    const ports = new RecordingPorts(undefined, false);
    await expect(deliverOutboxMessage(ports, pending(0), NOW)).resolves.toBe('skipped');
    expect(ports.sent).toEqual([]);
    expect(ports.markedSent).toEqual([]);
  });

  it('pins the desk policy: 12 attempts', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(12);
  });

  it('sends, then marks the message sent with the provider\'s id', async () => {
    const ports = new RecordingPorts();
    await expect(deliverOutboxMessage(ports, pending(0), NOW)).resolves.toBe('sent');
    expect(ports.sent.map((m) => m.messageId)).toEqual(['msg-1']);
    expect(ports.markedSent).toEqual([['msg-1', 'ses-message-1', NOW]]);
    expect(ports.failures).toEqual([]);
  });

  it('records a failed send without throwing, keeping only the error name (no message body or address)', async () => {
    const ports = new RecordingPorts(new Throttling('Rate exceeded for hanako.yamada@example.jp'));
    await expect(deliverOutboxMessage(ports, pending(0), NOW)).resolves.toBe('failed');
    expect(ports.failures).toEqual([['msg-1', 'Throttling', false]]);
    expect(ports.markedSent).toEqual([]);
  });

  it('keeps retrying below the limit and gives up on the attempt that reaches it', async () => {
    const failing = new Error('boom');
    const belowLimit = new RecordingPorts(failing);
    await expect(deliverOutboxMessage(belowLimit, pending(MAX_DELIVERY_ATTEMPTS - 2), NOW)).resolves.toBe('failed');
    expect(belowLimit.failures).toEqual([['msg-1', 'Error', false]]);

    const lastTry = new RecordingPorts(failing);
    await expect(deliverOutboxMessage(lastTry, pending(MAX_DELIVERY_ATTEMPTS - 1), NOW)).resolves.toBe('given-up');
    expect(lastTry.failures).toEqual([['msg-1', 'Error', true]]);
  });

  it('counts a whole run of failures: exactly MAX_DELIVERY_ATTEMPTS sends, the last one giving up', async () => {
    const ports = new RecordingPorts(new Error('down'));
    const results = [];
    for (let attempts = 0; attempts < MAX_DELIVERY_ATTEMPTS; attempts += 1) results.push(await deliverOutboxMessage(ports, pending(attempts), NOW));
    expect(results.filter((r) => r === 'failed')).toHaveLength(MAX_DELIVERY_ATTEMPTS - 1);
    expect(results.at(-1)).toBe('given-up');
    expect(ports.sent).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });

  it('records a thrown non-Error as a failure too', async () => {
    const ports = new RecordingPorts('socket hang up');
    await expect(deliverOutboxMessage(ports, pending(0), NOW)).resolves.toBe('failed');
    expect(ports.failures).toEqual([['msg-1', 'Error', false]]);
  });

  it('records a rejection without a reason as a failure too', async () => {
    const ports = new RecordingPorts();
    ports.send = async () => { throw undefined; };
    await expect(deliverOutboxMessage(ports, pending(0), NOW)).resolves.toBe('failed');
    expect(ports.failures).toEqual([['msg-1', 'Error', false]]);
  });

  it('lets a failure to mark the message sent through, so the stream retries rather than losing track', async () => {
    const ports = new RecordingPorts();
    ports.markSent = async () => { throw new Error('ConditionalCheckFailed'); };
    await expect(deliverOutboxMessage(ports, pending(0), NOW)).rejects.toThrow('ConditionalCheckFailed');
  });
});
