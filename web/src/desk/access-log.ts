// The access log as the officer and auditors read it (GET /v1/staff/access-log) and its verification
// (POST /v1/staff/access-log/verify): the window asked for, the paging, and the answers.
import { instantOfJapanInput } from './officer';

/** Copy of functions/domain/access-log/listing.ts ACCESS_LOG_LISTING_MAX_DAYS (tested equal). */
export const MAX_WINDOW_DAYS = 31;
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

export interface AccessLogEntry {
  chainId: string;
  seq: number;
  actor: string;
  role: string;
  action: 'read' | 'write';
  subjects: string[];
  fields: string[];
  reason: string;
  sourceIp: string;
  at: string;
}

export interface AccessLogPage {
  from: string;
  to: string;
  items: AccessLogEntry[];
  nextCursor?: string;
}

/** Copy of the contract's broken-link problems (functions/http/contract.ts accessLogVerifyResponse; tested equal). */
export const BROKEN_LINK_PROBLEMS = ['hash-mismatch', 'missing-entry', 'out-of-order', 'previous-hash-mismatch', 'digest-mismatch', 'digest-altered', 'digest-chain-broken'] as const;
export type BrokenLinkProblem = (typeof BROKEN_LINK_PROBLEMS)[number];

export type VerifyAnswer =
  | { verified: true; from: string | null; chains: Array<{ chainId: string; seq: number; hash: string; entriesChecked: number }>; digestsChecked: number; checkedAt: string }
  | { verified: false; from: string | null; firstBrokenLink: { problem: BrokenLinkProblem; chainId?: string; seq?: number; digestDate?: string; detail: string }; checkedAt: string };

/** The verification's body: from a digest date, or from the first entry. */
export function verifyBody(from: string | undefined): { from?: string } {
  return from ? { from } : {};
}

/** The digest date a 422 "Too much to verify in one call" suggests verifying from, when there is one. */
export function suggestedVerifyFrom(problem: { status: number; title: string; detail: string }): string | undefined {
  if (problem.status !== 422) return undefined;
  return /"from": "(\d{4}-\d{2}-\d{2})"/.exec(problem.detail)?.[1];
}
