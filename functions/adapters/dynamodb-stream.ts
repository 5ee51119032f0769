// Reading DynamoDB stream records as Lambda delivers them (and as the local poller rebuilds them).
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { RemovalCause } from '../domain/erasure/certificate';

type Image = NonNullable<DynamoDBRecord['dynamodb']>['NewImage'];

const unmarshalled = <T>(image: Image): T | undefined =>
  image ? (unmarshall(image as Record<string, AttributeValue>) as T) : undefined;

export function newImage<T>(record: DynamoDBRecord): T | undefined {
  return unmarshalled<T>(record.dynamodb?.NewImage);
}

export function oldImage<T>(record: DynamoDBRecord): T | undefined {
  return unmarshalled<T>(record.dynamodb?.OldImage);
}

/** The item's key; every view type carries it, KEYS_ONLY nothing else. */
export function keysOf<T>(record: DynamoDBRecord): T | undefined {
  return unmarshalled<T>(record.dynamodb?.Keys);
}

/**
 * How an item left the table, or undefined if the record is not a removal. In AWS a TTL deletion
 * is REMOVE by the DynamoDB service principal; DynamoDB Local streams it under an event name the
 * SDK does not know. Any other REMOVE was a DeleteItem by someone. Works on KEYS_ONLY streams too.
 */
export function removalCause(record: DynamoDBRecord): RemovalCause | undefined {
  const change = record.dynamodb;
  if (!change || change.NewImage || (!change.OldImage && !change.Keys)) return undefined;
  if (record.eventName === 'INSERT' || record.eventName === 'MODIFY') return undefined;
  const identity = record.userIdentity as { type?: string; principalId?: string } | undefined;
  const byTtl = identity?.type === 'Service' && identity.principalId === 'dynamodb.amazonaws.com';
  return byTtl || record.eventName !== 'REMOVE' ? 'ttl' : 'deleted';
}

/** A stream record's unique id: its eventID, or where it sits in which stream if a source left that out. */
export function streamEventId(record: DynamoDBRecord): string {
  return record.eventID ?? `${record.eventSourceARN ?? ''}#${record.dynamodb?.SequenceNumber ?? ''}`;
}

export function recordTime(record: DynamoDBRecord): Date {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  return seconds ? new Date(seconds * 1000) : new Date();
}

/**
 * Runs `handle` on each record in order. A failure stops the batch there: that record and the ones
 * after it are reported, so Lambda (or the local poller) redelivers them and nothing is skipped.
 */
export async function eachRecord(
  event: DynamoDBStreamEvent,
  handle: (record: DynamoDBRecord) => Promise<void>,
  onError: (error: Error, record: DynamoDBRecord) => void,
): Promise<DynamoDBBatchResponse> {
  for (const record of event.Records) {
    try {
      await handle(record);
    } catch (error) {
      onError(error as Error, record);
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
}
