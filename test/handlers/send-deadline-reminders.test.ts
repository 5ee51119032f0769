// The deadline reminder schedule against DynamoDB Local and the SES emulator: active operators get
// one e-mail about what is due soon, the officer one about what is overdue, and each request is
// reminded once even when the schedule runs twice, or twice at the same moment. The request's
// version is left alone, so a decision in between does not fail.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDeskWriter } from '../../functions/adapters/desk-writer';
import type { StoredOutboxMessage } from '../../functions/adapters/outbox-repository';
import { dueAfterDeskDays } from '../../functions/domain/kernel/calendar';
import type { DeskRequest } from '../../functions/domain/requests/request';
import { handler } from '../../functions/handlers/send-deadline-reminders';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { DEMO_HOURS } from '../support/company';
import { freshTables, mailbox } from '../support/desk';
import { dropTables, getItem, putItem, putStaff, scanAll, streamEvent, streamRecord } from '../support/requests';

let prefix: string;
const run = randomUUID().slice(0, 8);
const operators = [`rem-op1-${run}`, `rem-op2-${run}`];
const officer = `rem-officer-${run}`;
const disabledOperator = `rem-op-off-${run}`;
const emailOf = (staffId: string) => `${staffId}@desk.example.jp`;
const DAY_MS = 24 * 60 * 60 * 1000;

function request(requestId: string, dueAt: Date, overrides: Partial<DeskRequest> = {}): DeskRequest {
  const receivedAt = new Date(dueAt.getTime() - 14 * DAY_MS).toISOString();
  return {
    requestId,
    type: 'disclosure',
    status: 'received',
    requester: { kind: 'self', name: '山田 花子', email: `hanako.${run}@example.jp` },
    subject: { email: `hanako.${run}@example.jp` },
    language: 'ja',
    createdAt: receivedAt,
    receivedAt,
    dueAt: dueAt.toISOString(),
    history: [{ at: receivedAt, event: 'received' }],
    version: 2,
    ...overrides,
  };
}

const ids = {
  soon: `soon-${run}`,
  soonInProgress: `soon-wip-${run}`,
  later: `later-${run}`,
  overdue: `overdue-${run}`,
  closedOverdue: `closed-${run}`,
};

beforeAll(async () => {
  prefix = await freshTables();
  for (const id of operators) await putStaff(id, 'operator');
  await putStaff(officer, 'officer');
  await putStaff(disabledOperator, 'operator', 'disabled');
  const now = new Date();
  await putItem('requests', request(ids.soon, dueAfterDeskDays(now, 1, DEMO_HOURS)));
  await putItem(
    'requests',
    request(ids.soonInProgress, dueAfterDeskDays(now, 2, DEMO_HOURS), { status: 'in-progress', version: 3 }),
  );
  await putItem('requests', request(ids.later, dueAfterDeskDays(now, 6, DEMO_HOURS)));
  await putItem('requests', request(ids.overdue, new Date(now.getTime() - 3 * DAY_MS)));
  await putItem('requests', request(ids.closedOverdue, new Date(now.getTime() - 3 * DAY_MS), { status: 'fulfilled' }));
});

afterAll(() => dropTables(prefix));

const reminders = async () =>
  (await scanAll<StoredOutboxMessage>('outbox')).filter((m) => m.topic.startsWith('reminder-'));

describe('send-deadline-reminders', () => {
  it('twice at the same moment, then once more: one e-mail per recipient and kind, each request marked once', async () => {
    const [a, b] = await Promise.all([handler(), handler()]);
    expect(a.messages + b.messages).toBe(3);
    expect(a.reminded['due-soon'] + b.reminded['due-soon']).toBe(2);
    expect(a.reminded.overdue + b.reminded.overdue).toBe(1);
    const again = await handler();
    expect(again.messages).toBe(0);

    const messages = await reminders();
    expect(messages.map((m) => m.topic).sort()).toEqual(['reminder-due-soon', 'reminder-due-soon', 'reminder-overdue']);
    const soonMessages = messages.filter((m) => m.topic === 'reminder-due-soon');
    expect(soonMessages.map((m) => m.to).sort()).toEqual(operators.map((id) => [emailOf(id)]));
    const soon = soonMessages[0]!;
    expect(soon.text).toContain(ids.soon);
    expect(soon.text).toContain(ids.soonInProgress);
    expect(soon.text).not.toContain(ids.later);
    const late = messages.find((m) => m.topic === 'reminder-overdue')!;
    expect(late.to).toEqual([emailOf(officer)]);
    expect(late.text).toContain(ids.overdue);
    expect(late.text).not.toContain(ids.closedOverdue);
    for (const message of messages) expect(message.text).not.toMatch(/hanako|山田/);
  });

  it('marks the requests without touching their version', async () => {
    const soon = await getItem('requests', { requestId: ids.soon });
    expect(soon).toMatchObject({ version: 2, remindedDueSoonAt: expect.any(String) });
    expect(soon!.remindedOverdueAt).toBeUndefined();
    expect(await getItem('requests', { requestId: ids.soonInProgress })).toMatchObject({
      version: 3,
      remindedDueSoonAt: expect.any(String),
    });
    expect(await getItem('requests', { requestId: ids.overdue })).toMatchObject({
      version: 2,
      remindedOverdueAt: expect.any(String),
    });
    expect((await getItem('requests', { requestId: ids.later }))!.remindedDueSoonAt).toBeUndefined();
    expect((await getItem('requests', { requestId: ids.closedOverdue }))!.remindedOverdueAt).toBeUndefined();
  });

  it('the outbox delivers them: each active operator and the officer find theirs in the mailbox', async () => {
    const messages = await reminders();
    await sendOutbox(streamEvent(...messages.map((m) => streamRecord('INSERT', { newImage: m }))));
    for (const id of operators) {
      const [mail, ...more] = await mailbox(emailOf(id));
      expect(more).toEqual([]);
      expect(mail!.subject).toContain('期限間近');
      expect(mail!.body.text).toContain(ids.soon);
    }
    const [officerMail, ...more] = await mailbox(emailOf(officer));
    expect(more).toEqual([]);
    expect(officerMail!.subject).toContain('期限超過');
    expect(officerMail!.body.text).toContain(ids.overdue);
    expect(await mailbox(emailOf(disabledOperator))).toEqual([]);
  });

  it('a decision based on a read taken before the reminder still commits: the reminder leaves the version alone', async () => {
    const racing = `racing-${run}`;
    await putItem('requests', request(racing, dueAfterDeskDays(new Date(), 1, DEMO_HOURS)));
    const before = (await getItem<DeskRequest>('requests', { requestId: racing }))!;
    expect((await handler()).reminded['due-soon']).toBe(1);
    await expect(
      dynamoDeskWriter.commit([
        {
          kind: 'request',
          request: { ...before, status: 'refused', version: before.version + 1 },
          expectedVersion: before.version,
        },
      ]),
    ).resolves.toBeUndefined();
    expect(await getItem('requests', { requestId: racing })).toMatchObject({ status: 'refused', version: 3 });
  });

  it('a request falling due later is reminded on its own, in a new e-mail', async () => {
    const fresh = `fresh-${run}`;
    await putItem('requests', request(fresh, dueAfterDeskDays(new Date(), 1, DEMO_HOURS)));
    const tally = await handler();
    expect(tally).toMatchObject({ reminded: { 'due-soon': 1, overdue: 0 }, messages: 2 });
    const latest = (await reminders()).filter((m) => m.text.includes(fresh));
    expect(latest).toHaveLength(2);
    expect(latest[0]!.text).not.toContain(ids.soon);
  });
});
