// Staff read personal data only for a reason they name: the request the read serves, or the
// purpose of use it serves (policy §6(1)). The reason goes into the access log with the read.
import { DeskProblem } from '../problems';

export interface ReadReason {
  requestId?: string;
  purpose?: string;
}

/** The access log's words for the reason: `request <id>` or `purpose <id>`. */
export function accessLogReason(reason: ReadReason): string {
  if (!!reason.requestId === !!reason.purpose) {
    throw new DeskProblem('unprocessable', 'One reason needed',
      'Say why you read this personal data: give either requestId (the request the read serves) or purpose (the purpose of use it serves), not both.');
  }
  return reason.requestId ? `request ${reason.requestId}` : `purpose ${reason.purpose}`;
}
