// What a request type reads about the person it concerns: everything held under their address, and
// an access-log entry for that read naming the request and the fields it reveals.
import type { Holdings } from '../holdings';
import type { FulfilmentContext } from './request-type';

export async function readHoldingsForRequest(
  { request, actor, now, holdings, accessLog }: FulfilmentContext,
  fieldsRevealed: (held: Holdings) => string[],
): Promise<Holdings> {
  const held = await holdings.holdingsOf(request.subject.email, now);
  await accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: held.subjectIds,
    fields: fieldsRevealed(held),
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  return held;
}

/** The categories of the person's records, each once, sorted. */
export const categoriesOf = (held: Holdings): string[] => [...new Set(held.records.map((r) => r.category))].sort();
