// Helpers for the handler and adapter tests: reading the tables directly, walking a request
// through submission and verification, staff claims, and DynamoDB stream events built from items.
import { randomUUID } from 'node:crypto';
import { type AttributeValue, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { expect, inject, onTestFinished, vi } from 'vitest';
import { dynamo, tableName } from '../../functions/adapters/clients';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import { TABLES, type TableName } from '../../functions/adapters/tables';
import { emailLookupKey } from '../../functions/domain/holdings';
import type { StaffRole } from '../../functions/domain/staff';
import { handler as decideHandler } from '../../functions/handlers/decide-request';
import { handler as submitHandler } from '../../functions/handlers/submit-request';
import { handler as verifyHandler } from '../../functions/handlers/verify-request';
import { physicalTableName } from '../../local/tables';
import { receivedRequest } from '../domain/doubles';
import { invoke, uniqueEmail } from './desk';

/** Every item of a table, read consistently. */
export async function scanAll<T = Record<string, any>>(table: TableName): Promise<T[]> {
  const items: T[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo().send(
      new ScanCommand({ TableName: tableName(table), ConsistentRead: true, ExclusiveStartKey }),
    );
    items.push(...((page.Items ?? []) as T[]));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export async function getItem<T = Record<string, any>>(
  table: TableName,
  key: Record<string, unknown>,
): Promise<T | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(table), Key: key, ConsistentRead: true }));
  return Item as T | undefined;
}

export async function putItem(table: TableName, item: object): Promise<void> {
  await dynamo().send(new PutCommand({ TableName: tableName(table), Item: item }));
}

/** Requests the desk is handling, so staff may name them as the reason to read personal data. */
export async function putOpenRequests(...requestIds: string[]): Promise<void> {
  await Promise.all(requestIds.map((requestId) => putItem('requests', receivedRequest({ requestId }))));
}

/** An open request about the person this address is recorded for: a read for it may read only their subjects. */
export async function putOpenRequestAbout(requestId: string, email: string): Promise<string> {
  await putItem('requests', receivedRequest({ requestId, subject: { email } }));
  return requestId;
}

/** An open request about these subjects: an e-mail record for each, under one new address the request names. */
export async function putOpenRequestFor(...subjectIds: string[]): Promise<string> {
  const email = uniqueEmail('about');
  const requestId = `req-${randomUUID().slice(0, 8)}`;
  await Promise.all(
    subjectIds.map((subjectId) =>
      putItem('personal-data', {
        subjectId,
        recordId: `rec-${requestId}`,
        category: 'email',
        value: email,
        source: 'from-customer',
        purposes: ['service-provision'],
        acquiredAt: '2025-04-01T00:00:00.000Z',
        lookupKey: emailLookupKey(email),
      }),
    ),
  );
  return putOpenRequestAbout(requestId, email);
}

/** Sets top-level or nested attributes of an item directly, as an operator with table access could. */
export async function setAttributes(
  table: TableName,
  key: Record<string, unknown>,
  values: Record<string, unknown>,
): Promise<void> {
  const names: Record<string, string> = {};
  const vals: Record<string, unknown> = {};
  const sets = Object.entries(values).map(([path, value], i) => {
    const expression = path
      .split('.')
      .map((part, j) => {
        names[`#n${i}_${j}`] = part;
        return `#n${i}_${j}`;
      })
      .join('.');
    vals[`:v${i}`] = value;
    return `${expression} = :v${i}`;
  });
  await dynamo().send(
    new UpdateCommand({
      TableName: tableName(table),
      Key: key,
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: vals,
    }),
  );
}

/** The outbox messages that mention a request id. */
export async function outboxAbout(requestId: string): Promise<StoredOutboxMessage[]> {
  return (await scanAll<StoredOutboxMessage>('outbox')).filter((m) => m.text.includes(requestId));
}

/** The six-digit code of a request, read from its verification e-mail in the outbox. */
export async function codeOf(requestId: string): Promise<string> {
  const message = (await outboxAbout(requestId)).find((m) => m.topic === 'verification-code');
  expect(message, `verification message of ${requestId}`).toBeDefined();
  return /(\d{6})/.exec(message!.subject)![1]!;
}

export function otherCode(code: string): string {
  return String((Number(code) + 1) % 1_000_000).padStart(6, '0');
}

export function requestBody(
  overrides: {
    requesterEmail?: string;
    subjectEmail?: string;
    language?: 'ja' | 'en';
    name?: string;
    kind?: 'self' | 'legal-representative' | 'agent';
  } = {},
) {
  const requesterEmail = overrides.requesterEmail ?? uniqueEmail('requester');
  return {
    type: 'disclosure',
    requester: { kind: overrides.kind ?? 'self', name: overrides.name ?? 'Taro Test', email: requesterEmail },
    subject: { email: overrides.subjectEmail ?? requesterEmail },
    ...(overrides.language ? { language: overrides.language } : {}),
  };
}

export async function submit(body: unknown = requestBody()) {
  const result = await invoke(submitHandler, { method: 'POST', path: '/v1/requests', resource: '/v1/requests', body });
  expect(result.status, JSON.stringify(result.json)).toBe(202);
  return result.json.requestId as string;
}

export function verify(requestId: string, code: string) {
  return invoke(verifyHandler, {
    method: 'POST',
    path: `/v1/requests/${requestId}/verification`,
    resource: '/v1/requests/{requestId}/verification',
    pathParameters: { requestId },
    body: { code },
  });
}

/** Submits and confirms a request; it is then `received` and open for the desk. */
export async function submitAndVerify(body: ReturnType<typeof requestBody> = requestBody()) {
  const requestId = await submit(body);
  const verified = await verify(requestId, await codeOf(requestId));
  expect(verified.status, JSON.stringify(verified.json)).toBe(200);
  return { requestId, statusToken: verified.json.statusToken as string };
}

/** A staff member's POST to one step of a request (`decision`, `assignment`, `notes`, …), as API Gateway passes it. */
export function staffStep(
  handler: Parameters<typeof invoke>[0],
  requestId: string,
  step: string,
  body: unknown,
  claims: Record<string, string> = staffClaims('operator'),
) {
  return invoke(handler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/${step}`,
    resource: `/v1/staff/requests/{requestId}/${step}`,
    pathParameters: { requestId },
    body,
    claims,
  });
}

/** An operator's (or the given staff member's) decision on a request. */
export function decide(requestId: string, decision: unknown, claims: Record<string, string> = staffClaims('operator')) {
  return staffStep(decideHandler, requestId, 'decision', decision, claims);
}

/** Claims of an ID token of the desk's staff pool as API Gateway's Cognito authorizer passes them: strings, groups comma-separated. */
export function staffClaims(username: string, groups: string = username): Record<string, string> {
  return {
    'cognito:username': username,
    'cognito:groups': groups,
    iss: process.env.DESK_STAFF_TOKEN_ISSUER!,
    token_use: 'id',
  };
}

export async function putStaff(
  staffId: string,
  role: StaffRole,
  status: 'active' | 'disabled' = 'active',
): Promise<void> {
  await putItem('staff', {
    staffId,
    role,
    status,
    displayName: `Test ${staffId}`,
    email: `${staffId}@desk.example.jp`,
    passwordChangedAt: new Date().toISOString(),
  });
}

let sequence = 0;

/** A stream record as Lambda delivers it for an item written to a table. */
export function streamRecord(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE' | string,
  images: { newImage?: object; oldImage?: object },
  extra: Partial<DynamoDBRecord> = {},
): DynamoDBRecord {
  sequence += 1;
  const image = (item: object) =>
    marshall(item, { removeUndefinedValues: true }) as Record<string, AttributeValue> as NonNullable<
      DynamoDBRecord['dynamodb']
    >['NewImage'];
  return {
    eventID: `test-${sequence}`,
    eventName: eventName as DynamoDBRecord['eventName'],
    eventSource: 'aws:dynamodb',
    awsRegion: 'ap-northeast-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      SequenceNumber: String(1_000_000 + sequence),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
      ...(images.newImage ? { NewImage: image(images.newImage) } : {}),
      ...(images.oldImage ? { OldImage: image(images.oldImage) } : {}),
    },
    ...extra,
  };
}

export function streamEvent(...records: DynamoDBRecord[]): DynamoDBStreamEvent {
  return { Records: records };
}

/** Polls until `check` returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 20_000,
  everyMs = 200,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A problem body without its per-call `instance`, to compare two answers. */
export function withoutInstance(json: Record<string, any>) {
  const { instance: _instance, ...rest } = json;
  return rest;
}

export function expectProblem(
  result: { status: number; headers: Record<string, unknown>; json: Record<string, any> },
  status: number,
) {
  expect(result.status, JSON.stringify(result.json)).toBe(status);
  expect(result.headers['content-type']).toBe('application/problem+json');
  expect(result.json).toMatchObject({
    status,
    type: expect.stringMatching(/^urn:appi-desk:problem:/),
    title: expect.any(String),
    detail: expect.any(String),
  });
}

/**
 * Deletes the tables freshTables() created under `prefix` (all, or the ones named). DynamoDB Local
 * runs TTL deletion on a pool of 10 threads: each TTL-enabled table holds one as long as the table
 * exists, 3 are its own schedulers, so only 7 tables are ever swept at a time and the rest wait.
 * Dropping a file's tables when it is done lets later tables be swept.
 */
export async function dropTables(prefix: string, only?: readonly TableName[]): Promise<void> {
  const client = new DynamoDBClient({});
  const dropping = Promise.all(
    TABLES.filter((t) => !only || only.includes(t.name)).map((t) =>
      client.send(new DeleteTableCommand({ TableName: physicalTableName(prefix, t.name) })).catch((error: Error) => {
        if (error.name !== 'ResourceNotFoundException') throw error;
      }),
    ),
  ).finally(() => client.destroy());
  // A worker shared by file after file lives on: the next file need not wait for a whole set to go
  // (nothing reads it again, and the TTL sweep file has a DynamoDB Local of its own). A partial drop,
  // which the file itself relies on, and a process of a file's own, which may end next, wait for it.
  if (!only && inject('sharedWorker')) {
    dropping.catch((error: Error) => console.error(`dropping tables ${prefix}*: ${error.message}`));
    return;
  }
  await dropping;
}

/** The IAM principal a test's company system signs with, as API Gateway reports it. */
export function systemPrincipal(system: 'business-systems' | 'payroll' = 'business-systems'): string {
  return `arn:aws:iam::000000000000:role/appi-desk-${system}`;
}

/**
 * Two requests at once: the first two calls of `target[method]` (a read) wait for each other, so
 * both callers have read before either writes. Without it the first may finish before the second
 * reads, and the second is then a lawful later call, not a race. Undone when the test finishes.
 */
export function bothReadBeforeEitherWrites<T extends object>(target: T, method: keyof T & string): void {
  const read = (target[method] as (...args: unknown[]) => Promise<unknown>).bind(target);
  const waiting: Array<() => void> = [];
  const spy = vi.spyOn(target, method as never).mockImplementation((async (...args: unknown[]) => {
    const found = await read(...args);
    if (waiting.length < 2) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === 2) waiting.forEach((release) => release());
      });
    }
    return found;
  }) as never);
  onTestFinished(() => {
    spy.mockRestore();
  });
}
