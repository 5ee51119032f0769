// Delivering an outbox message: claim it, send it, mark it sent. The claim keeps a redelivered
// stream record and the retry sweep from sending the same message twice. A failed send is recorded
// and left pending for the sweep; after too many failures the message is set aside for a person,
// and the officer is told in the same write.
//
// At most once: SES has no idempotency key, so a sender that claimed a message and never recorded
// the outcome (it died, or the table was down, between SES accepting and the mark) leaves it in
// doubt. Sending again could give a person a statutory answer twice; so a claim older than the lease
// is never taken over: the message is set aside as in doubt, and the officer checks SES's sending
// records and sends it again by hand if it never left. A lost answer is then never silent.
import { type OutboxMessage, outboxMessage } from './outbox';

/** Desk policy: sends tried before a message is set aside as undeliverable (about an hour at one sweep per 5 minutes). */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** Desk policy: the retry sweep leaves messages younger than this to the stream consumer. */
export const RETRY_AFTER_SECONDS = 120;

/** Desk policy: a claim older than this is from a sender that died without recording the outcome. */
export const CLAIM_LEASE_SECONDS = 300;

/** Why a message was set aside without a failed send of its own: SES may or may not have taken it. */
export const OUTCOME_UNKNOWN = 'SendOutcomeUnknown';
/** Why a message was set aside at once: a subject or text with a lone surrogate can never be encoded. */
export const MALFORMED_TEXT = 'MalformedText';

/** The topic of the officer's notice about an undeliverable message; such a notice gets no notice of its own. */
export const UNDELIVERABLE_NOTICE_TOPIC = 'outbox-undeliverable';

export interface PendingMessage extends OutboxMessage {
  attempts: number;
}

/** claimed: this sender holds it; busy: sent, set aside, or held by a live sender; in-doubt: its holder's lease ran out. */
export type ClaimResult = 'claimed' | 'busy' | 'in-doubt';

export interface OutboxDeliveryPorts {
  claim(messageId: string, now: Date): Promise<ClaimResult>;
  send(message: OutboxMessage): Promise<string>;
  markSent(messageId: string, providerMessageId: string, now: Date): Promise<void>;
  /** Counts a failed attempt and releases the claim; the message stays pending for the sweep. */
  markAttemptFailed(messageId: string, error: string): Promise<void>;
  /** Sets the message aside as undeliverable and writes the officer's notice (if any) in the same transaction. */
  setAside(
    messageId: string,
    error: string,
    countsAttempt: boolean,
    notice: OutboxMessage | undefined,
    now: Date,
  ): Promise<void>;
}

export type DeliveryResult = 'sent' | 'failed' | 'given-up' | 'in-doubt' | 'skipped';

/** What happened, for logs and metrics: ids, names and counts only, never an address or a body. */
export interface DeliveryOutcome {
  result: DeliveryResult;
  /** The attempt this was (1 for the first send). */
  attempt: number;
  errorName?: string;
}

/** A lone surrogate (a string that is not well-formed Unicode) cannot be encoded for SES. */
export function isWellFormedText(value: string): boolean {
  return !/\p{Cs}/u.test(value);
}

/**
 * The officer's notice that a message was set aside: which message, about what and which request,
 * how often it was tried and why it failed. Never the recipient or the body (they stay in the outbox
 * item for whoever handles it). Its id follows from the lost message's and its attempts, so two
 * senders setting the same message aside write one notice, and a message put back and set aside
 * again gets a new one.
 */
export const undeliverableNoticeId = (messageId: string, attempts: number) =>
  `${UNDELIVERABLE_NOTICE_TOPIC}-${messageId}-${attempts}`;

/** The notice itself; none about a notice, so a mail service that is down cannot make it loop. */
export function undeliverableNotice(
  message: PendingMessage,
  officerEmail: string,
  errorName: string,
  attempts: number,
  now: Date,
): OutboxMessage | undefined {
  if (message.topic === UNDELIVERABLE_NOTICE_TOPIC) return undefined;
  const request = message.requestId
    ? { ja: `\n請求: ${message.requestId}`, en: `\nRequest: ${message.requestId}` }
    : { ja: '', en: '' };
  const inDoubt = errorName === OUTCOME_UNKNOWN;
  return outboxMessage(
    undeliverableNoticeId(message.messageId, attempts),
    officerEmail,
    {
      subject: `送信できなかったメール / E-mail not delivered: ${message.topic}`,
      text: [
        inDoubt
          ? `送信の結果が記録されなかったメールを保留しました。SES の送信記録で送信済みか確認し、未送信なら改めて送ってください。`
          : `${attempts} 回送信に失敗したメールを保留しました。宛先と本文を確認し、改めて送ってください。`,
        `メッセージ: ${message.messageId}\n種類: ${message.topic}${request.ja}\n作成: ${message.createdAt}\n試行: ${attempts}\n理由: ${errorName}`,
        '',
        inDoubt
          ? "An e-mail was set aside because the outcome of its send was never recorded. Check SES's sending records; if it was not sent, send it again."
          : `An e-mail was set aside after ${attempts} failed sends. Check its address and text, and send it again.`,
        `Message: ${message.messageId}\nKind: ${message.topic}${request.en}\nCreated: ${message.createdAt}\nAttempts: ${attempts}\nReason: ${errorName}`,
        "The desk's request report lists every undeliverable message.",
      ].join('\n'),
    },
    now,
    UNDELIVERABLE_NOTICE_TOPIC,
    message.requestId,
  );
}

export async function deliverOutboxMessage(
  ports: OutboxDeliveryPorts,
  message: PendingMessage,
  now: Date,
  officerEmail: string,
): Promise<DeliveryOutcome> {
  const attempt = message.attempts + 1;
  const claim = await ports.claim(message.messageId, now);
  if (claim === 'busy') return { result: 'skipped', attempt };
  if (claim === 'in-doubt') {
    await ports.setAside(
      message.messageId,
      OUTCOME_UNKNOWN,
      false,
      undeliverableNotice(message, officerEmail, OUTCOME_UNKNOWN, message.attempts, now),
      now,
    );
    return { result: 'in-doubt', attempt: message.attempts, errorName: OUTCOME_UNKNOWN };
  }
  if (!isWellFormedText(message.subject) || !isWellFormedText(message.text)) {
    // Every retry would fail the same way: set it aside now rather than after an hour of failures.
    await ports.setAside(
      message.messageId,
      MALFORMED_TEXT,
      true,
      undeliverableNotice(message, officerEmail, MALFORMED_TEXT, attempt, now),
      now,
    );
    return { result: 'given-up', attempt, errorName: MALFORMED_TEXT };
  }
  let providerMessageId: string;
  try {
    providerMessageId = await ports.send(message);
  } catch (error) {
    const errorName = error instanceof Error ? error.name : 'Error';
    if (attempt >= MAX_DELIVERY_ATTEMPTS) {
      await ports.setAside(
        message.messageId,
        errorName,
        true,
        undeliverableNotice(message, officerEmail, errorName, attempt, now),
        now,
      );
      return { result: 'given-up', attempt, errorName };
    }
    await ports.markAttemptFailed(message.messageId, errorName);
    return { result: 'failed', attempt, errorName };
  }
  await ports.markSent(message.messageId, providerMessageId, now);
  return { result: 'sent', attempt };
}
