// Reading stream records: one consumer recognises a TTL deletion in AWS (REMOVE by the DynamoDB
// service) and locally (an event name the SDK does not know, no userIdentity), and tells both from
// a DeleteItem.
import { describe, expect, it } from 'vitest';
import { newImage, oldImage, recordTime, removalCause } from '../../functions/adapters/dynamodb-stream';
import { streamRecord } from '../support/requests';

const item = { subjectId: 's', recordId: 'r', category: 'email', purposes: ['a', 'b'], expiresAt: 1_700_000_000 };
const ttlIdentity = { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } };

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
    expect(removalCause(streamRecord('REMOVE', { oldImage: item }, { userIdentity: { type: 'Service', principalId: 'other.amazonaws.com' } }))).toBe('deleted');
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
});
