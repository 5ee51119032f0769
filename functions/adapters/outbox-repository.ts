// The outbox: messages wait here, in state pending, until SES accepts them; a sent message is kept
// a while for tracing, and one that failed too often is set aside as undeliverable.
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SENT_MESSAGE_RETENTION_SECONDS } from '../domain/law';
import type { OutboxMessage } from '../domain/outbox';
import { CLAIM_LEASE_SECONDS, type OutboxDeliveryPorts } from '../domain/outbox-delivery';
import { dynamo, tableName } from './clients';

export const PENDING = 'pending';
export const SENT = 'sent';
export const UNDELIVERABLE = 'undeliverable';

export interface StoredOutboxMessage extends OutboxMessage {
  outboxState: typeof PENDING | typeof SENT | typeof UNDELIVERABLE;
  attempts: number;
  sentAt?: string;
  sesMessageId?: string;
}

/** Sets claimedAt on a pending message nobody holds (or whose holder's lease ran out). */
export async function claim(messageId: string, now: Date): Promise<boolean> {
  try {
    await dynamo().send(new UpdateCommand({
      TableName: tableName('outbox'),
      Key: { messageId },
      UpdateExpression: 'SET claimedAt = :now',
      ConditionExpression: 'outboxState = :pending AND (attribute_not_exists(claimedAt) OR claimedAt < :leaseStart)',
      ExpressionAttributeValues: {
        ':now': now.toISOString(),
        ':pending': PENDING,
        ':leaseStart': new Date(now.getTime() - CLAIM_LEASE_SECONDS * 1000).toISOString(),
      },
    }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

export async function markSent(messageId: string, sesMessageId: string, now: Date): Promise<void> {
  await dynamo().send(new UpdateCommand({
    TableName: tableName('outbox'),
    Key: { messageId },
    UpdateExpression: 'REMOVE claimedAt SET outboxState = :sent, sentAt = :now, sesMessageId = :ses, expiresAt = :expires, attempts = attempts + :one',
    ConditionExpression: 'outboxState = :pending',
    ExpressionAttributeValues: {
      ':now': now.toISOString(),
      ':ses': sesMessageId,
      ':expires': Math.floor(now.getTime() / 1000) + SENT_MESSAGE_RETENTION_SECONDS,
      ':pending': PENDING,
      ':sent': SENT,
      ':one': 1,
    },
  }));
}

/** Records a failed send; giving up sets the message aside as undeliverable for a person to look at. */
export async function markAttemptFailed(messageId: string, error: string, giveUp: boolean): Promise<void> {
  await dynamo().send(new UpdateCommand({
    TableName: tableName('outbox'),
    Key: { messageId },
    UpdateExpression: giveUp
      ? 'SET attempts = attempts + :one, lastError = :error, outboxState = :undeliverable REMOVE claimedAt'
      : 'SET attempts = attempts + :one, lastError = :error REMOVE claimedAt',
    ConditionExpression: 'outboxState = :pending',
    ExpressionAttributeValues: {
      ':one': 1,
      ':error': error,
      ':pending': PENDING,
      ...(giveUp ? { ':undeliverable': UNDELIVERABLE } : {}),
    },
  }));
}

/** Messages still pending that were created before `createdBefore`, oldest first. */
export async function listPending(createdBefore: Date, limit: number): Promise<StoredOutboxMessage[]> {
  const { Items } = await dynamo().send(new QueryCommand({
    TableName: tableName('outbox'),
    IndexName: 'pending',
    KeyConditionExpression: 'outboxState = :pending AND createdAt < :before',
    ExpressionAttributeValues: { ':pending': PENDING, ':before': createdBefore.toISOString() },
    Limit: limit,
  }));
  return (Items ?? []) as StoredOutboxMessage[];
}

/** A send that lost the race to another sender finds the message already sent: nothing to do. */
function ignoreAlreadySent(error: unknown): void {
  if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
}

export function outboxDeliveryPorts(send: OutboxDeliveryPorts['send']): OutboxDeliveryPorts {
  return {
    claim,
    send,
    markSent: (id, providerId, now) => markSent(id, providerId, now).catch(ignoreAlreadySent),
    markAttemptFailed: (id, error, giveUp) => markAttemptFailed(id, error, giveUp).catch(ignoreAlreadySent),
  };
}
