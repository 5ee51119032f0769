// GET /v1/staff/requests: the desk's queue, soonest due first. It shows no personal data, so every
// staff role may read it without an access-log entry.
import type { Clock } from '../kernel/ports';
import type { RequestReader } from './ports';
import { OPEN_STATUSES, type RequestStatus } from './request';

export interface ListRequestsDeps {
  requests: RequestReader;
  clock: Clock;
}

export async function listRequests(deps: ListRequestsDeps, status: RequestStatus | undefined) {
  const now = deps.clock.now();
  const statuses = status ? [status] : OPEN_STATUSES;
  const found = (await Promise.all(statuses.map((s) => deps.requests.listByStatus(s, now)))).flat();
  const items = found
    .map(({ requestId, type, status: current, receivedAt, dueAt, createdAt }) => ({
      requestId,
      type,
      status: current,
      receivedAt,
      dueAt,
      createdAt,
    }))
    .sort((a, b) => (a.dueAt ?? a.createdAt).localeCompare(b.dueAt ?? b.createdAt))
    .map(({ createdAt: _createdAt, ...item }) => item);
  return { items };
}
