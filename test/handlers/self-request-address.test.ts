// A request "by the person themselves" is answered only at the address the desk looks the person up
// by. A self request stored with someone else's requester address (as any could be before the submit
// check) still gets nothing to that address: not the confirmation, the decision with its dossier link,
// the withdrawal's acknowledgement nor the notice of a posted paper copy.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../functions/domain/kernel/secrets';
import type { DeskRequest } from '../../functions/domain/requests/request';
import { codeSecret } from '../../functions/domain/requests/submit-request';
import { handler as recordPosting } from '../../functions/handlers/record-posting';
import { handler as withdrawHandler } from '../../functions/handlers/withdraw-request';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { receivedRequest } from '../domain/doubles';
import { freshTables, invoke } from '../support/desk';
import { decide, dropTables, outboxAbout, putItem, staffStep, verify } from '../support/requests';

const STRANGER = 'stranger@example.jp';
let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

/** A self request about the demo customer whose requester typed a stranger's address. */
async function stored(overrides: Partial<DeskRequest> = {}): Promise<DeskRequest> {
  const now = new Date();
  const request = receivedRequest({
    requestId: `legacy-${randomUUID()}`,
    requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: STRANGER },
    subject: { email: DEMO_CUSTOMER.email },
    createdAt: now.toISOString(),
    receivedAt: now.toISOString(),
    dueAt: new Date(now.getTime() + 13 * 86_400_000).toISOString(),
    ...overrides,
  });
  await putItem('requests', request);
  return request;
}

async function recipientsOf(requestId: string, topic: string | RegExp) {
  const messages = (await outboxAbout(requestId)).filter((m) =>
    typeof topic === 'string' ? m.topic === topic : topic.test(m.topic),
  );
  expect(messages.length, `${topic} of ${requestId}`).toBeGreaterThan(0);
  return messages.flatMap((m) => m.to);
}

describe("a self request is answered only at the subject's address", () => {
  it('the confirmation of receipt', async () => {
    const now = new Date();
    const requestId = `legacy-${randomUUID()}`;
    await stored({
      requestId,
      status: 'awaiting-verification',
      receivedAt: undefined,
      dueAt: undefined,
      statusTokenHash: undefined,
      version: 1,
      history: [{ at: now.toISOString(), event: 'submitted' }],
      verification: {
        codeHash: hashSecret(codeSecret(requestId, '123456')),
        codeExpiresAt: new Date(now.getTime() + 600_000).toISOString(),
        attemptsLeft: 5,
      },
      expiresAt: Math.floor(now.getTime() / 1000) + 3600,
    });
    const verified = await verify(requestId, '123456');
    expect(verified.status, JSON.stringify(verified.json)).toBe(200);
    expect(await recipientsOf(requestId, 'request-received')).toEqual([DEMO_CUSTOMER.email]);
  });

  it('the decision, with the dossier link', async () => {
    const { requestId } = await stored();
    const decided = await decide(requestId, { outcome: 'fulfilled' });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    const [message, ...more] = (await outboxAbout(requestId)).filter((m) => m.topic === 'decision-fulfilled');
    expect(more).toEqual([]);
    expect(message!.to).toEqual([DEMO_CUSTOMER.email]);
    expect(message!.text).toContain('/v1/disclosures/');
  });

  it('a refusal', async () => {
    const { requestId } = await stored({ type: 'purpose-notification' });
    const decided = await decide(requestId, {
      outcome: 'refused',
      grounds: ['purpose-already-clear'],
      reason: 'The purposes were stated when the data was collected.',
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    expect(await recipientsOf(requestId, 'decision-refused')).toEqual([DEMO_CUSTOMER.email]);
  });

  it('the acknowledgement of a withdrawal', async () => {
    const token = `token-${randomUUID()}`;
    const { requestId } = await stored({ statusTokenHash: hashSecret(token) });
    const withdrawn = await invoke(withdrawHandler, {
      method: 'POST',
      path: `/v1/requests/${requestId}/withdrawal`,
      resource: '/v1/requests/{requestId}/withdrawal',
      pathParameters: { requestId },
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.json)).toBe(200);
    expect(await recipientsOf(requestId, 'request-withdrawn')).toEqual([DEMO_CUSTOMER.email]);
  });

  it('the notice that a paper copy was posted', async () => {
    const { requestId } = await stored({
      details: { method: 'paper', postalAddress: '〒100-0001 東京都千代田区千代田1-1' },
    });
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const posted = await staffStep(recordPosting, requestId, 'posting', {});
    expect(posted.status, JSON.stringify(posted.json)).toBe(200);
    expect(await recipientsOf(requestId, /^decision-|^disclosure-posted$/)).toEqual([
      DEMO_CUSTOMER.email,
      DEMO_CUSTOMER.email,
    ]);
  });
});
