// The outbox repository against DynamoDB Local: the sparse pending index, conditional marks, and a
// sender that lost the race finding the message already sent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listPending, markAttemptFailed, markSent, outboxDeliveryPorts, UNDELIVERABLE, type StoredOutboxMessage,
} from '../../functions/adapters/outbox-repository';
import { freshTables } from '../support/desk';
import { getItem, putItem, dropTables } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

async function pending(createdAt: Date, attempts = 0): Promise<StoredOutboxMessage> {
  const message: StoredOutboxMessage = {
    messageId: randomUUID(), to: ['outbox@example.jp'], subject: 's', text: 't', createdAt: createdAt.toISOString(), topic: 'test', outboxState: 'pending', attempts,
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
    const stored = await getItem<StoredOutboxMessage & { expiresAt: number }>('outbox', { messageId: message.messageId });
    expect(stored).toMatchObject({ sentAt: now.toISOString(), sesMessageId: 'ses-42', attempts: 1 });
    expect(stored!.outboxState).toBe('sent');
    expect(stored!.expiresAt).toBe(Math.floor(now.getTime() / 1000) + 30 * 86_400);
    expect((await listPending(new Date(), 100)).map((m) => m.messageId)).not.toContain(message.messageId);
    await expect(markSent(message.messageId, 'ses-43', new Date())).rejects.toMatchObject({ name: 'ConditionalCheckFailedException' });
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({ sesMessageId: 'ses-42', attempts: 1 });
  });

  it('the delivery ports ignore a message already sent (a sender that lost the race)', async () => {
    const message = await pending(minutesAgo(10));
    await markSent(message.messageId, 'first', new Date());
    const ports = outboxDeliveryPorts(async () => 'unused');
    await expect(ports.markSent(message.messageId, 'second', new Date())).resolves.toBeUndefined();
    await expect(ports.markAttemptFailed(message.messageId, 'Late', false)).resolves.toBeUndefined();
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({ sesMessageId: 'first', attempts: 1 });
  });

  it('markAttemptFailed counts the attempt and keeps the message pending; giving up sets it aside', async () => {
    const message = await pending(minutesAgo(10), 3);
    await markAttemptFailed(message.messageId, 'Throttling', false);
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({ outboxState: 'pending', attempts: 4, lastError: 'Throttling' });
    await markAttemptFailed(message.messageId, 'MessageRejected', true);
    const stored = await getItem<StoredOutboxMessage>('outbox', { messageId: message.messageId });
    expect(stored).toMatchObject({ attempts: 5, lastError: 'MessageRejected', outboxState: UNDELIVERABLE });
    expect((await listPending(new Date(), 100)).map((m) => m.messageId)).not.toContain(message.messageId);
  });

  it('other errors are not swallowed by the delivery ports', async () => {
    const saved = process.env.DESK_TABLE_OUTBOX;
    process.env.DESK_TABLE_OUTBOX = 'no-such-table';
    try {
      const ports = outboxDeliveryPorts(async () => 'unused');
      await expect(ports.markSent(randomUUID(), 'x', new Date())).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      process.env.DESK_TABLE_OUTBOX = saved;
    }
  });
});
