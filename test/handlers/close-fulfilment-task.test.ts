// POST /v1/staff/fulfilment-tasks/{taskId}/closure against DynamoDB Local: staff record what was done
// by hand at a holder the desk could not instruct; only a needs-person task closes, once, and only
// for operators and the officer.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfilmentTask } from '../../functions/domain/fulfilment/task';
import { handler } from '../../functions/handlers/close-fulfilment-task';
import { sentTask } from '../domain/fulfilment/tracking-doubles';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, getItem, putItem, putStaff, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await putStaff('close-op', 'operator');
  await putStaff('close-officer', 'officer');
  await putStaff('close-auditor', 'auditor');
});

afterAll(() => dropTables(prefix));

const close = (taskId: string, body: unknown, claims = staffClaims('close-op', 'operator')) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/fulfilment-tasks/${taskId}/closure`,
    resource: '/v1/staff/fulfilment-tasks/{taskId}/closure',
    pathParameters: { taskId },
    body,
    claims,
  });

async function needsPerson(): Promise<FulfilmentTask> {
  const task = sentTask({ taskId: randomUUID(), requestId: randomUUID(), taskState: 'needs-person' });
  await putItem('fulfilment-tasks', task);
  return task;
}

describe('close-fulfilment-task', () => {
  it('closes a needs-person task with the note, who and when', async () => {
    const task = await needsPerson();
    const result = await close(task.taskId, { note: 'Erased in the CRM by hand by Sato, IT.' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({ taskId: task.taskId, state: 'completed' });
    const stored = await getItem<FulfilmentTask>('fulfilment-tasks', { taskId: task.taskId });
    expect(stored).toMatchObject({
      taskState: 'completed',
      closedByPerson: { by: 'close-op', note: 'Erased in the CRM by hand by Sato, IT.' },
      version: task.version + 1,
    });
  });

  it('twice at once: one closes, the other gets 409; a task not needing a person is 409 too', async () => {
    const task = await needsPerson();
    const results = await Promise.all([
      close(task.taskId, { note: 'first' }),
      close(task.taskId, { note: 'second' }, staffClaims('close-officer', 'officer')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const sent = sentTask({ taskId: randomUUID() });
    await putItem('fulfilment-tasks', sent);
    expectProblem(await close(sent.taskId, { note: 'done' }), 409);
    expect((await getItem('fulfilment-tasks', { taskId: sent.taskId }))!.taskState).toBe('sent');
  });

  it('an empty note, an unknown task, a malformed id and an auditor: 4xx problems, nothing written', async () => {
    const task = await needsPerson();
    expectProblem(await close(task.taskId, { note: '  ' }), 400);
    expectProblem(await close(randomUUID(), { note: 'done' }), 404);
    expectProblem(await close('not-a-task', { note: 'done' }), 400);
    expectProblem(await close(task.taskId, { note: 'done' }, staffClaims('close-auditor', 'auditor')), 403);
    expect((await getItem('fulfilment-tasks', { taskId: task.taskId }))!.taskState).toBe('needs-person');
  });
});
