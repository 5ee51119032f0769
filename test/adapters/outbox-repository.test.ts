// The outbox repository against DynamoDB Local: the sparse pending index, conditional marks, and a
// sender that lost the race finding the message already sent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  claim,
  listPending,
  listUndeliverable,
  markAttemptFailed,
  markSent,
  outboxDeliveryPorts,
  type StoredOutboxMessage,
  setAside,
  UNDELIVERABLE,
} from '../../functions/adapters/outbox-repository';
import { outboxMessage } from '../../functions/domain/outbox';
import { CLAIM_LEASE_SECONDS } from '../../functions/domain/outbox-delivery';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

async function pending(createdAt: Date, attempts = 0): Promise<StoredOutboxMessage> {
  const message: StoredOutboxMessage = {
    messageId: randomUUID(),
    to: ['outbox@example.jp'],
    subject: 's',
    text: 't',
    createdAt: createdAt.toISOString(),
    topic: 'test',
    outboxState: 'pending',
    attempts,
  };
  await putItem('outbox', message);
  return message;
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe('outbox-repository', () => {
  it('listPending returns pending messages created before the given time, oldest first, up to the limit', async () => {
    const oldest = await pending(minutesAgo(30));
    const older = await pending(minutesAgo(20));
    const old = await pending(minutesAgo(10));
    await pending(minutesAgo(1));
    const sent = await pending(minutesAgo(25));
    await markSent(sent.messageId, 'ses-1', new Date());

    const found = await listPending(minutesAgo(5), 10);
    expect(found.map((m) => m.messageId)).toEqual([oldest.messageId, older.messageId, old.messageId]);
    expect((await listPending(minutesAgo(5), 2)).map((m) => m.messageId)).toEqual([oldest.messageId, older.messageId]);
    // Mark them sent so later tests see only their own.
    await Promise.all(found.map((m) => markSent(m.messageId, 'ses', new Date())));
  });

  it('markSent leaves the pending index and records when and as what; a second markSent fails its condition', async () => {
    const message = await pending(minutesAgo(10));
    const now = new Date();
    await markSent(message.messageId, 'ses-42', now);
    const stored = await getItem<StoredOutboxMessage & { expiresAt: number }>('outbox', {
      messageId: message.messageId,
    });
    expect(stored).toMatchObject({ sentAt: now.toISOString(), sesMessageId: 'ses-42', attempts: 1 });
    expect(stored!.outboxState).toBe('sent');
    expect(stored!.expiresAt).toBe(Math.floor(now.getTime() / 1000) + 30 * 86_400);
    expect((await listPending(new Date(), 100)).map((m) => m.messageId)).not.toContain(message.messageId);
    await expect(markSent(message.messageId, 'ses-43', new Date())).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({
      sesMessageId: 'ses-42',
      attempts: 1,
    });
  });

  it('the delivery ports ignore a message already sent (a sender that lost the race)', async () => {
    const message = await pending(minutesAgo(10));
    await markSent(message.messageId, 'first', new Date());
    const ports = outboxDeliveryPorts(async () => 'unused');
    await expect(ports.markSent(message.messageId, 'second', new Date())).resolves.toBeUndefined();
    await expect(ports.markAttemptFailed(message.messageId, 'Late')).resolves.toBeUndefined();
    await expect(ports.setAside(message.messageId, 'Late', true, undefined, new Date())).resolves.toBeUndefined();
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({
      sesMessageId: 'first',
      attempts: 1,
    });
  });

  it('markAttemptFailed counts the attempt, keeps the message pending and releases the claim', async () => {
    const message = await pending(minutesAgo(10), 3);
    expect(await claim(message.messageId, new Date())).toBe('claimed');
    await markAttemptFailed(message.messageId, 'Throttling');
    const stored = await getItem<StoredOutboxMessage>('outbox', { messageId: message.messageId });
    expect(stored).toMatchObject({ outboxState: 'pending', attempts: 4, lastError: 'Throttling' });
    expect(stored!.claimedAt).toBeUndefined();
    expect(await claim(message.messageId, new Date())).toBe('claimed');
  });

  it("setAside takes the message out of the pending index and writes the officer's notice in the same transaction, once", async () => {
    const message = await pending(minutesAgo(10), 11);
    const notice = outboxMessage(
      `notice-${message.messageId}`,
      'officer@example.jp',
      { subject: 's', text: 't' },
      new Date(),
      'outbox-undeliverable',
    );
    const now = new Date();
    await setAside(message.messageId, 'MessageRejected', true, notice, now);
    const stored = await getItem<StoredOutboxMessage>('outbox', { messageId: message.messageId });
    expect(stored).toMatchObject({
      attempts: 12,
      lastError: 'MessageRejected',
      outboxState: UNDELIVERABLE,
      setAsideAt: now.toISOString(),
    });
    expect(await getItem('outbox', { messageId: notice.messageId })).toMatchObject({
      outboxState: 'pending',
      attempts: 0,
      to: ['officer@example.jp'],
    });
    expect((await listPending(new Date(), 100)).map((m) => m.messageId)).not.toContain(message.messageId);
    // A second sender setting it aside again changes nothing and writes no second notice.
    await expect(
      outboxDeliveryPorts(async () => 'unused').setAside(message.messageId, 'Other', true, notice, new Date()),
    ).resolves.toBeUndefined();
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({
      attempts: 12,
      lastError: 'MessageRejected',
    });
    const listed = (await listUndeliverable()).find((m) => m.messageId === message.messageId);
    expect(listed).toEqual({
      messageId: message.messageId,
      topic: 'test',
      createdAt: message.createdAt,
      setAsideAt: now.toISOString(),
      attempts: 12,
      lastError: 'MessageRejected',
    });
  });

  it('claim: a live claim is busy; a claim older than the lease is in doubt, never taken over; sent is busy', async () => {
    const message = await pending(minutesAgo(10));
    const start = new Date();
    expect(await claim(message.messageId, start)).toBe('claimed');
    expect(await claim(message.messageId, new Date(start.getTime() + 1000))).toBe('busy');
    expect(await claim(message.messageId, new Date(start.getTime() + (CLAIM_LEASE_SECONDS + 1) * 1000))).toBe(
      'in-doubt',
    );
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({ claimedAt: start.toISOString() });
    await markSent(message.messageId, 'ses-1', new Date());
    expect(await claim(message.messageId, new Date(start.getTime() + (CLAIM_LEASE_SECONDS + 1) * 1000))).toBe('busy');
  });

  it('other errors are not swallowed by the delivery ports', async () => {
    const saved = process.env.DESK_TABLE_OUTBOX;
    process.env.DESK_TABLE_OUTBOX = 'no-such-table';
    try {
      const ports = outboxDeliveryPorts(async () => 'unused');
      await expect(ports.markSent(randomUUID(), 'x', new Date())).rejects.toMatchObject({
        name: 'ResourceNotFoundException',
      });
    } finally {
      process.env.DESK_TABLE_OUTBOX = saved;
    }
  });
});
