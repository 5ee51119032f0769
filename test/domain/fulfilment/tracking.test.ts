// What staff see of a decided request at the holders, and a task a person closes by hand.
import { describe, expect, it } from 'vitest';
import type { FulfilmentTask } from '../../../functions/domain/fulfilment/task';
import {
  answerStateOf,
  answerWithWhatIsKnown,
  closeTaskByHand,
  trackedTasks,
} from '../../../functions/domain/fulfilment/tracking';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { ArrayRequestReader, FixedClock, OPERATOR, receivedRequest, SequenceSecrets } from '../doubles';
import { MemoryTasks, TaskApplyingWriter } from './doubles';
import { MemoryTaskTracker, sentTask } from './tracking-doubles';

const NOW = '2026-11-13T01:00:00.000Z';

describe('trackedTasks', () => {
  it('names each holder, shows the last contact, and nothing the holder was sent about the person', async () => {
    const tracker = new MemoryTaskTracker(
      [
        sentTask({
          taskId: 'b0000000-0000-4000-8000-000000000002',
          holderId: 'holder-billing',
          contacts: [
            { at: '2026-11-12T02:30:00.000Z', kind: 'send', outcome: 'holder unavailable' },
            { at: '2026-11-12T02:31:00.000Z', kind: 'send', outcome: 'pending' },
          ],
          expectedCompletionAt: '2026-11-14T00:00:00.000Z',
          ...({ identities: [{ type: 'email', value: 'hanako@example.jp' }] } as object),
        }),
        sentTask({ taskId: 'a0000000-0000-4000-8000-000000000001', holderId: 'holder-gone' }),
        sentTask({ taskId: 'c0000000-0000-4000-8000-000000000003', requestId: 'req-other' }),
      ],
      { 'holder-billing': 'Billing' },
    );
    const tasks = await trackedTasks(tracker, 'req-1', new Date(NOW));
    expect(tasks.map((t) => [t.holderName, t.state])).toEqual([
      ['Billing', 'sent'],
      ['holder-gone', 'sent'],
    ]);
    expect(tasks[0]!.lastContact).toEqual({ at: '2026-11-12T02:31:00.000Z', kind: 'send', outcome: 'pending' });
    expect(tasks[0]!.expectedCompletionAt).toBe('2026-11-14T00:00:00.000Z');
    expect(JSON.stringify(tasks)).not.toContain('hanako');
  });

  it('a request without tasks has none, and asks the registry nothing', async () => {
    const tracker = new MemoryTaskTracker();
    tracker.holderNames = async () => {
      throw new Error('not asked');
    };
    expect(await trackedTasks(tracker, 'req-1', new Date(NOW))).toEqual([]);
  });
});

describe('answerStateOf', () => {
  it('held while awaiting the holders; sent, or sent with what was known; withdrawn', () => {
    const heldAt = NOW;
    expect(answerStateOf({ answer: { state: 'awaiting-holders', heldAt } })).toBe('awaiting-holders');
    expect(answerStateOf({ answer: { state: 'released', heldAt } })).toBe('sent');
    expect(answerStateOf({ answer: { state: 'released', heldAt, partial: true } })).toBe('sent-partial');
    expect(answerStateOf({ answer: { state: 'withdrawn', heldAt } })).toBe('withdrawn');
    expect(answerStateOf({})).toBeUndefined();
  });
});

describe('closeTaskByHand and answerWithWhatIsKnown', () => {
  const held = () =>
    receivedRequest({
      status: 'fulfilled',
      answer: { state: 'awaiting-holders', heldAt: NOW, message: { subject: 'Answer', text: 'We erased it.' } },
    });
  function deps(tasks: FulfilmentTask[]) {
    const requests = new ArrayRequestReader([held()]);
    const memory = new MemoryTasks();
    for (const t of tasks) memory.items.set(t.taskId, t);
    const writer = new TaskApplyingWriter(requests, memory);
    return { requests, tasks: memory, writer, secrets: new SequenceSecrets(), clock: new FixedClock(NOW) };
  }
  const other = sentTask({ taskId: 'b0000000-0000-4000-8000-000000000002', holderId: 'holder-billing' });

  it('completes a needs-person task with the note, who and when; the answer still waits for the other holder', async () => {
    const d = deps([sentTask({ taskState: 'needs-person' }), other]);
    const closed = await closeTaskByHand(d, OPERATOR, sentTask().taskId, 'Erased in the CRM by hand');
    expect(closed).toMatchObject({
      taskState: 'completed',
      completedAt: NOW,
      closedByPerson: { by: OPERATOR.staffId, at: NOW, note: 'Erased in the CRM by hand' },
      version: 3,
    });
    expect(closed.contacts.at(-1)).toEqual({ at: NOW, kind: 'person', outcome: 'completed' });
    expect(d.tasks.items.get(closed.taskId)).toEqual(closed);
    expect(d.requests.items[0]!.answer?.state).toBe('awaiting-holders');
    expect(d.writer.commits.flat().some((w) => w.kind === 'outbox')).toBe(false);
  });

  it('closing the last unfinished task sends the answer in the same transaction', async () => {
    const d = deps([sentTask({ taskState: 'needs-person' }), { ...other, taskState: 'completed' }]);
    await closeTaskByHand(d, OPERATOR, sentTask().taskId, 'Erased by hand');
    expect(d.requests.items[0]!.answer).toMatchObject({ state: 'released' });
    const commit = d.writer.commits.at(-1)!;
    expect(commit.map((w) => w.kind).sort()).toEqual(['fulfilment-task', 'outbox', 'request']);
  });

  it('refuses a task that does not need a person (409), and an unknown one (404)', async () => {
    const d = deps([sentTask()]);
    await expect(closeTaskByHand(d, OPERATOR, sentTask().taskId, 'done')).rejects.toMatchObject({ kind: 'conflict' });
    await expect(closeTaskByHand(d, OPERATOR, 'f0000000-0000-4000-8000-00000000000f', 'done')).rejects.toMatchObject({
      kind: 'not-found',
    });
    expect(d.tasks.items.get(sentTask().taskId)!.taskState).toBe('sent');
  });

  it('of two staff closing it at once, one wins and the other gets 409', async () => {
    const d = deps([sentTask({ taskState: 'needs-person' }), other]);
    const results = await Promise.allSettled([
      closeTaskByHand(d, OPERATOR, sentTask().taskId, 'first'),
      closeTaskByHand(d, OPERATOR, sentTask().taskId, 'second'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(DeskProblem);
  });

  it('answering with what is known sends the held answer naming the holder not finished; a second time is 409', async () => {
    const d = deps([sentTask({ taskState: 'completed' }), other]);
    const result = await answerWithWhatIsKnown(d, 'req-1');
    expect(result).toMatchObject({ requestId: 'req-1', partial: true });
    const mail = d.writer.commits.flat().find((w) => w.kind === 'outbox');
    expect(mail && mail.kind === 'outbox' && mail.message.text).toContain('holder-billing');
    expect(d.requests.items[0]!.answer).toMatchObject({ state: 'released', partial: true });
    await expect(answerWithWhatIsKnown(d, 'req-1')).rejects.toMatchObject({ kind: 'conflict' });
  });
});
