// Delivering an outbox message: sent → marked sent; a failed send is recorded, not thrown, and the
// message is set aside once MAX_DELIVERY_ATTEMPTS sends have failed.
import { describe, expect, it } from 'vitest';
import type { OutboxMessage } from '../../functions/domain/outbox';
import {
  type ClaimResult,
  deliverOutboxMessage,
  MALFORMED_TEXT,
  MAX_DELIVERY_ATTEMPTS,
  OUTCOME_UNKNOWN,
  type OutboxDeliveryPorts,
  type PendingMessage,
  UNDELIVERABLE_NOTICE_TOPIC,
  undeliverableNoticeId,
} from '../../functions/domain/outbox-delivery';

const NOW = new Date('2026-11-12T05:30:00.000Z');
const OFFICER = 'officer@desk.example.jp';

const pending = (attempts: number): PendingMessage => ({
  messageId: 'msg-1',
  to: ['hanako.yamada@example.jp'],
  subject: '確認コード: 482913',
  text: '…',
  createdAt: '2026-11-12T05:25:00.000Z',
  topic: 'verification-code',
  requestId: 'req-1',
  attempts,
});

class RecordingPorts implements OutboxDeliveryPorts {
  readonly sent: OutboxMessage[] = [];
  readonly markedSent: Array<[string, string, Date]> = [];
  readonly failures: Array<[string, string]> = [];
  readonly setAsides: Array<{
    messageId: string;
    error: string;
    countsAttempt: boolean;
    notice: OutboxMessage | undefined;
  }> = [];
  readonly claimed: string[] = [];
  constructor(
    private readonly failWith?: unknown,
    private readonly claimResult: ClaimResult = 'claimed',
  ) {}
  async claim(messageId: string) {
    this.claimed.push(messageId);
    return this.claimResult;
  }
  async send(message: OutboxMessage) {
    this.sent.push(message);
    if (this.failWith !== undefined) throw this.failWith;
    return 'ses-message-1';
  }
  async markSent(messageId: string, providerMessageId: string, now: Date) {
    this.markedSent.push([messageId, providerMessageId, now]);
  }
  async markAttemptFailed(messageId: string, error: string) {
    this.failures.push([messageId, error]);
  }
  async setAside(messageId: string, error: string, countsAttempt: boolean, notice: OutboxMessage | undefined) {
    this.setAsides.push({ messageId, error, countsAttempt, notice });
  }
}

const deliver = (ports: OutboxDeliveryPorts, message: PendingMessage) =>
  deliverOutboxMessage(ports, message, NOW, OFFICER);

class Throttling extends Error {
  override name = 'Throttling';
}

describe('deliverOutboxMessage', () => {
  it('skips a message it cannot claim: sent already, or another sender holds it', async () => {
    const ports = new RecordingPorts(undefined, 'busy');
    await expect(deliver(ports, pending(0))).resolves.toMatchObject({ result: 'skipped' });
    expect(ports.sent).toEqual([]);
    expect(ports.markedSent).toEqual([]);
  });

  it('pins the desk policy: 12 attempts', () => {
    expect(MAX_DELIVERY_ATTEMPTS).toBe(12);
  });

  it("sends, then marks the message sent with the provider's id", async () => {
    const ports = new RecordingPorts();
    await expect(deliver(ports, pending(0))).resolves.toMatchObject({ result: 'sent' });
    expect(ports.sent.map((m) => m.messageId)).toEqual(['msg-1']);
    expect(ports.markedSent).toEqual([['msg-1', 'ses-message-1', NOW]]);
    expect(ports.failures).toEqual([]);
  });

  it('records a failed send without throwing, keeping only the error name (no message body or address)', async () => {
    const ports = new RecordingPorts(new Throttling('Rate exceeded for hanako.yamada@example.jp'));
    await expect(deliver(ports, pending(0))).resolves.toMatchObject({ result: 'failed' });
    expect(ports.failures).toEqual([['msg-1', 'Throttling']]);
    expect(ports.markedSent).toEqual([]);
  });

  it('keeps retrying below the limit and gives up on the attempt that reaches it', async () => {
    const failing = new Error('boom');
    const belowLimit = new RecordingPorts(failing);
    await expect(deliver(belowLimit, pending(MAX_DELIVERY_ATTEMPTS - 2))).resolves.toMatchObject({ result: 'failed' });
    expect(belowLimit.failures).toEqual([['msg-1', 'Error']]);

    const lastTry = new RecordingPorts(failing);
    await expect(deliver(lastTry, pending(MAX_DELIVERY_ATTEMPTS - 1))).resolves.toMatchObject({ result: 'given-up' });
    expect(lastTry.failures).toEqual([]);
    expect(lastTry.setAsides).toMatchObject([
      {
        messageId: 'msg-1',
        error: 'Error',
        countsAttempt: true,
        notice: { to: [OFFICER], topic: UNDELIVERABLE_NOTICE_TOPIC },
      },
    ]);
  });

  it('counts a whole run of failures: exactly MAX_DELIVERY_ATTEMPTS sends, the last one giving up', async () => {
    const ports = new RecordingPorts(new Error('down'));
    const results = [];
    for (let attempts = 0; attempts < MAX_DELIVERY_ATTEMPTS; attempts += 1)
      results.push(await deliver(ports, pending(attempts)));
    expect(results.filter((r) => r.result === 'failed')).toHaveLength(MAX_DELIVERY_ATTEMPTS - 1);
    expect(results.at(-1)).toEqual({ result: 'given-up', attempt: MAX_DELIVERY_ATTEMPTS, errorName: 'Error' });
    expect(ports.sent).toHaveLength(MAX_DELIVERY_ATTEMPTS);
  });

  it('records a thrown non-Error as a failure too', async () => {
    const ports = new RecordingPorts('socket hang up');
    await expect(deliver(ports, pending(0))).resolves.toMatchObject({ result: 'failed' });
    expect(ports.failures).toEqual([['msg-1', 'Error']]);
  });

  it('records a rejection without a reason as a failure too', async () => {
    const ports = new RecordingPorts();
    ports.send = async () => {
      throw undefined;
    };
    await expect(deliver(ports, pending(0))).resolves.toMatchObject({ result: 'failed' });
    expect(ports.failures).toEqual([['msg-1', 'Error']]);
  });

  it('lets a failure to mark the message sent through, so the stream retries rather than losing track', async () => {
    const ports = new RecordingPorts();
    ports.markSent = async () => {
      throw new Error('ConditionalCheckFailed');
    };
    await expect(deliver(ports, pending(0))).rejects.toThrow('ConditionalCheckFailed');
  });

  it('tells what happened without the address or body: attempt and error name', async () => {
    await expect(deliver(new RecordingPorts(new Throttling('x')), pending(2))).resolves.toEqual({
      result: 'failed',
      attempt: 3,
      errorName: 'Throttling',
    });
    await expect(deliver(new RecordingPorts(), pending(0))).resolves.toEqual({ result: 'sent', attempt: 1 });
  });

  it('never takes over a claim whose lease ran out: SES may have it, so it is set aside in doubt and the officer told', async () => {
    const ports = new RecordingPorts(undefined, 'in-doubt');
    await expect(deliver(ports, pending(0))).resolves.toEqual({
      result: 'in-doubt',
      attempt: 0,
      errorName: OUTCOME_UNKNOWN,
    });
    expect(ports.sent).toEqual([]);
    expect(ports.setAsides).toHaveLength(1);
    expect(ports.setAsides[0]).toMatchObject({ messageId: 'msg-1', error: OUTCOME_UNKNOWN, countsAttempt: false });
    expect(ports.setAsides[0]!.notice!.text).toContain('SES');
  });

  it("the officer's notice names the message, kind, request and reason, never the recipient or the body", async () => {
    const ports = new RecordingPorts(new Error('down'));
    const message = { ...pending(MAX_DELIVERY_ATTEMPTS - 1), text: 'Your disclosure: 山田花子 was born 1990-01-01' };
    await deliver(ports, message);
    const notice = ports.setAsides[0]!.notice!;
    expect(notice).toMatchObject({
      messageId: undeliverableNoticeId('msg-1', MAX_DELIVERY_ATTEMPTS),
      to: [OFFICER],
      topic: UNDELIVERABLE_NOTICE_TOPIC,
      requestId: 'req-1',
    });
    for (const part of ['msg-1', 'verification-code', 'req-1', `${MAX_DELIVERY_ATTEMPTS}`, 'Error'])
      expect(notice.text).toContain(part);
    for (const secret of ['hanako.yamada@example.jp', '山田花子', '482913'])
      expect(`${notice.subject}\n${notice.text}`).not.toContain(secret);
  });

  it('a notice about an undeliverable message that is itself undeliverable is set aside without another notice (no loop)', async () => {
    const ports = new RecordingPorts(new Error('SES down'));
    await deliver(ports, { ...pending(MAX_DELIVERY_ATTEMPTS - 1), topic: UNDELIVERABLE_NOTICE_TOPIC });
    expect(ports.setAsides).toMatchObject([{ error: 'Error', notice: undefined }]);
  });

  it('a message with a lone surrogate is set aside at once: no retry could ever send it', async () => {
    const ports = new RecordingPorts();
    await expect(deliver(ports, { ...pending(0), text: 'reason: \ud800' })).resolves.toEqual({
      result: 'given-up',
      attempt: 1,
      errorName: MALFORMED_TEXT,
    });
    expect(ports.sent).toEqual([]);
    expect(ports.setAsides).toMatchObject([{ error: MALFORMED_TEXT, countsAttempt: true, notice: { to: [OFFICER] } }]);
  });
});
