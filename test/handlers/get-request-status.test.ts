// GET /v1/requests/{requestId} against DynamoDB Local: the requester with the status token sees the
// request; a wrong token, an unknown id and a missing token all answer the same 404.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/get-request-status';
import { freshTables, invoke } from '../support/desk';
import {
  dropTables,
  expectProblem,
  setAttributes,
  submit,
  submitAndVerify,
  withoutInstance,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const status = (requestId: string, authorization?: string) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/requests/${requestId}`,
    resource: '/v1/requests/{requestId}',
    pathParameters: { requestId },
    ...(authorization !== undefined ? { headers: { Authorization: authorization } } : {}),
  });

describe('get-request-status', () => {
  it('the right token → 200 with where the request stands, and nothing personal', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    const result = await status(requestId, `Bearer ${statusToken}`);
    expect(result.status).toBe(200);
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result.json).toEqual({
      requestId,
      type: 'disclosure',
      status: 'received',
      receivedAt: expect.any(String),
      dueAt: expect.any(String),
    });
  });

  it('accepts the scheme in any case', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    expect((await status(requestId, `bearer ${statusToken}`)).status).toBe(200);
  });

  it('shows the decision once there is one', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    const decidedAt = new Date().toISOString();
    await setAttributes(
      'requests',
      { requestId },
      {
        status: 'refused',
        decision: {
          outcome: 'refused',
          grounds: ['violation-of-law'],
          reason: 'A court order.',
          decidedAt,
          decidedBy: 'operator',
        },
      },
    );
    const result = await status(requestId, `Bearer ${statusToken}`);
    expect(result.json).toMatchObject({
      status: 'refused',
      decision: { outcome: 'refused', grounds: ['violation-of-law'], reason: 'A court order.', decidedAt },
    });
    expect(result.json.decision.decidedBy).toBeUndefined();
  });

  it('a wrong token and an unknown id → 404 with bodies identical except instance', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    const wrongToken = await status(requestId, `Bearer ${statusToken.slice(0, -2)}xx`);
    const unknownId = await status(randomUUID(), `Bearer ${statusToken}`);
    expectProblem(wrongToken, 404);
    expectProblem(unknownId, 404);
    expect(wrongToken.json.instance).not.toBe(unknownId.json.instance);
    expect(withoutInstance(wrongToken.json)).toEqual(withoutInstance(unknownId.json));
    expect(wrongToken.headers).toEqual(unknownId.headers);
  });

  it('a request not yet verified has no token that works: 404 like the others', async () => {
    const requestId = await submit();
    const unverified = await status(requestId, 'Bearer anything-at-all');
    const unknown = await status(randomUUID(), 'Bearer anything-at-all');
    expectProblem(unverified, 404);
    expect(withoutInstance(unverified.json)).toEqual(withoutInstance(unknown.json));
  });

  it('a missing or malformed Authorization header → the same 404', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    const reference = withoutInstance((await status(randomUUID(), `Bearer ${statusToken}`)).json);
    for (const authorization of [undefined, '', statusToken, `Basic ${statusToken}`, 'Bearer']) {
      const result = await status(requestId, authorization);
      expectProblem(result, 404);
      expect(withoutInstance(result.json), String(authorization)).toEqual(reference);
    }
  });

  it('a request id that is not one → 400 naming path.requestId', async () => {
    const result = await status('../../etc/passwd', 'Bearer x');
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'path.requestId', message: 'is not a request id' }]);
  });
});
