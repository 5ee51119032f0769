// A notification waiting to be sent. It is written in the same transaction as the state change it
// reports, and the outbox consumer sends it (docs/architecture.md).

export interface OutboxMessage {
  messageId: string;
  to: string[];
  subject: string;
  text: string;
  createdAt: string;
  /** What the message is about, for tracing without reading the body. */
  topic: string;
  /** The request it answers, if any: lets the desk report name a lost statutory answer without its body. */
  requestId?: string;
}

export function outboxMessage(
  messageId: string,
  to: string,
  content: { subject: string; text: string },
  now: Date,
  topic: string,
  requestId?: string,
): OutboxMessage {
  return {
    messageId,
    to: [to],
    subject: content.subject,
    text: content.text,
    createdAt: now.toISOString(),
    topic,
    ...(requestId ? { requestId } : {}),
  };
}
