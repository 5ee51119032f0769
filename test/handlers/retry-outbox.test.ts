// The scheduled outbox sweep against DynamoDB Local and the SES emulator: messages still pending
// RETRY_AFTER_SECONDS after they were written are sent; younger ones are left to the stream
// consumer; a message the stream consumer sent is not sent again.
import { randomUUID } from 'node:crypto';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import { RETRY_AFTER_SECONDS } from '../../functions/domain/outbox-delivery';
import { handler } from '../../functions/handlers/retry-outbox';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { freshTables, mailbox, uniqueEmail } from '../support/desk';
import {
  dropTables,
  getItem,
  outboxAbout,
  putItem,
  requestBody,
  setAttributes,
  streamEvent,
  streamRecord,
  submit,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

async function pending(createdAt: string, attempts = 0): Promise<StoredOutboxMessage> {
  const to = uniqueEmail('retry');
  const message: StoredOutboxMessage = {
    messageId: randomUUID(),
    to: [to],
    subject: 'Retry test',
    text: `For ${to}`,
    createdAt,
    topic: 'test',
    outboxState: 'pending',
    attempts,
  };
  await putItem('outbox', message);
  return message;
}

describe('retry-outbox', () => {
  it('an SES failure keeps the message pending; after SES recovers the sweep sends it', async () => {
    const old = await pending(secondsAgo(RETRY_AFTER_SECONDS + 60));
    const ses = mockClient(SESClient);
    ses.on(SendEmailCommand).rejects(Object.assign(new Error('SES is down'), { name: 'ServiceUnavailable' }));
    let failedSweep: Awaited<ReturnType<typeof handler>>;
    try {
      failedSweep = await handler();
    } finally {
      ses.restore();
    }
    expect(failedSweep).toEqual({ failed: 1 });
    expect(await getItem('outbox', { messageId: old.messageId })).toMatchObject({
      outboxState: 'pending',
      attempts: 1,
      lastError: 'ServiceUnavailable',
    });
    expect(await mailbox(old.to[0])).toEqual([]);

    expect(await handler()).toEqual({ sent: 1 });
    const [mail, ...more] = await mailbox(old.to[0]);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ subject: 'Retry test', body: { text: old.text } });
    const stored = await getItem<StoredOutboxMessage>('outbox', { messageId: old.messageId });
    expect(stored).toMatchObject({ attempts: 2, sentAt: expect.any(String) });
    expect(stored!.outboxState).toBe('sent');

    // Sent messages have left the pending index: another sweep finds nothing.
    expect(await handler()).toEqual({});
    expect(await mailbox(old.to[0])).toHaveLength(1);
  });

  it(`leaves messages younger than ${RETRY_AFTER_SECONDS} s to the stream consumer`, async () => {
    const young = await pending(secondsAgo(10));
    expect(await handler()).toEqual({});
    expect(await getItem('outbox', { messageId: young.messageId })).toMatchObject({
      outboxState: 'pending',
      attempts: 0,
    });
    expect(await mailbox(young.to[0])).toEqual([]);
  });

  it('sends old pending messages oldest first and reports each', async () => {
    const older = await pending(secondsAgo(3600));
    const newer = await pending(secondsAgo(600));
    const result = await handler();
    expect(result).toEqual({ sent: 2 });
    const [a, b] = await Promise.all([mailbox(older.to[0]), mailbox(newer.to[0])]);
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.at).toBeLessThanOrEqual(b[0]!.at);
  });

  it('a message the stream consumer sent is not sent again by the sweep (normal path)', async () => {
    const body = requestBody();
    const requestId = await submit(body);
    const [message] = await outboxAbout(requestId);
    expect(await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message! })))).toEqual({
      batchItemFailures: [],
    });
    // Make it old enough for the sweep to look at, had it still been pending.
    await setAttributes('outbox', { messageId: message!.messageId }, { createdAt: secondsAgo(3600) });
    expect(await handler()).toEqual({});
    expect(await mailbox(body.requester.email)).toHaveLength(1);
  });
});
