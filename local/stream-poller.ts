// Polls the tables' DynamoDB streams and hands each batch to the same stream handler Lambda would
// run, in the same event shape. Failed records are redelivered a few times, as Lambda retries.
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamSubscription {
  tableName: string;
  handler: StreamHandler;
}

const MAX_REDELIVERIES = 3;
/**
 * How long a table's stream and shards, once described, are polled without describing them again:
 * they change only when a shard closes or the table's stream is replaced, and describing both on
 * every tick was most of the poller's load on DynamoDB Local (two calls per table four times a second).
 */
const DESCRIBE_EVERY_MS = 2_000;
/** How long after records were delivered or a write was signalled the poller keeps its quick pace. */
const ACTIVE_MS = 2_000;

interface DescribedStream {
  streamArn: string | undefined;
  shardIds: string[];
  at: number;
}

function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const { dynamodb, ...rest } = record;
  return {
    ...rest,
    eventSource: 'aws:dynamodb',
    eventSourceARN: streamArn,
    dynamodb: {
      ...dynamodb,
      ApproximateCreationDateTime: dynamodb?.ApproximateCreationDateTime
        ? Math.floor(new Date(dynamodb.ApproximateCreationDateTime).getTime() / 1000)
        : undefined,
    },
  } as DynamoDBRecord;
}

export class StreamPoller {
  private readonly streams = new DynamoDBStreamsClient({});
  private readonly dynamo = new DynamoDBClient({});
  private readonly iterators = new Map<string, string | undefined>();
  private readonly lastSequence = new Map<string, string>();
  private readonly described = new Map<string, DescribedStream>();
  private timer: NodeJS.Timeout | undefined;
  private timerDueAt = 0;
  private running: Promise<void> | undefined;
  private stopped = false;
  private lastActivity = Date.now();
  private tick: (() => Promise<void>) | undefined;

  /**
   * Polls every `intervalMs` while records flow or writes are signalled (nudge), and every
   * `idleIntervalMs` after ACTIVE_MS of neither: each poll of an idle stream still costs DynamoDB
   * Local a few milliseconds of CPU per table.
   */
  constructor(
    private readonly subscriptions: StreamSubscription[],
    private readonly intervalMs = 250,
    private readonly onError: (message: string) => void = (m) => console.error(m),
    private readonly idleIntervalMs = intervalMs,
  ) {}

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.timer = undefined;
      this.running = this.pollAll().catch((error) => this.onError(`stream poller: ${(error as Error).message}`));
      await this.running;
      if (this.stopped) return;
      this.schedule(Date.now() - this.lastActivity < ACTIVE_MS ? this.intervalMs : this.idleIntervalMs);
    };
    this.tick = tick;
    void tick();
  }

  /** Something was written that may stream records: back to polling every `intervalMs`. */
  nudge(): void {
    this.lastActivity = Date.now();
    if (this.timer && this.timerDueAt - Date.now() > this.intervalMs) this.schedule(this.intervalMs);
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timerDueAt = Date.now() + delayMs;
    if (this.tick) this.timer = setTimeout(this.tick, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.streams.destroy();
    this.dynamo.destroy();
  }

  private async pollAll(): Promise<void> {
    await Promise.all(
      this.subscriptions.map((s) =>
        this.pollTable(s).catch((error) => {
          // Described afresh on the next tick: the table or its stream may have been replaced.
          this.described.delete(s.tableName);
          this.onError(`stream poller (${s.tableName}): ${(error as Error).name}: ${(error as Error).message}`);
        }),
      ),
    );
  }

  private async describe(tableName: string): Promise<DescribedStream> {
    const cached = this.described.get(tableName);
    if (cached && Date.now() - cached.at < DESCRIBE_EVERY_MS) return cached;
    const { Table } = await this.dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = Table?.LatestStreamArn;
    const shardIds = streamArn
      ? (
          (await this.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription?.Shards ?? []
        ).map((shard) => shard.ShardId!)
      : [];
    const described = { streamArn, shardIds, at: Date.now() };
    this.described.set(tableName, described);
    return described;
  }

  private async pollTable({ tableName, handler }: StreamSubscription): Promise<void> {
    const { streamArn, shardIds } = await this.describe(tableName);
    if (!streamArn) return;
    for (const shardId of shardIds) {
      const key = `${streamArn}/${shardId}`;
      let iterator = this.iterators.get(key);
      if (iterator === undefined && this.iterators.has(key)) continue;
      iterator ??= await this.freshIterator(streamArn, shardId, this.lastSequence.get(key));
      let page: GetRecordsCommandOutput;
      try {
        page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      } catch (error) {
        const name = (error as Error).name;
        // An iterator past its life or trimmed position is replaced on the next tick, resuming after
        // the last record delivered.
        if (name === 'ExpiredIteratorException' || name === 'TrimmedDataAccessException') {
          this.iterators.delete(key);
          continue;
        }
        throw error;
      }
      this.iterators.set(key, page.NextShardIterator);
      const records = page.Records ?? [];
      if (records.length === 0) continue;
      this.lastActivity = Date.now();
      await this.deliver(
        handler,
        records.map((r) => toLambdaRecord(r, streamArn)),
      );
      this.lastSequence.set(key, records.at(-1)!.dynamodb!.SequenceNumber!);
    }
  }

  private async freshIterator(
    streamArn: string,
    shardId: string,
    after: string | undefined,
  ): Promise<string | undefined> {
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  }

  private async deliver(handler: StreamHandler, records: DynamoDBRecord[]): Promise<void> {
    let batch = records;
    for (let attempt = 0; attempt <= MAX_REDELIVERIES && batch.length > 0; attempt++) {
      let failedFrom: string | undefined;
      try {
        failedFrom = (await handler({ Records: batch }))?.batchItemFailures?.[0]?.itemIdentifier;
      } catch (error) {
        this.onError(`stream handler failed: ${(error as Error).message}`);
        failedFrom = batch[0]?.dynamodb?.SequenceNumber;
      }
      if (failedFrom === undefined) return;
      batch = batch.slice(
        Math.max(
          0,
          batch.findIndex((r) => r.dynamodb?.SequenceNumber === failedFrom),
        ),
      );
    }
    if (batch.length > 0)
      this.onError(`stream: ${batch.length} record(s) given up after ${MAX_REDELIVERIES} redeliveries`);
  }
}
