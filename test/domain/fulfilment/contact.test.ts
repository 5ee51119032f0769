// The rules of contacting holders: the backoff while a holder is down never gives up and never waits
// more than an hour; the holder's reported status only moves forward.
import { describe, expect, it } from 'vitest';
import {
  FIRST_RETRY_MS,
  holderReported,
  MAX_RETRY_MS,
  retryDelayMs,
} from '../../../functions/domain/fulfilment/contact';
import type { FulfilmentTask } from '../../../functions/domain/fulfilment/task';

const AT = '2026-11-12T05:30:00.000Z';
const task = (overrides: Partial<FulfilmentTask> = {}): FulfilmentTask => ({
  taskId: 't',
  requestId: 'r',
  holderId: 'h',
  holderVersion: 1,
  instruction: 'erasure',
  categories: ['email'],
  taskState: 'sent',
  nextContactAt: AT,
  attempts: 0,
  contacts: [],
  holderStatus: 'pending',
  createdAt: AT,
  version: 3,
  expiresAt: 1,
  ...overrides,
});

describe('backoff', () => {
  it('1 minute, doubling, at most an hour, for ever', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 100].map(retryDelayMs)).toEqual([
      FIRST_RETRY_MS,
      2 * FIRST_RETRY_MS,
      4 * FIRST_RETRY_MS,
      8 * FIRST_RETRY_MS,
      16 * FIRST_RETRY_MS,
      32 * FIRST_RETRY_MS,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
      MAX_RETRY_MS,
    ]);
  });
});

describe('what the holder reports', () => {
  it('moves forward only: a stale pending after in_progress, or anything after completion, changes nothing', () => {
    const inProgress = task({ holderStatus: 'in_progress' });
    expect(holderReported(inProgress, 'pending', AT)).toBe(inProgress);
    expect(holderReported(inProgress, 'in_progress', AT)).toBe(inProgress);
    const done = task({ taskState: 'completed', holderStatus: 'completed' });
    expect(holderReported(done, 'cancelled', AT)).toBe(done);
    expect(holderReported(done, 'completed', AT)).toBe(done);
  });

  it('completion settles the task with its results; news of progress is kept; identities go once accepted', () => {
    const toSend = task({
      taskState: 'to-send',
      holderStatus: undefined,
      identities: [{ type: 'email', value: 'a@b.jp' }],
    });
    const accepted = holderReported(toSend, 'in_progress', AT);
    expect(accepted).toMatchObject({ taskState: 'sent', holderStatus: 'in_progress' });
    expect(accepted.identities).toBeUndefined();
    expect(
      holderReported(task(), 'completed', AT, { results_url: 'https://h.example/r/1', results_count: 3 }),
    ).toMatchObject({ taskState: 'completed', completedAt: AT, resultsUrl: 'https://h.example/r/1', resultsCount: 3 });
    // A cancellation still owed stays owed when the holder only reports progress.
    expect(holderReported(task({ taskState: 'cancel-pending' }), 'in_progress', AT).taskState).toBe('cancel-pending');
  });
});
