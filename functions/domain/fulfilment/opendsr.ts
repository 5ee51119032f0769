// The OpenDSR messages the desk exchanges with holders, as the specification names their fields
// (github.com/opengdpr/OpenDSR, specification.md: §5 identities, §7 requests, §8 status and callbacks,
// §9 cancellation). The desk is the controller; holders are processors.
import type { OpenDsrIdentityFormat, OpenDsrRequestType } from '../holders/holder';

export interface OpenDsrIdentity {
  identity_type: string;
  identity_value: string;
  identity_format: OpenDsrIdentityFormat;
}

/** §7.1.1. Correction and cessation of use travel in extensions under the desk's own domain (§7.1.2). */
export interface OpenDsrRequest {
  regulation: string;
  subject_request_id: string;
  subject_request_type: OpenDsrRequestType;
  submitted_time: string;
  subject_identities: OpenDsrIdentity[];
  api_version?: string;
  status_callback_urls?: string[];
  extensions?: Record<string, Record<string, unknown>>;
}

/** §7.3: a processor's answer to a new request. encoded_request is never stored or logged. */
export interface OpenDsrReceipt {
  controller_id: string;
  expected_completion_time: string;
  received_time: string;
  subject_request_id: string;
}

export const OPENDSR_STATUSES = ['pending', 'in_progress', 'completed', 'cancelled'] as const;
export type OpenDsrRequestStatus = (typeof OPENDSR_STATUSES)[number];

/** §8.3 (status) and §8.6 (callback, which also carries status_callback_url). */
export interface OpenDsrStatus {
  controller_id: string;
  expected_completion_time: string;
  subject_request_id: string;
  request_status: OpenDsrRequestStatus;
  api_version?: string;
  results_url?: string;
  results_count?: number;
}

export interface OpenDsrCallback extends OpenDsrStatus {
  status_callback_url: string;
}

/** §9.2. */
export interface OpenDsrCancellation {
  controller_id: string;
  received_time: string;
  subject_request_id: string;
  api_version?: string;
}
