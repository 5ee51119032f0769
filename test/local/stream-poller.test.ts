// The local stream poller against DynamoDB Local: it hands records to a handler in the shape Lambda
// uses, and redelivers from the first failed record, a few times, as Lambda retries a batch.
import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../functions/adapters/clients';
import { type StreamHandler, StreamPoller } from '../../local/stream-poller';
import { freshTables } from '../support/desk';
import { dropTables, putItem, setAttributes, waitFor } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

/** Runs a poller over the outbox table (stream NEW_IMAGE) until `done`, keeping only this test's records. */
async function poll(
  marker: string,
  handle: (records: DynamoDBRecord[]) => ReturnType<StreamHandler>,
  done: () => boolean,
) {
  const errors: string[] = [];
  const handler: StreamHandler = async (event: DynamoDBStreamEvent) => {
    const mine = event.Records.filter((r) => r.dynamodb?.NewImage?.topic?.S === marker);
    if (mine.length === 0) return { batchItemFailures: [] };
    return handle(mine);
  };
  const poller = new StreamPoller([{ tableName: tableName('outbox'), handler }], 50, (m) => errors.push(m));
  poller.start();
  try {
    await waitFor(async () => (done() ? true : undefined), 'the poller', 15_000, 50);
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    await poller.stop();
  }
  return errors;
}

const put = (marker: string, n: number) =>
  putItem('outbox', {
    messageId: `${marker}-${n}`,
    topic: marker,
    createdAt: new Date().toISOString(),
    to: [],
    subject: '',
    text: '',
    attempts: 0,
  });

describe('StreamPoller', () => {
  it('delivers new and modified items in the Lambda record shape, in order', async () => {
    const marker = `shape-${randomUUID()}`;
    await put(marker, 1);
    await put(marker, 2);
    await setAttributes('outbox', { messageId: `${marker}-1` }, { attempts: 1 });
    const seen: DynamoDBRecord[] = [];
    await poll(
      marker,
      async (records) => {
        seen.push(...records);
        return { batchItemFailures: [] };
      },
      () => seen.length >= 3,
    );
    expect(seen.map((r) => [r.eventName, r.dynamodb!.NewImage!.messageId!.S])).toEqual([
      ['INSERT', `${marker}-1`],
      ['INSERT', `${marker}-2`],
      ['MODIFY', `${marker}-1`],
    ]);
    for (const record of seen) {
      expect(record.eventSource).toBe('aws:dynamodb');
      expect(record.eventSourceARN).toMatch(/stream/);
      expect(typeof record.dynamodb!.ApproximateCreationDateTime).toBe('number');
      expect(Math.abs(record.dynamodb!.ApproximateCreationDateTime! - Date.now() / 1000)).toBeLessThan(120);
      expect(record.dynamodb!.SequenceNumber).toMatch(/^\d+$/);
    }
  });

  it('redelivers from the first failed record, as Lambda does with batch item failures', async () => {
    const marker = `retry-${randomUUID()}`;
    for (let n = 1; n <= 3; n++) await put(marker, n);
    const batches: string[][] = [];
    let failedOnce = false;
    await poll(
      marker,
      async (records) => {
        batches.push(records.map((r) => r.dynamodb!.NewImage!.messageId!.S!));
        const second = records.find((r) => r.dynamodb!.NewImage!.messageId!.S === `${marker}-2`);
        if (second && !failedOnce) {
          failedOnce = true;
          return { batchItemFailures: [{ itemIdentifier: second.dynamodb!.SequenceNumber! }] };
        }
        return { batchItemFailures: [] };
      },
      () => batches.flat().filter((id) => id === `${marker}-3`).length >= 2,
    );
    const flat = batches.flat();
    expect(flat.filter((id) => id === `${marker}-1`)).toHaveLength(1);
    expect(flat.filter((id) => id === `${marker}-2`)).toHaveLength(2);
    expect(flat.filter((id) => id === `${marker}-3`)).toHaveLength(2);
  });

  it('gives up after three redeliveries of a record that keeps failing, and goes on with later records', async () => {
    const marker = `poison-${randomUUID()}`;
    await put(marker, 1);
    const attempts: number[] = [];
    let laterSeen = false;
    const errors = await poll(
      marker,
      async (records) => {
        const poison = records.find((r) => r.dynamodb!.NewImage!.messageId!.S === `${marker}-1`);
        if (records.some((r) => r.dynamodb!.NewImage!.messageId!.S === `${marker}-2`)) laterSeen = true;
        if (poison) {
          attempts.push(Date.now());
          if (attempts.length === 4) await put(marker, 2);
          throw new Error('poison record');
        }
        return { batchItemFailures: [] };
      },
      () => laterSeen,
    );
    expect(attempts).toHaveLength(4);
    expect(errors.filter((e) => /stream handler failed: poison record/.test(e))).toHaveLength(4);
    expect(errors.some((e) => /given up after 3 redeliveries/.test(e))).toBe(true);
  });
});
