// What staff see of a decided request at the holders, and a task a person closes by hand.
import { describe, expect, it } from 'vitest';
import { answerStateOf, closeTaskByHand, trackedTasks } from '../../../functions/domain/fulfilment/tracking';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import { FixedClock, OPERATOR } from '../doubles';
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
  it('held while awaiting the holders; sent, or sent with what was known', () => {
    const tasks = [{ state: 'sent' as const }];
    expect(answerStateOf({ answer: { state: 'awaiting-holders' } }, tasks)).toBe('awaiting-holders');
    expect(answerStateOf({ answer: { state: 'released' } }, tasks)).toBe('sent');
    expect(answerStateOf({ answer: { state: 'released', partial: true } }, tasks)).toBe('sent-partial');
    expect(answerStateOf({}, [])).toBeUndefined();
  });
});

describe('closeTaskByHand', () => {
  const deps = (tracker: MemoryTaskTracker) => ({ tracker, clock: new FixedClock(NOW) });

  it('completes a needs-person task with the note, who and when', async () => {
    const tracker = new MemoryTaskTracker([sentTask({ taskState: 'needs-person' })]);
    const closed = await closeTaskByHand(deps(tracker), OPERATOR, sentTask().taskId, 'Erased in the CRM by hand');
    expect(closed).toMatchObject({
      taskState: 'completed',
      completedAt: NOW,
      closedByPerson: { by: OPERATOR.staffId, at: NOW, note: 'Erased in the CRM by hand' },
      version: 3,
    });
    expect(closed.contacts.at(-1)).toEqual({ at: NOW, kind: 'person', outcome: 'completed' });
    expect(tracker.tasks[0]).toEqual(closed);
  });

  it('refuses a task that does not need a person (409), and an unknown one (404)', async () => {
    const tracker = new MemoryTaskTracker([sentTask()]);
    await expect(closeTaskByHand(deps(tracker), OPERATOR, sentTask().taskId, 'done')).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(
      closeTaskByHand(deps(tracker), OPERATOR, 'f0000000-0000-4000-8000-00000000000f', 'done'),
    ).rejects.toBeInstanceOf(DeskProblem);
    expect(tracker.tasks[0]!.taskState).toBe('sent');
  });

  it('of two staff closing it at once, one wins and the other gets 409', async () => {
    const tracker = new MemoryTaskTracker([sentTask({ taskState: 'needs-person' })]);
    const results = await Promise.allSettled([
      closeTaskByHand(deps(tracker), OPERATOR, sentTask().taskId, 'first'),
      closeTaskByHand(deps(tracker), OPERATOR, sentTask().taskId, 'second'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason.kind).toBe('conflict');
  });
});
