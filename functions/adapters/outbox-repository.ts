// The outbox: messages wait here, in state pending, until SES accepts them; a sent message is kept
// a while for tracing, and one that failed too often is set aside as undeliverable.
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SENT_MESSAGE_RETENTION_SECONDS } from '../domain/kernel/law';
import { StaleWriteError } from '../domain/kernel/problems';
import type { OutboxMessage } from '../domain/outbox';
import { CLAIM_LEASE_SECONDS, type ClaimResult, type OutboxDeliveryPorts } from '../domain/outbox-delivery';
import type { UndeliverableMessage } from '../domain/requests/request-report';
import { dynamo, queryAll, tableName } from './clients';
import { type TransactItem, transactOrStale } from './transactions';

export const PENDING = 'pending';
export const SENT = 'sent';
export const UNDELIVERABLE = 'undeliverable';

export interface StoredOutboxMessage extends OutboxMessage {
  outboxState: typeof PENDING | typeof SENT | typeof UNDELIVERABLE;
  attempts: number;
  sentAt?: string;
  sesMessageId?: string;
  claimedAt?: string;
  lastError?: string;
  setAsideAt?: string;
}

/**
 * Sets claimedAt on a pending message nobody holds. A message whose holder's lease ran out is never
 * taken over: it may have reached SES already (domain/outbox-delivery.ts), so it is reported in doubt.
 */
export async function claim(messageId: string, now: Date): Promise<ClaimResult> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName('outbox'),
        Key: { messageId },
        UpdateExpression: 'SET claimedAt = :now',
        ConditionExpression: 'outboxState = :pending AND attribute_not_exists(claimedAt)',
        ExpressionAttributeValues: { ':now': now.toISOString(), ':pending': PENDING },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'claimed';
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const held = (error as { Item?: Record<string, unknown> }).Item;
    const claimedAt = held?.claimedAt;
    const leaseStart = new Date(now.getTime() - CLAIM_LEASE_SECONDS * 1000).toISOString();
    // The old item comes back in the wire format of the low-level client.
    const state = (held?.outboxState as { S?: string } | undefined)?.S ?? held?.outboxState;
    const since = (claimedAt as { S?: string } | undefined)?.S ?? claimedAt;
    return state === PENDING && typeof since === 'string' && since < leaseStart ? 'in-doubt' : 'busy';
  }
}

export async function markSent(messageId: string, sesMessageId: string, now: Date): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName('outbox'),
      Key: { messageId },
      UpdateExpression:
        'REMOVE claimedAt SET outboxState = :sent, sentAt = :now, sesMessageId = :ses, expiresAt = :expires, attempts = attempts + :one',
      ConditionExpression: 'outboxState = :pending',
      ExpressionAttributeValues: {
        ':now': now.toISOString(),
        ':ses': sesMessageId,
        ':expires': Math.floor(now.getTime() / 1000) + SENT_MESSAGE_RETENTION_SECONDS,
        ':pending': PENDING,
        ':sent': SENT,
        ':one': 1,
      },
    }),
  );
}

/** Records a failed send and releases the claim: the message stays pending for the sweep. */
export async function markAttemptFailed(messageId: string, error: string): Promise<void> {
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName('outbox'),
      Key: { messageId },
      UpdateExpression: 'SET attempts = attempts + :one, lastError = :error REMOVE claimedAt',
      ConditionExpression: 'outboxState = :pending',
      ExpressionAttributeValues: { ':one': 1, ':error': error, ':pending': PENDING },
    }),
  );
}

/**
 * Sets the message aside as undeliverable for a person to look at, and writes the officer's notice
 * about it in the same transaction: neither happens without the other, and a second sender finds
 * the message no longer pending.
 */
export async function setAside(
  messageId: string,
  error: string,
  countsAttempt: boolean,
  notice: OutboxMessage | undefined,
  now: Date,
): Promise<void> {
  await transactOrStale([
    {
      Update: {
        TableName: tableName('outbox'),
        Key: { messageId },
        UpdateExpression: `SET ${countsAttempt ? 'attempts = attempts + :one, ' : ''}lastError = :error, outboxState = :undeliverable, setAsideAt = :now REMOVE claimedAt`,
        ConditionExpression: 'outboxState = :pending',
        ExpressionAttributeValues: {
          ...(countsAttempt ? { ':one': 1 } : {}),
          ':error': error,
          ':pending': PENDING,
          ':undeliverable': UNDELIVERABLE,
          ':now': now.toISOString(),
        },
      },
    },
    ...(notice ? [outboxPut(notice)] : []),
  ]);
}

/** Messages set aside as undeliverable, oldest first: what the desk report lists (no address, no body). */
export async function listUndeliverable(): Promise<UndeliverableMessage[]> {
  return queryAll<UndeliverableMessage>({
    TableName: tableName('outbox'),
    IndexName: 'pending',
    KeyConditionExpression: 'outboxState = :undeliverable',
    ProjectionExpression: 'messageId, topic, requestId, createdAt, setAsideAt, attempts, lastError',
    ExpressionAttributeValues: { ':undeliverable': UNDELIVERABLE },
  });
}

/** Messages still pending that were created before `createdBefore`, oldest first. */
export async function listPending(createdBefore: Date, limit: number): Promise<StoredOutboxMessage[]> {
  const { Items } = await dynamo().send(
    new QueryCommand({
      TableName: tableName('outbox'),
      IndexName: 'pending',
      KeyConditionExpression: 'outboxState = :pending AND createdAt < :before',
      ExpressionAttributeValues: { ':pending': PENDING, ':before': createdBefore.toISOString() },
      Limit: limit,
    }),
  );
  return (Items ?? []) as StoredOutboxMessage[];
}

/** A write that lost the race to another sender finds the message already sent or set aside: nothing to do. */
function ignoreAlreadyDone(error: unknown): void {
  const name = (error as Error).name;
  if (name !== 'ConditionalCheckFailedException' && !(error instanceof StaleWriteError)) throw error;
}

export function outboxDeliveryPorts(send: OutboxDeliveryPorts['send']): OutboxDeliveryPorts {
  return {
    claim,
    send,
    markSent: (id, providerId, now) => markSent(id, providerId, now).catch(ignoreAlreadyDone),
    markAttemptFailed: (id, error) => markAttemptFailed(id, error).catch(ignoreAlreadyDone),
    setAside: (id, error, countsAttempt, notice, now) =>
      setAside(id, error, countsAttempt, notice, now).catch(ignoreAlreadyDone),
  };
}

/** An e-mail joining a transaction: pending for the outbox stream, never replacing a message with its id. */
export function outboxPut(message: OutboxMessage): TransactItem {
  return {
    Put: {
      TableName: tableName('outbox'),
      Item: { ...message, outboxState: PENDING, attempts: 0 },
      ConditionExpression: 'attribute_not_exists(messageId)',
    },
  };
}
