// The outbox stream consumer against DynamoDB Local and the SES emulator: a new message is sent and
// leaves the pending index; an SES failure leaves it pending for the sweep without failing the
// batch; only a failure to record the outcome is handed back for redelivery.
import { randomUUID } from 'node:crypto';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { tableName } from '../../functions/adapters/clients';
import { logger } from '../../functions/adapters/logger';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import {
  CLAIM_LEASE_SECONDS,
  MAX_DELIVERY_ATTEMPTS,
  OUTCOME_UNKNOWN,
  UNDELIVERABLE_NOTICE_TOPIC,
  undeliverableNoticeId,
} from '../../functions/domain/outbox-delivery';
import { handler as retryOutbox } from '../../functions/handlers/retry-outbox';
import { handler } from '../../functions/handlers/send-outbox';
import { StreamPoller } from '../../local/stream-poller';
import { freshTables, mailbox, uniqueEmail } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
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
  waitFor,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const restores: Array<() => void> = [];
afterEach(() => {
  for (const restore of restores.splice(0)) restore();
});

function pendingMessage(overrides: Partial<StoredOutboxMessage> = {}): StoredOutboxMessage {
  const to = uniqueEmail('recipient');
  return {
    messageId: randomUUID(),
    to: [to],
    subject: 'Test message',
    text: `Hello ${to}`,
    createdAt: new Date().toISOString(),
    topic: 'test',
    outboxState: 'pending',
    attempts: 0,
    ...overrides,
  };
}

/** Writes a message as the desk writer does, and the stream record Lambda would receive for it. */
async function written(overrides: Partial<StoredOutboxMessage> = {}) {
  const message = pendingMessage(overrides);
  await putItem('outbox', message);
  return { message, record: streamRecord('INSERT', { newImage: message }) };
}

function failSes(name = 'MessageRejected') {
  const mock = mockClient(SESClient);
  mock.on(SendEmailCommand).rejects(Object.assign(new Error('Email address is not verified.'), { name }));
  restores.push(() => mock.restore());
  return mock;
}

describe('send-outbox', () => {
  it('sends a new message through SES and marks it sent, out of the pending index', async () => {
    const { message, record } = await written();
    expect(await handler(streamEvent(record))).toEqual({ batchItemFailures: [] });
    const [mail, ...more] = await mailbox(message.to[0]);
    expect(more).toEqual([]);
    expect(mail).toMatchObject({
      subject: message.subject,
      body: { text: message.text },
      from: process.env.DESK_SENDER_EMAIL,
    });
    const stored = await getItem<StoredOutboxMessage & { expiresAt: number }>('outbox', {
      messageId: message.messageId,
    });
    expect(stored).toMatchObject({ attempts: 1, sentAt: expect.any(String), sesMessageId: expect.any(String) });
    expect(stored!.outboxState).toBe('sent');
    const days = (stored!.expiresAt - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
  });

  it('ignores records that are not new pending messages', async () => {
    const { message } = await written();
    const modified = streamRecord('MODIFY', { newImage: { ...message, attempts: 1 } });
    const notPending = streamRecord('INSERT', { newImage: { ...message, outboxState: undefined } });
    const removed = streamRecord('REMOVE', { oldImage: message });
    expect(await handler(streamEvent(modified, notPending, removed))).toEqual({ batchItemFailures: [] });
    expect(await mailbox(message.to[0])).toEqual([]);
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({
      outboxState: 'pending',
      attempts: 0,
    });
  });

  it('an SES failure leaves the message pending with attempts incremented, and no exception escapes', async () => {
    const { message, record } = await written();
    const ses = failSes();
    const result = await handler(streamEvent(record));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({
      outboxState: 'pending',
      attempts: 1,
      lastError: 'MessageRejected',
    });
    expect(await mailbox(message.to[0])).toEqual([]);
  });

  it('one failing message does not hold up the others in the batch', async () => {
    const first = await written();
    const second = await written();
    const mock = mockClient(SESClient);
    restores.push(() => mock.restore());
    mock
      .on(SendEmailCommand, { Destination: { ToAddresses: first.message.to } })
      .rejects(Object.assign(new Error('throttled'), { name: 'Throttling' }));
    mock
      .on(SendEmailCommand, { Destination: { ToAddresses: second.message.to } })
      .resolves({ MessageId: 'ses-mocked-1' });
    expect(await handler(streamEvent(first.record, second.record))).toEqual({ batchItemFailures: [] });
    expect(await getItem('outbox', { messageId: first.message.messageId })).toMatchObject({
      outboxState: 'pending',
      attempts: 1,
      lastError: 'Throttling',
    });
    const sent = await getItem<StoredOutboxMessage>('outbox', { messageId: second.message.messageId });
    expect(sent).toMatchObject({ sesMessageId: 'ses-mocked-1', attempts: 1 });
    expect(sent!.outboxState).toBe('sent');
  });

  it(`after ${MAX_DELIVERY_ATTEMPTS} failed attempts the message is set aside as undeliverable, out of the pending index`, async () => {
    const { message, record } = await written({ attempts: MAX_DELIVERY_ATTEMPTS - 1 });
    failSes();
    expect(await handler(streamEvent(record))).toEqual({ batchItemFailures: [] });
    const stored = await getItem<StoredOutboxMessage>('outbox', { messageId: message.messageId });
    expect(stored).toMatchObject({
      attempts: MAX_DELIVERY_ATTEMPTS,
      outboxState: 'undeliverable',
      lastError: 'MessageRejected',
    });
  });

  it('a failed send is logged at ERROR with id, kind, attempt and error name, never the address or the body', async () => {
    const { message, record } = await written({ attempts: 2 });
    failSes('Throttling');
    const errors = vi.spyOn(logger, 'error');
    restores.push(() => errors.mockRestore());
    await handler(streamEvent(record));
    expect(errors).toHaveBeenCalledWith('Outbox send failed', {
      messageId: message.messageId,
      topic: 'test',
      attempt: 3,
      result: 'failed',
      errorName: 'Throttling',
    });
    expect(JSON.stringify(errors.mock.calls)).not.toContain(message.to[0]);
  });

  it('giving up logs the message undeliverable at ERROR and writes the officer a notice in the outbox, without the address or body', async () => {
    const { message, record } = await written({ attempts: MAX_DELIVERY_ATTEMPTS - 1, requestId: 'req-given-up' });
    failSes();
    const errors = vi.spyOn(logger, 'error');
    restores.push(() => errors.mockRestore());
    await handler(streamEvent(record));
    expect(errors).toHaveBeenCalledWith(
      'Outbox message undeliverable',
      expect.objectContaining({
        messageId: message.messageId,
        attempt: MAX_DELIVERY_ATTEMPTS,
        errorName: 'MessageRejected',
        requestId: 'req-given-up',
      }),
    );
    const notice = await getItem<StoredOutboxMessage>('outbox', {
      messageId: undeliverableNoticeId(message.messageId, MAX_DELIVERY_ATTEMPTS),
    });
    expect(notice).toMatchObject({
      to: [process.env.DESK_OFFICER_EMAIL],
      topic: UNDELIVERABLE_NOTICE_TOPIC,
      outboxState: 'pending',
      requestId: 'req-given-up',
    });
    expect(notice!.text).toContain(message.messageId);
    expect(`${notice!.subject}${notice!.text}`).not.toContain(message.to[0]);
  });

  it('a crash between SES accepting and the mark never sends the message again: it is set aside in doubt and the officer told', async () => {
    const { message, record } = await written({ createdAt: new Date(Date.now() - 3_600_000).toISOString() });
    // SES accepts; the table fails the mark sent (as if the function died right after the send).
    const { mock: dynamo, passThrough } = mockDocumentClient();
    restores.push(() => dynamo.restore());
    dynamo.on(UpdateCommand, { TableName: tableName('outbox') }).callsFake((input, getClient) => {
      if (String(input.UpdateExpression).includes(':sent'))
        return Promise.reject(Object.assign(new Error('down'), { name: 'InternalServerError' }));
      return passThrough(getClient(), new UpdateCommand(input));
    });
    expect((await handler(streamEvent(record))).batchItemFailures).toHaveLength(1);
    dynamo.restore();
    expect(await mailbox(message.to[0])).toHaveLength(1);

    // Lambda redelivers the record while the claim is live: nothing is sent.
    expect(await handler(streamEvent(record))).toEqual({ batchItemFailures: [] });
    // Once the lease has run out, the sweep finds the message still pending, and does not send it.
    await setAttributes(
      'outbox',
      { messageId: message.messageId },
      { claimedAt: new Date(Date.now() - (CLAIM_LEASE_SECONDS + 60) * 1000).toISOString() },
    );
    const tally = await retryOutbox();
    expect(tally['in-doubt']).toBe(1);
    expect(await mailbox(message.to[0])).toHaveLength(1);
    expect(await getItem('outbox', { messageId: message.messageId })).toMatchObject({
      outboxState: 'undeliverable',
      lastError: OUTCOME_UNKNOWN,
      attempts: 0,
    });
    expect(await getItem('outbox', { messageId: undeliverableNoticeId(message.messageId, 0) })).toMatchObject({
      to: [process.env.DESK_OFFICER_EMAIL],
    });
  });

  it('a failure to record the outcome is reported as a batch item failure, from that record on', async () => {
    const { record } = await written();
    const { mock: dynamo } = mockDocumentClient();
    restores.push(() => dynamo.restore());
    dynamo
      .on(UpdateCommand, { TableName: tableName('outbox') })
      .rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    const result = await handler(streamEvent(record));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb!.SequenceNumber }]);
  });

  it("is driven by the outbox table's stream through the local StreamPoller, sending each message once", async () => {
    const body = requestBody({ language: 'en' });
    const poller = new StreamPoller([{ tableName: tableName('outbox'), handler }], 100, (m) => {
      throw new Error(m);
    });
    poller.start();
    try {
      const requestId = await submit(body);
      const [mail] = await waitFor(async () => {
        const found = await mailbox(body.requester.email);
        return found.length > 0 ? found : undefined;
      }, 'the code e-mail');
      expect(mail!.body.text).toContain(requestId);
      const [message] = await outboxAbout(requestId);
      await waitFor(
        async () => ((await getItem('outbox', { messageId: message!.messageId }))?.sentAt ? true : undefined),
        'sentAt',
      );
      // A few more polls: the MODIFY of markSent and the records already seen send nothing again.
      await new Promise((r) => setTimeout(r, 600));
      expect(await mailbox(body.requester.email)).toHaveLength(1);
    } finally {
      await poller.stop();
    }
  });

  it('a redelivered stream record of a message already sent does not send it again', async () => {
    const { message, record } = await written();
    await handler(streamEvent(record));
    await handler(streamEvent(record));
    expect(await mailbox(message.to[0])).toHaveLength(1);
  });
});
