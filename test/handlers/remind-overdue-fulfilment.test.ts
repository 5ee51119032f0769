// The overdue-at-the-holders reminder against DynamoDB Local: a decided request past its due date
// whose tasks are not all finished e-mails its assignee (or every operator) and the officer, once,
// even when the schedule runs twice at the same moment; finished or not-yet-due requests are left
// alone, and the e-mail names holders and states, never the person.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import type { TaskState } from '../../functions/domain/fulfilment/task';
import { handler } from '../../functions/handlers/remind-overdue-fulfilment';
import { receivedRequest } from '../domain/doubles';
import { sentTask } from '../domain/fulfilment/tracking-doubles';
import { freshTables } from '../support/desk';
import { dropTables, getItem, putItem, putStaff, scanAll } from '../support/requests';

let prefix: string;
const run = randomUUID().slice(0, 8);
const operators = [`od-op1-${run}`, `od-op2-${run}`];
const assignee = `od-assignee-${run}`;
const officer = `od-officer-${run}`;
const emailOf = (staffId: string) => `${staffId}@desk.example.jp`;
const DAY_MS = 24 * 60 * 60 * 1000;
const holderId = `holder-${run}`;

const ids = {
  unassigned: `od-unassigned-${run}`,
  assigned: `od-assigned-${run}`,
  finished: `od-finished-${run}`,
  notDue: `od-not-due-${run}`,
};

async function decided(requestId: string, dueAt: Date, states: TaskState[], assigned?: string) {
  await putItem(
    'requests',
    receivedRequest({
      requestId,
      status: 'fulfilled',
      subject: { email: `hanako.${run}@example.jp`, name: '山田 花子' },
      dueAt: dueAt.toISOString(),
      closedAt: new Date(dueAt.getTime() - DAY_MS).toISOString(),
      ...(assigned ? { assignee: assigned } : {}),
    }),
  );
  for (const taskState of states)
    await putItem('fulfilment-tasks', sentTask({ taskId: randomUUID(), requestId, holderId, taskState }));
}

beforeAll(async () => {
  prefix = await freshTables();
  for (const id of operators) await putStaff(id, 'operator');
  await putStaff(assignee, 'operator');
  await putStaff(officer, 'officer');
  await putItem('holders', { holderId, itemKey: 'holder', name: 'Mecara CRM', version: 1 });
  const past = new Date(Date.now() - 2 * DAY_MS);
  await decided(ids.unassigned, past, ['sent', 'completed']);
  await decided(ids.assigned, past, ['needs-person'], assignee);
  await decided(ids.finished, past, ['completed', 'cancelled']);
  await decided(ids.notDue, new Date(Date.now() + 2 * DAY_MS), ['to-send']);
});

afterAll(() => dropTables(prefix));

const reminders = async () =>
  (await scanAll<StoredOutboxMessage>('outbox')).filter((m) => m.topic === 'reminder-holders-overdue');

describe('remind-overdue-fulfilment', () => {
  it('tells the assignee or, with none, every operator, and the officer; once, however often it runs', async () => {
    const results = await Promise.all([handler(), handler()]);
    expect(results.reduce((n, r) => n + r.reminded, 0)).toBe(2);
    await handler();

    const sent = await reminders();
    const about = (requestId: string) =>
      sent
        .filter((m) => m.subject.includes(requestId))
        .flatMap((m) => m.to)
        .sort();
    expect(about(ids.unassigned)).toEqual([...operators, assignee, officer].map(emailOf).sort());
    expect(about(ids.assigned)).toEqual([assignee, officer].map(emailOf).sort());
    expect(about(ids.finished)).toEqual([]);
    expect(about(ids.notDue)).toEqual([]);

    const mail = sent.find((m) => m.subject.includes(ids.assigned))!;
    expect(mail.text).toContain('Mecara CRM');
    expect(mail.text).toContain('A person must act');
    expect(mail.text).not.toContain('hanako');
    expect(mail.text).not.toContain('山田');
    expect((await getItem('requests', { requestId: ids.assigned }))!.remindedHoldersOverdueAt).toBeTruthy();
    expect((await getItem('requests', { requestId: ids.assigned }))!.version).toBe(2);
  });
});
