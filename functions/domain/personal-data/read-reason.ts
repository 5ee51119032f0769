// Staff read personal data only for a reason they name: the request the read serves, or the
// purpose of use it serves (policy §6(1)). A purpose must be one the privacy notice publishes and
// still active: no other purpose can justify a read; a request must be one the desk is handling
// (received or in progress), not a closed or invented one. The reason goes into the access log.
import type { Clock, RequestReader } from '../ports';
import { DeskProblem } from '../problems';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import { isOpen } from '../requests/request';
import { unusablePurpose } from './grounds';

export interface ReadReason {
  requestId?: string;
  purpose?: string;
}

export interface ReadReasonDeps {
  purposes: PurposeVersionReader;
  requests: Pick<RequestReader, 'get'>;
  clock: Clock;
}

/** A read for a request serves one the desk is handling; otherwise 422 before anything is read. */
export async function requireOpenRequest(requestId: string, deps: Pick<ReadReasonDeps, 'requests' | 'clock'>): Promise<void> {
  const request = await deps.requests.get(requestId, deps.clock.now());
  if (!request || !isOpen(request)) {
    throw new DeskProblem('unprocessable', 'Not an open request',
      `requestId: the desk is handling no request ${requestId} (received or in progress). Name the open request this read serves, or another reason the route accepts. Nothing was read.`);
  }
}

/** The access log's words for the reason: `request <id>` or `purpose <id>`. */
export async function accessLogReason(reason: ReadReason, deps: ReadReasonDeps): Promise<string> {
  if (!!reason.requestId === !!reason.purpose) {
    throw new DeskProblem('unprocessable', 'One reason needed',
      'Say why you read this personal data: give either requestId (the request the read serves) or purpose (the purpose of use it serves), not both.');
  }
  if (reason.requestId) {
    await requireOpenRequest(reason.requestId, deps);
    return `request ${reason.requestId}`;
  }
  const unusable = unusablePurpose(registryOf(await deps.purposes.versions()), reason.purpose!);
  if (unusable) {
    throw new DeskProblem('unprocessable', 'Not a purpose of use',
      `purpose: ${unusable}. Name the published purpose of use this read serves, or the request it serves (requestId). Nothing was read.`);
  }
  return `purpose ${reason.purpose}`;
}
