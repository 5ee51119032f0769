// Reading stream records: one consumer recognises a TTL deletion in AWS (REMOVE by the DynamoDB
// service) and locally (an event name the SDK does not know, no userIdentity), and tells both from
// a DeleteItem, also on a KEYS_ONLY stream.
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  eachRecord,
  keysOf,
  newImage,
  oldImage,
  recordTime,
  removalCause,
  streamEventId,
} from '../../functions/adapters/dynamodb-stream';
import { streamEvent, streamRecord } from '../support/requests';

const item = { subjectId: 's', recordId: 'r', category: 'email', purposes: ['a', 'b'], expiresAt: 1_700_000_000 };
const ttlIdentity = { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } };

/** A record of a KEYS_ONLY stream: the key and nothing else. */
function keysOnly(eventName: string, extra: Partial<DynamoDBRecord> = {}): DynamoDBRecord {
  const record = streamRecord(eventName, {}, extra);
  record.dynamodb = {
    ...record.dynamodb,
    StreamViewType: 'KEYS_ONLY',
    Keys: marshall({ subjectId: 's', documentId: 'd' }) as never,
  };
  return record;
}

describe('dynamodb-stream', () => {
  it('unmarshalls images', () => {
    const record = streamRecord('MODIFY', { newImage: item, oldImage: { ...item, category: 'old' } });
    expect(newImage(record)).toEqual(item);
    expect(oldImage(record)).toEqual({ ...item, category: 'old' });
    expect(newImage(streamRecord('REMOVE', { oldImage: item }))).toBeUndefined();
  });

  it('a TTL deletion in AWS → ttl', () => {
    expect(removalCause(streamRecord('REMOVE', { oldImage: item }, ttlIdentity))).toBe('ttl');
  });

  it('a TTL deletion by DynamoDB Local (unknown event name, no identity) → ttl', () => {
    expect(removalCause(streamRecord('UNKNOWN_TO_SDK_VERSION', { oldImage: item }))).toBe('ttl');
  });

  it('a DeleteItem → deleted, also by another principal', () => {
    expect(removalCause(streamRecord('REMOVE', { oldImage: item }))).toBe('deleted');
    expect(
      removalCause(
        streamRecord(
          'REMOVE',
          { oldImage: item },
          { userIdentity: { type: 'Service', principalId: 'other.amazonaws.com' } },
        ),
      ),
    ).toBe('deleted');
  });

  it('inserts, updates and records without an old image are not removals', () => {
    expect(removalCause(streamRecord('INSERT', { newImage: item }))).toBeUndefined();
    expect(removalCause(streamRecord('MODIFY', { newImage: item, oldImage: item }))).toBeUndefined();
    expect(removalCause(streamRecord('REMOVE', {}))).toBeUndefined();
    expect(removalCause(streamRecord('UNKNOWN_TO_SDK_VERSION', { newImage: item, oldImage: item }))).toBeUndefined();
  });

  it('the record time is its approximate creation time, in seconds', () => {
    const record = streamRecord('REMOVE', { oldImage: item });
    record.dynamodb!.ApproximateCreationDateTime = 1_767_225_600;
    expect(recordTime(record).toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('a KEYS_ONLY removal is a removal too, TTL or deletion; its keys are read, there is no image', () => {
    expect(removalCause(keysOnly('UNKNOWN_TO_SDK_VERSION'))).toBe('ttl');
    expect(removalCause(keysOnly('REMOVE', ttlIdentity))).toBe('ttl');
    expect(removalCause(keysOnly('REMOVE'))).toBe('deleted');
    expect(removalCause(keysOnly('INSERT'))).toBeUndefined();
    expect(removalCause(keysOnly('MODIFY'))).toBeUndefined();
    expect(keysOf(keysOnly('REMOVE'))).toEqual({ subjectId: 's', documentId: 'd' });
    expect(oldImage(keysOnly('REMOVE'))).toBeUndefined();
  });

  it('a record is known by its eventID, or by its stream and sequence number when a source leaves the id out', () => {
    const record = streamRecord('REMOVE', { oldImage: item });
    expect(streamEventId(record)).toBe(record.eventID);
    const { eventID: _id, ...bare } = { ...record, eventSourceARN: 'arn:stream' };
    expect(streamEventId(bare)).toBe(`arn:stream#${record.dynamodb!.SequenceNumber}`);
  });

  it('eachRecord handles records in order and stops at the first failure, reporting it for redelivery', async () => {
    const records = [1, 2, 3].map(() => streamRecord('REMOVE', { oldImage: item }));
    const handled: string[] = [];
    const errors: string[] = [];
    const result = await eachRecord(
      streamEvent(...records),
      async (r) => {
        if (r === records[1]) throw new Error('boom');
        handled.push(r.eventID!);
      },
      (error) => errors.push(error.message),
    );
    expect(handled).toEqual([records[0]!.eventID]);
    expect(errors).toEqual(['boom']);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: records[1]!.dynamodb!.SequenceNumber }] });
    expect(
      await eachRecord(
        streamEvent(...records),
        async () => {},
        () => {},
      ),
    ).toEqual({ batchItemFailures: [] });
  });
});
