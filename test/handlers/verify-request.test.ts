// POST /v1/requests/{requestId}/verification against DynamoDB Local: the right code receives the
// request and issues a status token stored only as a hash; wrong codes count down to a lock; an
// expired code and an unknown id are refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../functions/domain/kernel/secrets';
import { freshTables } from '../support/desk';
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

describe('verify-request', () => {
  it('the right code → 200 with a status token; the request is received and holds only the token hash', async () => {
    const requestId = await submit(requestBody({ language: 'en' }));
    const code = await codeOf(requestId);
    const result = await verify(requestId, code);
    expect(result.status).toBe(200);
    expect(result.json).toEqual({
      requestId,
      status: 'received',
      receivedAt: expect.any(String),
      dueAt: expect.any(String),
      statusToken: expect.stringMatching(/^[A-Za-z0-9_-]{32,}$/),
    });
    expect(Date.parse(result.json.dueAt)).toBeGreaterThan(Date.parse(result.json.receivedAt));

    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({
      status: 'received',
      receivedAt: result.json.receivedAt,
      dueAt: result.json.dueAt,
      version: 2,
    });
    expect(stored!.statusTokenHash).toBe(hashSecret(result.json.statusToken));
    const text = JSON.stringify(stored);
    expect(text).not.toContain(result.json.statusToken);
    expect(text).not.toContain(code);
    // The spent code and the unverified request's short life are gone.
    expect(stored!.verification).toBeUndefined();
    expect(stored!.expiresAt).toBeUndefined();
    expect(stored!.history.map((h: { event: string }) => h.event)).toEqual(['submitted', 'received']);

    // The confirmation e-mail is written with the state change.
    const topics = (await outboxAbout(requestId)).map((m) => m.topic).sort();
    expect(topics).toEqual(['request-received', 'verification-code']);
  });

  it('the receipt links the Privacy Center\'s status page, the token only after "#" (DESK_PRIVACY_CENTER_URL)', async () => {
    const requestId = await submit(requestBody({ language: 'en' }));
    const { json } = await verify(requestId, await codeOf(requestId));
    const receipt = (await outboxAbout(requestId)).find((m) => m.topic === 'request-received')!;
    expect(receipt.text).toContain(`${process.env.DESK_PRIVACY_CENTER_URL}#/status/${requestId}/${json.statusToken}`);
    expect(receipt.text.indexOf(json.statusToken)).toBeGreaterThan(receipt.text.indexOf('#/status/'));
  });

  it('the right code a second time → 404: the code is spent', async () => {
    const requestId = await submit();
    const code = await codeOf(requestId);
    expect((await verify(requestId, code)).status).toBe(200);
    expectProblem(await verify(requestId, code), 404);
    expect((await outboxAbout(requestId)).filter((m) => m.topic === 'request-received')).toHaveLength(1);
  });

  it('the right code sent twice at once: one status token, one confirmation e-mail', async () => {
    const requestId = await submit();
    const code = await codeOf(requestId);
    const results = await Promise.all([verify(requestId, code), verify(requestId, code)]);
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    const loser = results.find((r) => r.status !== 200)!;
    expect([404, 409]).toContain(loser.status);
    expect((await getItem('requests', { requestId }))!.statusTokenHash).toBe(hashSecret(winners[0]!.json.statusToken));
    expect((await outboxAbout(requestId)).filter((m) => m.topic === 'request-received')).toHaveLength(1);
  });

  it('a wrong code → 422 saying how many tries are left, and counts down', async () => {
    const requestId = await submit();
    const wrong = otherCode(await codeOf(requestId));
    const first = await verify(requestId, wrong);
    expectProblem(first, 422);
    expect(first.json.detail).toMatch(/4 tries left/);
    const second = await verify(requestId, wrong);
    expect(second.json.detail).toMatch(/3 tries left/);
    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'awaiting-verification', verification: { attemptsLeft: 3 }, version: 3 });
  });

  it('5 wrong codes → 423 locked, and the right code afterwards is still refused with 423', async () => {
    const requestId = await submit();
    const code = await codeOf(requestId);
    const wrong = otherCode(code);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await verify(requestId, wrong)).status);
    expect(statuses).toEqual([422, 422, 422, 422, 423]);
    const afterwards = await verify(requestId, code);
    expectProblem(afterwards, 423);
    expect(afterwards.json.detail).toMatch(/locked/);
    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'awaiting-verification', verification: { attemptsLeft: 0 } });
    expect(stored!.statusTokenHash).toBeUndefined();
  });

  it('an expired code → 410, and the request stays unverified', async () => {
    const requestId = await submit();
    const code = await codeOf(requestId);
    await setAttributes(
      'requests',
      { requestId },
      { 'verification.codeExpiresAt': new Date(Date.now() - 1000).toISOString() },
    );
    const result = await verify(requestId, code);
    expectProblem(result, 410);
    expect(result.json.detail).toMatch(/expired/);
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'awaiting-verification', version: 1 });
  });

  it('an unverified request past its expiresAt is not found, even before TTL removes it', async () => {
    const requestId = await submit();
    const code = await codeOf(requestId);
    // Past its life but (most likely) still stored: DynamoDB's TTL deletion comes late by design.
    await setAttributes('requests', { requestId }, { expiresAt: Math.floor(Date.now() / 1000) - 1 });
    expectProblem(await verify(requestId, code), 404);
  });

  it('an unknown id → 404 problem', async () => {
    const result = await verify(randomUUID(), '123456');
    expectProblem(result, 404);
    expect(result.json.type).toBe('urn:appi-desk:problem:not-found');
  });

  it('a code that is not six digits → 400 naming body.code', async () => {
    const requestId = await submit();
    for (const code of ['12345', '1234567', 'abcdef']) {
      const result = await verify(requestId, code);
      expectProblem(result, 400);
      expect(result.json.errors).toEqual([{ field: 'body.code', message: 'must be the six digits from the e-mail' }]);
    }
    // Malformed codes do not use up tries.
    expect(await getItem('requests', { requestId })).toMatchObject({ verification: { attemptsLeft: 5 } });
  });
});
