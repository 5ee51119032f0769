// The audit register as the console reads it: the API's answers typed from the contract, the paths,
// and the plan form's body.
import type * as z from 'zod';
import type { auditListResponse, auditReportResponse } from '../../../functions/http/contract/audits';

export type AuditPlan = z.output<typeof auditListResponse>['audits'][number];
export type AuditReport = z.output<typeof auditReportResponse>;
export type ReportedFinding = AuditReport['findings'][number];

export const AUDITS_PATH = '/v1/staff/audits';
export const auditPath = (auditId: string) => `${AUDITS_PATH}/${encodeURIComponent(auditId)}`;
export const auditReportPath = (auditId: string) => `${auditPath(auditId)}/report`;
export const actionPath = (auditId: string, findingId: string) =>
  `${auditPath(auditId)}/findings/${encodeURIComponent(findingId)}/action`;

export interface PlanForm {
  title: string;
  scope: string;
  from: string;
  to: string;
  plannedOn: string;
  auditor: string;
  items: string[];
}

/** The plan's body: every item chosen sends none, so the plan covers the whole checklist. */
export function planBody(form: PlanForm, allItems: readonly string[]) {
  const everything = allItems.every((id) => form.items.includes(id));
  return {
    title: form.title,
    scope: form.scope,
    period: { from: form.from, to: form.to },
    plannedOn: form.plannedOn,
    auditor: form.auditor,
    ...(everything ? {} : { items: form.items }),
  };
}
