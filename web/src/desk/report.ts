// The request report as the console lays it out (GET /v1/staff/reports/requests): a row per request
// type, a column per status a request can be counted in once it arrived, and the decided outcomes.
import type * as z from 'zod';
import { REQUEST_STATUSES } from '../../../functions/domain/requests/request-words';
import type { requestReportResponse } from '../../../functions/http/contract/requests';

export type RequestReport = z.output<typeof requestReportResponse>;

/** The statuses a request can be counted in once it arrived, in the order of its life. */
const COUNTED_STATUSES: readonly string[] = REQUEST_STATUSES.filter((s) => s !== 'awaiting-verification');
export const OUTCOMES = ['fulfilled', 'partially-fulfilled', 'refused'] as const;

/** The type-by-status table: a row per type the report counts, a column per status, with totals. */
export function reportMatrix(report: RequestReport) {
  const types = Object.keys(report.counts.byType).sort((a, b) => a.localeCompare(b));
  const statuses = REQUEST_STATUSES.filter((s) => COUNTED_STATUSES.includes(s) || (report.counts.byStatus[s] ?? 0) > 0);
  const cell = (type: string, status: string) =>
    report.counts.byTypeAndStatus.find((c) => c.type === type && c.status === status)?.count ?? 0;
  return { types, statuses, cell };
}
