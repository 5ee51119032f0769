// One SDK client of each kind per container, created on first use. Locally the emulators are reached
// through the SDK's own AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SES settings, so this code is
// the same in AWS and on a laptop.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESClient } from '@aws-sdk/client-ses';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type TableName, tableEnvVar } from './tables';

/**
 * Bounded waits for every SDK client: without them a dependency that accepts a connection and never
 * answers holds the function until Lambda's timeout (15 s for routes, lib/api.ts). Three attempts of
 * at most 1 s to connect and 4 s of silence each end about when Lambda would; a refused connection
 * fails at once. The caller gets a 503 with Retry-After (functions/http/unavailable.ts). The local
 * emulators on a busy laptop can take seconds to answer, so local/emulators.ts waits longer
 * (DESK_SDK_REQUEST_TIMEOUT_MS).
 */
export function sdkClientLimits() {
  return {
    maxAttempts: 3,
    requestHandler: {
      connectionTimeout: 1_000,
      requestTimeout: Number(process.env.DESK_SDK_REQUEST_TIMEOUT_MS ?? 4_000),
    },
  } as const;
}

let documentClient: DynamoDBDocumentClient | undefined;
let sesClient: SESClient | undefined;

export function dynamo(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ ...sdkClientLimits() }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function ses(): SESClient {
  // One attempt: SES has no idempotency key, and a retried call whose first try SES accepted would
  // send the message twice; the outbox retries a failed send itself (domain/outbox-delivery.ts).
  sesClient ??= new SESClient({ ...sdkClientLimits(), maxAttempts: 1 });
  return sesClient;
}

/** The physical name of a table, as the deployment handed it to this function. */
export function tableName(name: TableName): string {
  const value = process.env[tableEnvVar(name)];
  if (!value) throw new Error(`${tableEnvVar(name)} is not set: this function was not granted the ${name} table`);
  return value;
}

/** Condition and values that keep items past their expiresAt out of every read (docs/architecture.md). */
export function notExpired(now: Date) {
  return {
    FilterExpression: 'attribute_not_exists(expiresAt) OR expiresAt > :now',
    ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
  };
}

export function isLive(item: { expiresAt?: number } | undefined, now: Date): boolean {
  return !!item && (item.expiresAt === undefined || item.expiresAt > Math.floor(now.getTime() / 1000));
}

/** Every item a query matches, page after page. */
export async function queryAll<T>(input: QueryCommandInput): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(new QueryCommand({ ...input, ExclusiveStartKey }));
    items.push(...((page.Items ?? []) as T[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}
