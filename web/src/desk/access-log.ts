// The access log as the officer and auditors read it (GET /v1/staff/access-log) and its verification
// (POST /v1/staff/access-log/verify): the window asked for, the paging, and the answers.
import { ACCESS_LOG_LISTING_MAX_DAYS } from '../../../functions/domain/access-log/listing-words';
import { instantOfJapanInput } from './officer';

/** The widest window one listing covers; the API refuses a wider one. */
export const MAX_WINDOW_DAYS = ACCESS_LOG_LISTING_MAX_DAYS;
export interface AccessLogFilters {
  /** datetime-local values in Japan time; empty for the API's defaults: `to` now, `from` 24 hours before `to`. */
  from: string;
  to: string;
  actor: string;
  subject: string;
}

export const NO_FILTERS: AccessLogFilters = { from: '', to: '', actor: '', subject: '' };

/**
 * The listing's query parameters. A later page sends only the cursor: it carries the window and the
 * filters of the listing it continues (an empty `to` was "now" when the listing began).
 */
export function listingParams(filters: AccessLogFilters, cursor?: string): Record<string, string | undefined> {
  if (cursor) return { cursor };
  return {
    from: instantOfJapanInput(filters.from) ?? (filters.from || undefined),
    to: instantOfJapanInput(filters.to) ?? (filters.to || undefined),
    actor: filters.actor.trim() || undefined,
    subject: filters.subject.trim() || undefined,
  };
}

export type { AccessLogEntry, AccessLogPage, BrokenLinkProblem, VerifyAnswer } from '../api-types';

/** The verification's body: from a digest date, or from the first entry. */
export function verifyBody(from: string | undefined): { from?: string } {
  return from ? { from } : {};
}

/** The digest date a 422 "Too much to verify in one call" suggests verifying from (its suggestedFrom member), when there is one. */
export function suggestedVerifyFrom(problem: {
  status: number;
  title: string;
  detail: string;
  suggestedFrom?: unknown;
}): string | undefined {
  if (problem.status !== 422) return undefined;
  if (typeof problem.suggestedFrom === 'string') return problem.suggestedFrom;
  return /"from": "(\d{4}-\d{2}-\d{2})"/.exec(problem.detail)?.[1];
}
