// What carrying a decision to the holders needs from outside: an OpenDSR client that talks to each
// holder's endpoint. The adapter verifies every answer's signature against the holder's pinned
// certificate before it hands anything back.
import type { HolderEndpoint } from '../holders/holder';
import type { OpenDsrCancellation, OpenDsrReceipt, OpenDsrRequest, OpenDsrStatus } from './opendsr';

export interface HolderClient {
  /** POST {baseUrl}/requests: the holder's receipt (201, signed). */
  submit(endpoint: HolderEndpoint, request: OpenDsrRequest): Promise<OpenDsrReceipt>;
  /** GET {baseUrl}/requests/{id}: the request's status at the holder (signed). */
  status(endpoint: HolderEndpoint, subjectRequestId: string): Promise<OpenDsrStatus>;
  /** DELETE {baseUrl}/requests/{id}: cancels a request still pending at the holder (202, signed). */
  cancel(endpoint: HolderEndpoint, subjectRequestId: string): Promise<OpenDsrCancellation>;
  /** GET a status's results_url (same origin as baseUrl only): what the holder holds, for a disclosure. */
  results(endpoint: HolderEndpoint, resultsUrl: string): Promise<unknown>;
}

/** The holder could not be reached, timed out, or answered 5xx/429: try again later, nothing is lost. */
export class HolderUnavailableError extends Error {
  override name = 'HolderUnavailableError';
}

/** The holder answered, but refused (4xx), or with a body or signature that does not verify: a person must look. */
export class HolderAnswerError extends Error {
  override name = 'HolderAnswerError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}
