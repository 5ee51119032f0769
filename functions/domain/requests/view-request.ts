// GET /v1/staff/requests/{requestId}: a request as the desk sees it, with the requester's and the
// subject's details. Reading them is a read of personal data, so it is access-logged first.
import type { AccessLogWriter, Clock, RequestReader } from '../ports';
import type { StaffActor } from '../staff';
import { getConfirmedRequest } from './request-store';

export interface ViewRequestDeps {
  requests: RequestReader;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export async function viewRequest(deps: ViewRequestDeps, actor: StaffActor, requestId: string) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: [`request:${request.requestId}`],
    fields: ['requester', 'subject', 'details', 'notes'],
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const { verification: _verification, statusTokenHash: _statusTokenHash, expiresAt: _expiresAt, version: _version, ...visible } = request;
  return visible;
}
