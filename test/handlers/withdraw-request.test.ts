// POST /v1/requests/{requestId}/withdrawal against DynamoDB Local and the SES emulator: the holder
// of the status token closes an open request and is e-mailed an acknowledgement; a closed request,
// a wrong token or bad input changes nothing; two withdrawals at once cannot both win.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as getStatus } from '../../functions/handlers/get-request-status';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler } from '../../functions/handlers/withdraw-request';
import { openApiDocument } from '../../functions/openapi';
import { freshTables, invoke, mailbox } from '../support/desk';
import {
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  requestBody,
  setAttributes,
  streamEvent,
  streamRecord,
  submitAndVerify,
  withoutInstance,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const withdraw = (requestId: string, token: string | undefined, body?: unknown) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/requests/${requestId}/withdrawal`,
    resource: '/v1/requests/{requestId}/withdrawal',
    pathParameters: { requestId },
    ...(body !== undefined ? { body } : {}),
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

const withdrawalMessagesOf = async (requestId: string) =>
  (await outboxAbout(requestId)).filter((m) => m.topic === 'request-withdrawn');

/** Nothing of a withdrawal was written: the request is as verified and no acknowledgement waits. */
async function expectUnchanged(requestId: string, status = 'received', version = 2) {
  expect(await getItem('requests', { requestId })).toMatchObject({ status, version });
  expect((await getItem('requests', { requestId }))!.closedAt).toBeUndefined();
  expect(await withdrawalMessagesOf(requestId)).toEqual([]);
}

describe('withdraw-request', () => {
  it('closes the request without a body, keeps it for the retention period, and e-mails the acknowledgement', async () => {
    const body = requestBody();
    const { requestId, statusToken } = await submitAndVerify(body);
    const result = await withdraw(requestId, statusToken);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toEqual({ requestId, status: 'withdrawn', closedAt: expect.any(String) });

    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'withdrawn', closedAt: result.json.closedAt, version: 3 });
    expect(stored!.history.at(-1)).toEqual({ at: result.json.closedAt, event: 'withdrawn' });
    expect(stored!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2 * 365 * 24 * 3600);

    const [message, ...more] = await withdrawalMessagesOf(requestId);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ to: [body.requester.email], outboxState: 'pending' });
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message! })))).batchItemFailures).toEqual(
      [],
    );
    const mail = (await mailbox(body.requester.email)).find(
      (m) => m.subject === '保有個人データの開示のご請求を取り下げました',
    );
    expect(mail, 'acknowledgement in the SES emulator').toBeDefined();
    expect(mail!.body.text).toContain(`受付番号 ${requestId}`);

    // The requester still sees where it stands.
    const status = await invoke(getStatus, {
      method: 'GET',
      path: `/v1/requests/${requestId}`,
      resource: '/v1/requests/{requestId}',
      pathParameters: { requestId },
      headers: { Authorization: `Bearer ${statusToken}` },
    });
    expect(status.json).toMatchObject({ requestId, status: 'withdrawn' });
  });

  it('records the reason given, and acknowledges in English when the request was made in English', async () => {
    const body = requestBody({ language: 'en' });
    const { requestId, statusToken } = await submitAndVerify(body);
    const result = await withdraw(requestId, statusToken, { reason: '  Sorted it out with customer service.  ' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect((await getItem('requests', { requestId }))!.history.at(-1)).toMatchObject({
      event: 'withdrawn',
      reason: 'Sorted it out with customer service.',
    });
    const [message] = await withdrawalMessagesOf(requestId);
    expect(message!.subject).toBe('Your disclosure request is withdrawn');
    expect(message!.text).toContain(`(${requestId}) was withdrawn on`);
  });

  it('withdraws a request already in progress', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    await setAttributes('requests', { requestId }, { status: 'in-progress', assignee: 'operator' });
    expect((await withdraw(requestId, statusToken)).status).toBe(200);
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'withdrawn', assignee: 'operator' });
  });

  it('answers an unknown id, a wrong token and no token with the same 404 as the status read, writing nothing', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    const { statusToken: otherToken } = await submitAndVerify();
    const statusRead = await invoke(getStatus, {
      method: 'GET',
      path: '/v1/requests/no-such-request',
      resource: '/v1/requests/{requestId}',
      pathParameters: { requestId: 'no-such-request' },
      headers: { Authorization: `Bearer ${statusToken}` },
    });
    expectProblem(statusRead, 404);
    for (const result of [
      await withdraw('no-such-request', statusToken),
      await withdraw(requestId, otherToken),
      await withdraw(requestId, undefined),
    ]) {
      expectProblem(result, 404);
      expect(withoutInstance(result.json)).toEqual(withoutInstance(statusRead.json));
    }
    await expectUnchanged(requestId);
  });

  it('refuses a withdrawn or decided request as closed, writing nothing', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    expect((await withdraw(requestId, statusToken)).status).toBe(200);
    const again = await withdraw(requestId, statusToken);
    expectProblem(again, 409);
    expect(again.json).toMatchObject({ title: 'Request closed', detail: expect.stringContaining('withdrawn') });
    expect(await getItem('requests', { requestId })).toMatchObject({ version: 3 });
    expect(await withdrawalMessagesOf(requestId)).toHaveLength(1);

    const decided = await submitAndVerify();
    await setAttributes('requests', { requestId: decided.requestId }, { status: 'refused' });
    expectProblem(await withdraw(decided.requestId, decided.statusToken), 409);
    await expectUnchanged(decided.requestId, 'refused');
  });

  it('lets only one of two withdrawals at once win; the other gets 409, and one acknowledgement is sent', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    const results = await Promise.all([withdraw(requestId, statusToken), withdraw(requestId, statusToken)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(results.find((r) => r.status === 409)!, 409);
    expect(await getItem('requests', { requestId })).toMatchObject({ status: 'withdrawn', version: 3 });
    expect(await withdrawalMessagesOf(requestId)).toHaveLength(1);
  });

  it('answers bad input with 400 naming the field, writing nothing', async () => {
    const { requestId, statusToken } = await submitAndVerify();
    const cases: Array<[unknown, string]> = [
      [{ reason: 'x'.repeat(2001) }, 'body.reason'],
      [{ reason: '   ' }, 'body.reason'],
      [{ reason: 42 }, 'body.reason'],
      [{ why: 'no' }, 'body'],
    ];
    for (const [body, field] of cases) {
      const result = await withdraw(requestId, statusToken, body);
      expectProblem(result, 400);
      expect(result.json.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    expectProblem(await withdraw(requestId, statusToken, '{"reason":'), 400);
    await expectUnchanged(requestId);
  });

  it('is documented as taking an optional body with an optional reason', () => {
    const operation = openApiDocument().paths['/v1/requests/{requestId}/withdrawal']!.post as Record<string, any>;
    expect(operation.security).toEqual([{ statusToken: [] }]);
    expect(operation.requestBody.required).toBe(false);
    expect(JSON.stringify(operation.requestBody.content['application/json'].schema)).toContain('"reason"');
  });
});
