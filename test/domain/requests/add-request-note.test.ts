// POST /v1/staff/requests/{id}/notes as a use case: a note on an open request, with its author and
// time, access-logged before it is written; a closed request's record is final.
import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import { addRequestNote, MAX_NOTES_BYTES } from '../../../functions/domain/requests/add-request-note';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import {
  ApplyingWriter,
  ArrayRequestReader,
  FixedClock,
  OPERATOR,
  problemOf,
  RecordingAccessLog,
  receivedRequest,
} from '../doubles';

const NOW = '2026-11-12T05:30:00.000Z';

function setup(overrides: Partial<DeskRequest> = {}) {
  const requests = new ArrayRequestReader([receivedRequest(overrides)]);
  return {
    requests,
    accessLog: new RecordingAccessLog(),
    writer: new ApplyingWriter(requests),
    clock: new FixedClock(NOW),
  };
}

describe('addRequestNote', () => {
  it('appends the note with author and time and a note-added event, conditional on the version read', async () => {
    const earlier = { at: '2026-11-10T01:00:00.000Z', by: 'staff-officer-1', text: '本人確認書類の種類を確認済み。' };
    const deps = setup({ status: 'in-progress', notes: [earlier] });
    const result = await addRequestNote(deps, OPERATOR, 'req-1', '電話で範囲を確認した。');
    const note = { at: NOW, by: OPERATOR.staffId, text: '電話で範囲を確認した。' };
    expect(result).toEqual({ requestId: 'req-1', note });
    const [write, ...more] = deps.writer.commits[0]!;
    expect(more).toEqual([]);
    expect(write).toMatchObject({
      kind: 'request',
      expectedVersion: 2,
      request: { status: 'in-progress', notes: [earlier, note], version: 3 },
    });
    expect(write!.kind === 'request' && write!.request.history.at(-1)).toEqual({
      at: NOW,
      event: 'note-added',
      by: OPERATOR.staffId,
    });
  });

  it('access-logs the write of the notes, naming the request and never the text', async () => {
    const deps = setup();
    await addRequestNote(deps, OPERATOR, 'req-1', 'Asked for the order number.');
    expect(deps.accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'write',
        subjects: ['request:req-1'],
        fields: ['notes'],
        reason: 'disclosure req-1',
        sourceIp: OPERATOR.sourceIp,
        at: NOW,
      },
    ]);
  });

  it('refuses a note on a closed request, logging and writing nothing', async () => {
    for (const status of ['fulfilled', 'partially-fulfilled', 'refused', 'withdrawn', 'expired'] as const) {
      const deps = setup({ status });
      expect(await problemOf(addRequestNote(deps, OPERATOR, 'req-1', 'late'))).toMatchObject({
        kind: 'conflict',
        title: 'Request closed',
      });
      expect(deps.writer.commits).toEqual([]);
      expect(deps.accessLog.entries).toEqual([]);
    }
  });

  it('refuses a note that would take the notes past what one request item can hold', async () => {
    const long = 'あ'.repeat(4000);
    const notes = Array.from({ length: 21 }, (_, i) => ({ at: NOW, by: 'staff-operator-1', text: `${i}${long}` }));
    const deps = setup({ notes });
    expect(new TextEncoder().encode(JSON.stringify(notes)).length).toBeLessThan(MAX_NOTES_BYTES);
    const problem = await problemOf(addRequestNote(deps, OPERATOR, 'req-1', long));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Notes full' });
    expect(problem.detail).toContain('256 KiB');
    expect(deps.writer.commits).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
    // A DynamoDB item holds 400 KB: the notes' budget leaves the rest of the request room.
    expect(MAX_NOTES_BYTES).toBeLessThanOrEqual(400 * 1024 - 100 * 1024);
  });

  it('answers not-found for an unknown id', async () => {
    expect((await problemOf(addRequestNote(setup(), OPERATOR, 'no-such-request', 'x'))).kind).toBe('not-found');
  });

  it('lets only one of two concurrent notes commit, and turns a StaleWriteError into a conflict', async () => {
    const deps = setup();
    const results = await Promise.allSettled([
      addRequestNote(deps, OPERATOR, 'req-1', 'a'),
      addRequestNote(deps, OPERATOR, 'req-1', 'b'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({
      kind: 'conflict',
    });

    const stale = setup();
    stale.writer.failWith = new StaleWriteError();
    expect((await problemOf(addRequestNote(stale, OPERATOR, 'req-1', 'a'))).kind).toBe('conflict');
  });
});
