// A decided erasure against DynamoDB Local reaches the registered holders: one task per holder of the
// person's categories, written in the decision's own transaction (no decision without its tasks, no
// task without its decision), and the answer waits with the request instead of going to the outbox.
// The preview shows the same tasks and writes none; a withdrawal cancels what was not yet sent.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfilmentTask } from '../../functions/domain/fulfilment/task';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { handler as previewHandler } from '../../functions/handlers/preview-decision';
import { handler as withdrawHandler } from '../../functions/handlers/withdraw-request';
import { seedDemoStaff } from '../../local/seed';
import { holder } from '../domain/fulfilment/doubles';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import {
  decide,
  dropTables,
  getItem,
  outboxAbout,
  putItem,
  putStaff,
  requestBody,
  scanAll,
  staffStep,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([
    seedDemoStaff('test-password'),
    putStaff('operator-2', 'operator'),
    putItem('holders', { ...holder(), itemKey: 'holder' }),
    putItem('holders', {
      ...holder({ holderId: 'holder-mail', name: 'Mail house', categories: ['phone'] }),
      itemKey: 'holder',
    }),
    putItem('holders', {
      ...holder({ holderId: 'holder-old', name: 'Old CRM', retiredAt: '2026-01-01T00:00:00.000Z' }),
      itemKey: 'holder',
    }),
    putItem('holders', {
      ...holder({ holderId: 'holder-ads', categories: ['advertising-identifier'] }),
      itemKey: 'holder',
    }),
  ]);
});

afterAll(() => dropTables(prefix));

async function person() {
  const email = uniqueEmail('hanako');
  const subjectId = `subject-${randomUUID()}`;
  const held = [
    { subjectId, recordId: `rec-${randomUUID()}`, category: 'email', value: email },
    { subjectId, recordId: `rec-${randomUUID()}`, category: 'phone', value: '090-1234-5678' },
  ];
  await Promise.all(
    held.map((r) =>
      putItem('personal-data', {
        ...r,
        lookupKey: lookupKeyOf(r),
        source: 'from-customer',
        purposes: ['service-provision'],
        acquiredAt: '2026-01-01T00:00:00.000Z',
      }),
    ),
  );
  return { email, subjectId };
}

async function erasureRequest() {
  const { email } = await person();
  const body = {
    ...requestBody({ requesterEmail: email, name: 'Hanako Yamada', language: 'en' }),
    type: 'cessation-of-use',
    details: { grounds: ['no-longer-needed'], measure: 'erase' },
  };
  return { email, ...(await submitAndVerify(body as ReturnType<typeof requestBody>)) };
}

const ERASE = { outcome: 'fulfilled', details: { measure: 'erase' } };
const tasksOf = async (requestId: string) =>
  (await scanAll<FulfilmentTask>('fulfilment-tasks'))
    .filter((t) => t.requestId === requestId)
    .sort((a, b) => a.holderId.localeCompare(b.holderId));
const decisionMessagesOf = async (requestId: string) =>
  (await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'));

describe('a decided erasure reaches the holders', () => {
  it('preview: shows the tasks it would create and writes none', async () => {
    const { requestId } = await erasureRequest();
    const preview = await staffStep(previewHandler, requestId, 'decision-preview', ERASE);
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json.tasks).toEqual([
      {
        holderId: 'holder-crm',
        holderName: 'Mecara CRM',
        instruction: 'erasure',
        categories: ['email'],
        taskState: 'to-send',
      },
      {
        holderId: 'holder-mail',
        holderName: 'Mail house',
        instruction: 'erasure',
        categories: ['phone'],
        taskState: 'to-send',
      },
    ]);
    expect(await tasksOf(requestId)).toEqual([]);
  });

  it('one task per holder of the categories, in the decision’s transaction; the answer is held, not queued', async () => {
    const { requestId, email } = await erasureRequest();
    const result = await decide(requestId, ERASE);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({ status: 'fulfilled', answer: 'awaiting-holders', tasks: 2 });
    const tasks = await tasksOf(requestId);
    expect(tasks.map((t) => [t.holderId, t.instruction, t.categories, t.taskState, t.version])).toEqual([
      ['holder-crm', 'erasure', ['email'], 'to-send', 1],
      ['holder-mail', 'erasure', ['phone'], 'to-send', 1],
    ]);
    expect(tasks[0]!.identities).toEqual([{ type: 'email', value: email }]);
    expect(tasks[0]!.taskId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({ status: 'fulfilled', answer: { state: 'awaiting-holders' } });
    expect(await decisionMessagesOf(requestId)).toEqual([]);
  });

  it('two operators deciding at once: one decision, one set of tasks; the loser’s transaction writes none', async () => {
    const { requestId } = await erasureRequest();
    const results = await Promise.all([decide(requestId, ERASE), decide(requestId, ERASE)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await tasksOf(requestId)).toHaveLength(2);
  });

  it('withdrawn while the answer waits: tasks not yet sent are cancelled and the acknowledgement replaces the answer', async () => {
    const { requestId, statusToken } = await erasureRequest();
    await decide(requestId, ERASE);
    const withdrawn = await invoke(withdrawHandler, {
      method: 'POST',
      path: `/v1/requests/${requestId}/withdrawal`,
      resource: '/v1/requests/{requestId}/withdrawal',
      pathParameters: { requestId },
      headers: { Authorization: `Bearer ${statusToken}` },
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.json)).toBe(200);
    const tasks = await tasksOf(requestId);
    expect(tasks.map((t) => t.taskState)).toEqual(['cancelled', 'cancelled']);
    expect(tasks.every((t) => t.identities === undefined)).toBe(true);
    expect(await getItem('requests', { requestId })).toMatchObject({
      status: 'withdrawn',
      answer: { state: 'withdrawn' },
    });
    expect((await outboxAbout(requestId)).map((m) => m.topic)).toContain('request-withdrawn');
    expect(await decisionMessagesOf(requestId)).toEqual([]);
  });
});
