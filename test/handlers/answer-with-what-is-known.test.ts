// POST /v1/staff/requests/{requestId}/answer against DynamoDB Local: staff send a decided request's
// held answer before every holder has finished; the e-mail names the holders still at work. Only
// while the answer waits (409 after, and for a request without one), once, operators and the officer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import { handler } from '../../functions/handlers/answer-with-what-is-known';
import { receivedRequest } from '../domain/doubles';
import { sentTask } from '../domain/fulfilment/tracking-doubles';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, getItem, putItem, putStaff, scanAll, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await putStaff('answer-op', 'operator');
  await putStaff('answer-officer', 'officer');
  await putStaff('answer-auditor', 'auditor');
});

afterAll(() => dropTables(prefix));

const answer = (requestId: string, claims = staffClaims('answer-op', 'operator')) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/answer`,
    resource: '/v1/staff/requests/{requestId}/answer',
    pathParameters: { requestId },
    body: {},
    claims,
  });

async function heldRequest() {
  const requestId = randomUUID();
  const email = `answer-${requestId}@example.jp`;
  await putItem(
    'requests',
    receivedRequest({
      requestId,
      status: 'fulfilled',
      requester: { kind: 'self', name: '山田 花子', email },
      subject: { email },
      answer: {
        state: 'awaiting-holders',
        heldAt: new Date().toISOString(),
        message: { subject: 'ご請求への対応', text: `受付番号 ${requestId}: 消去しました。` },
      },
    }),
  );
  await putItem(
    'fulfilment-tasks',
    sentTask({ taskId: randomUUID(), requestId, holderId: 'crm', holderName: 'Mecara CRM' } as never),
  );
  await putItem(
    'fulfilment-tasks',
    sentTask({
      taskId: randomUUID(),
      requestId,
      holderId: 'mail',
      taskState: 'completed',
      holderName: 'Hikari Mail',
    } as never),
  );
  return { requestId, email };
}

describe('answer-with-what-is-known', () => {
  it('sends the held answer once, naming the holder not finished; twice at once → one 200, one 409', async () => {
    const { requestId, email } = await heldRequest();
    const results = await Promise.all([answer(requestId), answer(requestId, staffClaims('answer-officer', 'officer'))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 200)!.json).toMatchObject({ requestId, partial: true });
    const mails = (await scanAll<StoredOutboxMessage>('outbox')).filter((m) => m.to.includes(email));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('Mecara CRM');
    expect((await getItem('requests', { requestId }))!.answer).toMatchObject({ state: 'released', partial: true });
    expectProblem(await answer(requestId), 409);
  });

  it('a request holding no answer, an unknown one and an auditor: 4xx problems, nothing sent', async () => {
    const requestId = randomUUID();
    await putItem('requests', receivedRequest({ requestId, status: 'fulfilled' }));
    expectProblem(await answer(requestId), 409);
    expect([404, 409]).toContain((await answer(randomUUID())).status);
    const held = await heldRequest();
    expectProblem(await answer(held.requestId, staffClaims('answer-auditor', 'auditor')), 403);
    expect((await getItem('requests', { requestId: held.requestId }))!.answer.state).toBe('awaiting-holders');
  });
});
