// POST /v1/requests/{requestId}/verification-code against DynamoDB Local: a new code to the address
// already on the request, once a minute and three times at most, with fresh tries; what an attacker
// can try (twice at once, after verification, after a lock, an unknown id, a body naming another
// address, DynamoDB down) gives one code at most and tells nothing the code step does not.
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/resend-verification-code';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  codeOf,
  dropTables,
  expectProblem,
  getItem,
  otherCode,
  outboxAbout,
  requestBody,
  setAttributes,
  submit,
  verify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const resend = (requestId: string, body?: unknown) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/requests/${requestId}/verification-code`,
    resource: '/v1/requests/{requestId}/verification-code',
    pathParameters: { requestId },
    ...(body !== undefined ? { body } : {}),
  });

/** As if the code had been sent more than a minute ago. */
const aMinuteLater = (requestId: string) =>
  setAttributes('requests', { requestId }, { 'verification.codeSentAt': new Date(Date.now() - 61_000).toISOString() });

/** The newest code e-mailed about a request. */
async function latestCode(requestId: string): Promise<string> {
  const codes = (await outboxAbout(requestId))
    .filter((m) => m.topic === 'verification-code')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return /(\d{6})/.exec(codes.at(-1)!.subject)![1]!;
}

const codeMessages = async (requestId: string) =>
  (await outboxAbout(requestId)).filter((m) => m.topic === 'verification-code');

describe('resend-verification-code', () => {
  it('within the first minute → 429 with Retry-After and when to ask; nothing sent', async () => {
    const requestId = await submit();
    const result = await resend(requestId);
    expectProblem(result, 429);
    expect(result.json.type).toBe('urn:appi-desk:problem:code-resend-too-soon');
    const wait = Number(result.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    expect(Date.parse(result.json.resendAvailableAt)).toBeGreaterThan(Date.now());
    expect(await codeMessages(requestId)).toHaveLength(1);
  });

  it('after a minute → 202; a new code to the address on the request, the old one dead, fresh tries', async () => {
    const email = uniqueEmail('resend');
    const requestId = await submit(requestBody({ requesterEmail: email }));
    const first = await codeOf(requestId);
    for (let i = 0; i < 2; i += 1) await verify(requestId, otherCode(first));
    await aMinuteLater(requestId);

    const result = await resend(requestId);
    expect(result.status).toBe(202);
    expect(result.json).toEqual({
      requestId,
      codeExpiresAt: expect.any(String),
      resendAvailableAt: expect.any(String),
      resendsLeft: 2,
    });
    const messages = await codeMessages(requestId);
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.to.length === 1 && m.to[0] === email)).toBe(true);
    expect(await getItem('requests', { requestId })).toMatchObject({
      verification: { attemptsLeft: 5, resends: 1 },
      version: 4,
    });

    const second = await latestCode(requestId);
    expect(second).not.toBe(first);
    if (second !== first) expectProblem(await verify(requestId, first), 422);
    expect((await verify(requestId, second)).status).toBe(200);
  });

  it('takes no body: an address sent along is ignored, and the code goes only to the address on the request', async () => {
    const requestId = await submit();
    await aMinuteLater(requestId);
    const result = await resend(requestId, { email: 'attacker@example.jp' });
    expect(result.status).toBe(202);
    const messages = await codeMessages(requestId);
    expect(messages.flatMap((m) => m.to)).not.toContain('attacker@example.jp');
  });

  it('after a lock → a new code unlocks it', async () => {
    const requestId = await submit();
    const first = await codeOf(requestId);
    for (let i = 0; i < 5; i += 1) await verify(requestId, otherCode(first));
    const locked = await verify(requestId, first);
    expectProblem(locked, 423);
    expect(locked.json.type).toBe('urn:appi-desk:problem:code-locked');
    await aMinuteLater(requestId);
    expect((await resend(requestId)).status).toBe(202);
    expect((await verify(requestId, await latestCode(requestId))).status).toBe(200);
  });

  it('a wrong code says how many tries are left as a member the page reads', async () => {
    const requestId = await submit();
    const result = await verify(requestId, otherCode(await codeOf(requestId)));
    expectProblem(result, 422);
    expect(result.json).toMatchObject({ type: 'urn:appi-desk:problem:wrong-code', attemptsLeft: 4 });
  });

  it('after verification, for an unknown id and for a lapsed request → the same 404 as the code step', async () => {
    const requestId = await submit();
    const code = await codeOf(requestId);
    expect((await verify(requestId, code)).status).toBe(200);
    const confirmed = await resend(requestId);
    const unknown = await resend(randomUUID());
    const codeStep = await verify(randomUUID(), '123456');
    const lapsedId = await submit();
    await aMinuteLater(lapsedId);
    await setAttributes('requests', { requestId: lapsedId }, { expiresAt: Math.floor(Date.now() / 1000) - 1 });
    const lapsed = await resend(lapsedId);
    for (const answer of [confirmed, unknown, lapsed]) {
      expectProblem(answer, 404);
      expect({ ...answer.json, instance: undefined }).toEqual({ ...codeStep.json, instance: undefined });
    }
    expect((await outboxAbout(requestId)).filter((m) => m.topic === 'verification-code')).toHaveLength(1);
  });

  it('twice at once → one new code; the other is refused', async () => {
    const requestId = await submit();
    await aMinuteLater(requestId);
    const results = await Promise.all([resend(requestId), resend(requestId)]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409].sort());
    expect(await codeMessages(requestId)).toHaveLength(2);
    expect(await getItem('requests', { requestId })).toMatchObject({ verification: { resends: 1 } });
  });

  it('three new codes, then 409 code-resend-limit', async () => {
    const requestId = await submit();
    for (let i = 0; i < 3; i += 1) {
      await aMinuteLater(requestId);
      expect((await resend(requestId)).status).toBe(202);
    }
    await aMinuteLater(requestId);
    const refused = await resend(requestId);
    expectProblem(refused, 409);
    expect(refused.json).toMatchObject({ type: 'urn:appi-desk:problem:code-resend-limit', maxResends: 3 });
    expect(await codeMessages(requestId)).toHaveLength(4);
  });

  it('a malformed id → 400, not 500', async () => {
    expectProblem(await resend('../../etc'), 400);
  });
});

describe('resend-verification-code with DynamoDB down', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('→ 503 with Retry-After; the request keeps its code and no e-mail is queued', async () => {
    const requestId = await submit();
    await aMinuteLater(requestId);
    const before = await getItem('requests', { requestId });
    const { mock } = mockDocumentClient();
    restore = () => mock.restore();
    mock
      .on(TransactWriteCommand)
      .rejects(Object.assign(new Error('down'), { name: 'ServiceUnavailable', $fault: 'server' }));
    const result = await resend(requestId);
    restore();
    restore = undefined;
    expectProblem(result, 503);
    expect(result.headers['retry-after']).toBeDefined();
    expect(await getItem('requests', { requestId })).toEqual(before);
    expect(await codeMessages(requestId)).toHaveLength(1);
    // Once DynamoDB is back, the same call goes through.
    expect((await resend(requestId)).status).toBe(202);
  });
});
