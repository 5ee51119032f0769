// A complaint end to end against DynamoDB Local and the SES emulator: submitted and confirmed (the
// received e-mail is the acknowledgement), assigned, noted, and closed with a reply that reaches the
// mailbox; bad decisions answer problem+json and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as addNote } from '../../functions/handlers/add-request-note';
import { handler as assign } from '../../functions/handlers/assign-request';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler as submitHandler } from '../../functions/handlers/submit-request';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, mailbox } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  requestBody,
  staffClaims,
  staffStep,
  streamEvent,
  streamRecord,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const REPLY =
  'We are sorry for the delay. Your disclosure was sent today, and we have changed how the queue is watched.';

const body = (details: unknown, language: 'ja' | 'en' = 'en') => ({
  ...requestBody({ language }),
  type: 'complaint',
  details,
});
const complaintAbout = {
  about: 'request-handling',
  description: 'My disclosure request was not answered for two weeks.',
};

const decideAs = (requestId: string, decision: unknown, role = 'operator') =>
  decide(requestId, decision, staffClaims(role));

async function deliver(requestId: string, topic: string) {
  const message = (await outboxAbout(requestId)).find((m) => m.topic === topic)!;
  expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message })))).batchItemFailures).toEqual([]);
}

describe('complaint end to end', () => {
  it('a complaint without a description → 400 naming the field, nothing stored', async () => {
    const result = await invoke(submitHandler, {
      method: 'POST',
      path: '/v1/requests',
      resource: '/v1/requests',
      body: body({ about: 'security' }),
    });
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([{ field: 'body.details.description', message: 'is required' }]);
  });

  it('acknowledged on confirmation, assigned, noted, closed with the reply in the mailbox', async () => {
    const { requestId } = await submitAndVerify(body(complaintAbout));
    const requester = (await getItem('requests', { requestId }))!.requester.email as string;
    await deliver(requestId, 'request-received');
    expect((await mailbox(requester)).map((m) => m.subject)).toContain('We have received your complaint');

    expect(
      (await staffStep(assign, requestId, 'assignment', { assignee: 'operator' }, staffClaims('officer'))).status,
    ).toBe(200);
    expect(
      (await staffStep(addNote, requestId, 'notes', { text: 'Checked the queue: the request sat unassigned.' })).status,
    ).toBe(201);
    const result = await decideAs(requestId, { outcome: 'fulfilled', details: { reply: REPLY } });
    expect(result.status, JSON.stringify(result.json)).toBe(200);

    const stored = (await getItem('requests', { requestId }))!;
    expect(stored).toMatchObject({
      status: 'fulfilled',
      closedAt: result.json.decidedAt,
      decision: { outcome: 'fulfilled', details: { reply: REPLY } },
    });
    expect(stored.history.map((h: { event: string }) => h.event)).toEqual([
      'submitted',
      'received',
      'assigned',
      'note-added',
      'fulfilled',
    ]);
    await deliver(requestId, 'decision-fulfilled');
    const mail = (await mailbox(requester)).find((m) => m.subject === 'Our reply to your complaint');
    expect(mail!.body.text).toContain(REPLY);
  });

  it('replies in Japanese by default', async () => {
    const { requestId } = await submitAndVerify(body(complaintAbout, 'ja'));
    expect(
      (await decideAs(requestId, { outcome: 'fulfilled', details: { reply: '担当者への指導を行いました。' } })).status,
    ).toBe(200);
    const message = (await outboxAbout(requestId)).find((m) => m.topic === 'decision-fulfilled')!;
    expect(message.subject).toBe('苦情のお申出へのご回答');
    expect(message.text).toContain('担当者への指導を行いました。');
  });

  it('bad decisions → problem+json naming what to fix, the complaint untouched', async () => {
    const { requestId } = await submitAndVerify(body(complaintAbout));
    const before = await getItem('requests', { requestId });
    const cases: Array<[unknown, number, string, string?]> = [
      [{ outcome: 'fulfilled' }, 422, 'details.reply is required'],
      [
        { outcome: 'refused', grounds: ['harm-to-person-or-third-party'], reason: 'no' },
        422,
        'can be decided as: fulfilled',
      ],
      [
        { outcome: 'fulfilled', grounds: ['no-grounds-found'], details: { reply: REPLY } },
        422,
        'Not a ground for refusing a complaint',
      ],
      [{ outcome: 'fulfilled', details: { reply: REPLY } }, 403, '', 'auditor'],
    ];
    for (const [decision, status, detail, role] of cases) {
      const result = await decideAs(requestId, decision, role);
      expectProblem(result, status);
      expect(result.json.detail).toContain(detail);
    }
    expect(await getItem('requests', { requestId })).toEqual(before);
    expect((await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'))).toEqual([]);
  });

  it('two operators closing at once: one 200, one 409; a closed complaint takes no second reply', async () => {
    const { requestId } = await submitAndVerify(body(complaintAbout));
    const results = await Promise.all([
      decideAs(requestId, { outcome: 'fulfilled', details: { reply: 'First reply.' } }),
      decideAs(requestId, { outcome: 'fulfilled', details: { reply: 'Second reply.' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await outboxAbout(requestId)).filter((m) => m.topic === 'decision-fulfilled')).toHaveLength(1);
    const again = await decideAs(requestId, { outcome: 'fulfilled', details: { reply: 'Third reply.' } });
    expectProblem(again, 409);
    expect(again.json.title).toBe('Request closed');
  });
});
