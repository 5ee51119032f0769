// Reading DynamoDB stream records as Lambda delivers them (and as the local poller rebuilds them).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { ErasureCause } from '../domain/erasure';

export function newImage<T>(record: DynamoDBRecord): T | undefined {
  const image = record.dynamodb?.NewImage;
  return image ? (unmarshall(image as Record<string, AttributeValue>) as T) : undefined;
}

export function oldImage<T>(record: DynamoDBRecord): T | undefined {
  const image = record.dynamodb?.OldImage;
  return image ? (unmarshall(image as Record<string, AttributeValue>) as T) : undefined;
}

/**
 * Why an item left the table, or undefined if the record is not a removal. In AWS a TTL deletion
 * is REMOVE by the DynamoDB service principal; DynamoDB Local streams it under an event name the
 * SDK does not know. Any other REMOVE was a DeleteItem by someone.
 */
export function removalCause(record: DynamoDBRecord): ErasureCause | undefined {
  if (!record.dynamodb?.OldImage || record.dynamodb.NewImage) return undefined;
  if (record.eventName === 'INSERT' || record.eventName === 'MODIFY') return undefined;
  const identity = record.userIdentity as { type?: string; principalId?: string } | undefined;
  const byTtl = identity?.type === 'Service' && identity.principalId === 'dynamodb.amazonaws.com';
  return byTtl || record.eventName !== 'REMOVE' ? 'ttl' : 'deleted';
}

export function recordTime(record: DynamoDBRecord): Date {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  return seconds ? new Date(seconds * 1000) : new Date();
}
