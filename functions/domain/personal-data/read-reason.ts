// Staff read personal data only for a reason they name: the request the read serves, or the
// purpose of use it serves (policy §6(1)). A purpose must be one the privacy notice publishes and
// still active: no other purpose can justify a read; a request must be one the desk is handling
// (received or in progress), not a closed or invented one, and about the person read: the subjects
// its address is known by, as the desk resolves them to answer it. The reason goes into the access log.
import { emailLookupKey } from '../holdings';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { RequestReader } from '../requests/ports';
import { isOpen } from '../requests/request';
import { unusablePurpose } from './grounds';

export interface ReadReason {
  requestId?: string;
  purpose?: string;
}

/** The subjects an address is known by (a record carrying its lookup key, not past its expiresAt). */
export interface RequestSubjectFinder {
  subjectIdsByLookupKey(lookupKey: string, now: Date): Promise<string[]>;
}

export interface ReadReasonDeps {
  purposes: PurposeVersionReader;
  requests: Pick<RequestReader, 'get'>;
  subjects: RequestSubjectFinder;
  clock: Clock;
}

/** The subjects a read reveals, or how to find them (a search finds them only once the reason is known to be well formed). */
export type Concerning = readonly string[] | (() => Promise<readonly string[]>);

/**
 * A read for a request serves one the desk is handling, about the subjects read: each of them must be
 * one the request's subject address resolves to, as when the desk answers it (holdings.ts). Otherwise
 * 422 before anything is read; the request's own subjects are not revealed.
 */
export async function requireOpenRequest(
  requestId: string,
  subjectsRead: Concerning,
  deps: Pick<ReadReasonDeps, 'requests' | 'subjects' | 'clock'>,
): Promise<void> {
  const now = deps.clock.now();
  const request = await deps.requests.get(requestId, now);
  if (!request || !isOpen(request)) {
    throw new DeskProblem(
      'unprocessable',
      'Not an open request',
      `requestId: the desk is handling no request ${requestId} (received or in progress). Name the open request this read serves, or another reason the route accepts. Nothing was read.`,
      undefined,
      { slug: 'not-an-open-request' },
    );
  }
  const subjectIds = typeof subjectsRead === 'function' ? await subjectsRead() : subjectsRead;
  if (subjectIds.length === 0) return;
  const concerned = new Set(await deps.subjects.subjectIdsByLookupKey(emailLookupKey(request.subject.email), now));
  const others = subjectIds.filter((id) => !concerned.has(id));
  if (others.length > 0) {
    throw new DeskProblem(
      'unprocessable',
      'Request about someone else',
      `requestId: request ${requestId} is not about ${others.length === 1 ? `subject ${others[0]}` : `the subjects ${others.join(', ')}`}; a request justifies reading only the person it concerns. Name the request about this person, or the purpose of use the read serves. Nothing was read.`,
      undefined,
      { slug: 'request-about-someone-else' },
    );
  }
}

/**
 * The access log's words for the reason: `request <id>` or `purpose <id>`. `subjectIds` are the
 * subjects the read reveals; a request must concern every one of them.
 */
export async function accessLogReason(
  reason: ReadReason,
  subjectIds: Concerning,
  deps: ReadReasonDeps,
): Promise<string> {
  if (!!reason.requestId === !!reason.purpose) {
    throw new DeskProblem(
      'unprocessable',
      'One reason needed',
      'Say why you read this personal data: give either requestId (the request the read serves) or purpose (the purpose of use it serves), not both.',
      undefined,
      { slug: 'one-reason-needed' },
    );
  }
  if (reason.requestId) {
    await requireOpenRequest(reason.requestId, subjectIds, deps);
    return `request ${reason.requestId}`;
  }
  const unusable = unusablePurpose(registryOf(await deps.purposes.versions()), reason.purpose!);
  if (unusable) {
    throw new DeskProblem(
      'unprocessable',
      'Not a purpose of use',
      `purpose: ${unusable}. Name the published purpose of use this read serves, or the request it serves (requestId). Nothing was read.`,
      undefined,
      { slug: 'not-a-purpose-of-use' },
    );
  }
  return `purpose ${reason.purpose}`;
}
