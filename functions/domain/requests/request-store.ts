// The steps every staff transition shares: find a confirmed request, log the access to its record,
// and commit the transition only if nobody changed the request since it was read.
import type { AccessLogWriter } from '../access-log/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import type { StaffActor } from '../staff';
import type { DeskWrite, DeskWriter, RequestReader } from './ports';
import type { DeskRequest } from './request';

/** A request past verification; an unconfirmed one is nobody's business but the requester's. */
export async function getConfirmedRequest(requests: RequestReader, requestId: string, now: Date): Promise<DeskRequest> {
  const request = await requests.get(requestId, now);
  if (!request || request.status === 'awaiting-verification') {
    throw new DeskProblem(
      'not-found',
      'Request not found',
      `No confirmed request has the id ${requestId}. Check the id in the queue.`,
      undefined,
      { slug: 'request-not-found' },
    );
  }
  return request;
}

/** Commits, or answers 409 with `detail` when the version the writes expect no longer holds. */
export async function commitOrConflict(
  writer: DeskWriter,
  writes: DeskWrite[],
  title: string,
  detail: string,
): Promise<void> {
  try {
    await writer.commit(writes);
  } catch (error) {
    if (error instanceof StaleWriteError) throw new DeskProblem('conflict', title, detail);
    throw error;
  }
}

/**
 * Logs a staff member's read or write of a request's own record (requester, notes, verification,
 * delivery): personal data about the handling, named by the request it belongs to.
 */
export function logRequestAccess(
  accessLog: AccessLogWriter,
  actor: StaffActor,
  request: DeskRequest,
  action: 'read' | 'write',
  fields: string[],
  at: string,
): Promise<void> {
  return accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action,
    subjects: [`request:${request.requestId}`],
    fields,
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at,
  });
}
