// Test helpers: fresh tables per test file, API Gateway events as AWS builds them, and the SES
// emulator's mailbox.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { inject } from 'vitest';
import { type ApiEventInput, buildApiEvent } from '../../local/api-event';
import { createTables } from '../../local/tables';

declare module 'vitest' {
  export interface ProvidedContext {
    /** True in the group whose workers run file after file (vitest.config.ts). */
    sharedWorker?: boolean;
  }
}

interface TableSet {
  prefix: string;
  env: Record<string, string>;
}

function createTableSet(): Promise<TableSet> {
  const prefix = `t${randomUUID().slice(0, 8)}-`;
  const client = new DynamoDBClient({});
  return createTables(client, prefix)
    .then((env) => ({ prefix, env }))
    .finally(() => client.destroy());
}

/** A set created ahead, while the tests before it ran: creating one takes DynamoDB Local about a second. */
let nextSet: Promise<TableSet> | undefined;
let setsTaken = 0;

/**
 * Creates every desk table under a prefix of its own and points the handlers at them. Where another
 * call is likely to follow in this process (a worker shared by file after file, or a file asking for
 * fresh tables before each test), the next call's set is created meanwhile; each set is still used
 * by one file or test only.
 */
export async function freshTables(): Promise<string> {
  const ahead = nextSet;
  nextSet = undefined;
  const set = await (ahead?.catch(() => createTableSet()) ?? createTableSet());
  setsTaken += 1;
  if (inject('sharedWorker') || setsTaken > 1) {
    nextSet = createTableSet();
    // A failure shows where the set is taken: that call then creates its own.
    nextSet.catch(() => {});
  }
  Object.assign(process.env, set.env);
  return set.prefix;
}

export interface EventInput extends Omit<ApiEventInput, 'body'> {
  body?: unknown;
}

export function apiEvent(input: EventInput): APIGatewayProxyEvent {
  const body =
    input.body === undefined ? null : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  return buildApiEvent({
    ...input,
    body,
    headers: { ...(body !== null ? { 'Content-Type': 'application/json' } : {}), ...input.headers },
    sourceIp: input.sourceIp ?? '203.0.113.10',
    domainName: input.domainName ?? 'desk.test',
    stage: input.stage ?? 'test',
  });
}

export const lambdaContext = { awsRequestId: 'test-invocation', functionName: 'test' } as Context;

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

export async function invoke(handler: Handler, input: EventInput) {
  const result = await handler(apiEvent(input), lambdaContext);
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    json: JSON.parse(result.body) as Record<string, any>,
  };
}

export interface SentEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

export async function mailbox(to?: string): Promise<SentEmail[]> {
  const { emails } = (await (await fetch(`${inject('sesEndpoint')}/store`)).json()) as { emails: SentEmail[] };
  return to ? emails.filter((e) => e.destination.to.includes(to)) : emails;
}

export function uniqueEmail(name = 'person'): string {
  return `${name}.${randomUUID().slice(0, 8)}@example.jp`;
}
