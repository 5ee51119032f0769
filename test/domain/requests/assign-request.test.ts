// POST /v1/staff/requests/{id}/assignment as a use case: an open request is handed to an active
// operator from the staff directory; the first assignment starts the handling.
import { describe, expect, it } from 'vitest';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import { assignRequest } from '../../../functions/domain/requests/assign-request';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import type { StaffActor, StaffDirectory, StaffMember, StaffRole } from '../../../functions/domain/staff';
import { ApplyingWriter, ArrayRequestReader, FixedClock, OPERATOR, problemOf, receivedRequest } from '../doubles';

const NOW = '2026-11-12T05:30:00.000Z';
const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.8' };

const member = (staffId: string, role: StaffRole, status: StaffMember['status'] = 'active'): StaffMember => ({
  staffId,
  role,
  status,
  displayName: staffId,
  email: `${staffId}@desk.example.jp`,
  passwordChangedAt: '2026-10-01T00:00:00.000Z',
});

function setup(overrides: Partial<DeskRequest> = {}) {
  const requests = new ArrayRequestReader([receivedRequest(overrides)]);
  const members = [
    member('op-2', 'operator'),
    member('op-gone', 'operator', 'disabled'),
    member('off-1', 'officer'),
    member('aud-1', 'auditor'),
  ];
  const staff: StaffDirectory = { get: async (staffId) => members.find((m) => m.staffId === staffId) };
  return { requests, staff, writer: new ApplyingWriter(requests), clock: new FixedClock(NOW) };
}

describe('assignRequest', () => {
  it('moves a received request to in-progress on first assignment, recording who assigned whom', async () => {
    const deps = setup();
    const result = await assignRequest(deps, OFFICER, 'req-1', 'op-2');
    expect(result).toEqual({ requestId: 'req-1', status: 'in-progress', assignee: 'op-2', assignedAt: NOW });
    expect(deps.writer.commits).toHaveLength(1);
    const [write] = deps.writer.commits[0]!;
    expect(write).toMatchObject({
      kind: 'request',
      expectedVersion: 2,
      request: { status: 'in-progress', assignee: 'op-2', version: 3 },
    });
    expect(write!.kind === 'request' && write!.request.history.at(-1)).toEqual({
      at: NOW,
      event: 'assigned',
      by: OFFICER.staffId,
      assignee: 'op-2',
    });
    // Assignment is handling, not closing: the request keeps no expiry.
    expect(write!.kind === 'request' && write!.request.expiresAt).toBeUndefined();
  });

  it('reassigns an in-progress request, keeping it in progress', async () => {
    const deps = setup({ status: 'in-progress', assignee: 'op-gone' });
    await assignRequest(deps, OPERATOR, 'req-1', 'op-2');
    expect(deps.requests.items[0]).toMatchObject({ status: 'in-progress', assignee: 'op-2' });
  });

  it('refuses an assignee who is not an active operator, writing nothing', async () => {
    for (const assignee of ['nobody', 'op-gone', 'off-1', 'aud-1']) {
      const deps = setup();
      const problem = await problemOf(assignRequest(deps, OPERATOR, 'req-1', assignee));
      expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Not an active operator' });
      expect(problem.detail).toContain(assignee);
      expect(deps.writer.commits).toEqual([]);
    }
  });

  it('refuses a closed request, writing nothing', async () => {
    for (const status of ['fulfilled', 'partially-fulfilled', 'refused', 'withdrawn', 'expired'] as const) {
      const deps = setup({ status });
      expect(await problemOf(assignRequest(deps, OPERATOR, 'req-1', 'op-2'))).toMatchObject({
        kind: 'conflict',
        title: 'Request closed',
      });
      expect(deps.writer.commits).toEqual([]);
    }
  });

  it('answers not-found for an unknown id and for a request still awaiting verification', async () => {
    const deps = setup({ status: 'awaiting-verification' });
    expect((await problemOf(assignRequest(deps, OPERATOR, 'no-such-request', 'op-2'))).kind).toBe('not-found');
    expect((await problemOf(assignRequest(deps, OPERATOR, 'req-1', 'op-2'))).kind).toBe('not-found');
  });

  it('lets only one of two concurrent assignments win, and turns a StaleWriteError into a conflict', async () => {
    const deps = setup();
    const results = await Promise.allSettled([
      assignRequest(deps, OPERATOR, 'req-1', 'op-2'),
      assignRequest(deps, OFFICER, 'req-1', 'op-2'),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason).toMatchObject({
      kind: 'conflict',
    });
    expect(deps.writer.commits).toHaveLength(1);

    const stale = setup();
    stale.writer.failWith = new StaleWriteError();
    expect((await problemOf(assignRequest(stale, OPERATOR, 'req-1', 'op-2'))).kind).toBe('conflict');
  });
});
