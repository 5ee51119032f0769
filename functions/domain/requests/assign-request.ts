// POST /v1/staff/requests/{requestId}/assignment: an operator or the officer hands an open request
// to an operator. The first assignment starts the handling (received → in-progress).
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { StaffActor, StaffDirectory } from '../staff';
import { isAssignable } from './assignees';
import type { DeskWriter, RequestReader } from './ports';
import { type DeskRequest, isOpen } from './request';
import { commitOrConflict, getConfirmedRequest } from './request-store';

export interface AssignRequestDeps {
  requests: RequestReader;
  staff: StaffDirectory;
  writer: DeskWriter;
  clock: Clock;
}

export async function assignRequest(deps: AssignRequestDeps, actor: StaffActor, requestId: string, assignee: string) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  if (!isOpen(request)) {
    throw new DeskProblem(
      'conflict',
      'Request closed',
      `This request is ${request.status}; a closed request is not assigned any more.`,
    );
  }
  const member = await deps.staff.get(assignee);
  if (!isAssignable(member)) {
    throw new DeskProblem(
      'unprocessable',
      'Not an active operator',
      `"${assignee}" is not an active operator in the staff directory. Assign the request to an operator whose account is active.`,
    );
  }

  const assignedAt = now.toISOString();
  const assigned: DeskRequest = {
    ...request,
    status: 'in-progress',
    assignee,
    history: [...request.history, { at: assignedAt, event: 'assigned', by: actor.staffId, assignee }],
    version: request.version + 1,
  };
  await commitOrConflict(
    deps.writer,
    [{ kind: 'request', request: assigned, expectedVersion: request.version }],
    'Changed meanwhile',
    'Someone changed this request while you were assigning it. Reload it and assign it again if it is still open.',
  );
  return { requestId, status: 'in-progress' as const, assignee, assignedAt };
}
