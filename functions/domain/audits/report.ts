// The audit report: the checklist as audited, each item's result, the findings and where their
// corrective actions stand, overdue ones marked. The same figures feed the overdue reminders and the
// desk report, so the page, the e-mail and the report cannot disagree.
import { japanDay } from '../kernel/calendar';
import type { AuditFinding, AuditPlan, AuditResult } from './audit';
import type { ResultOutcome } from './audit-words';
import { AUDIT_CHECKLIST, CHECKLIST_SOURCE, type ChecklistItem } from './checklist';

/** An action not done by the end of its due day (Japan time) is overdue from the next day. */
export const isOverdue = (finding: AuditFinding, now: Date) =>
  finding.action.status !== 'done' && finding.action.dueOn < japanDay(now);

/** Calendar days since the due day, the first day after it counted as 1. */
export const daysOverdue = (dueOn: string, now: Date) =>
  Math.round((Date.parse(japanDay(now)) - Date.parse(dueOn)) / 86_400_000);

export interface ReportedFinding extends AuditFinding {
  overdue: boolean;
  daysOverdue: number;
}

export interface AuditReport {
  audit: AuditPlan;
  basis: string;
  generatedAt: string;
  items: (ChecklistItem & { result?: AuditResult })[];
  findings: ReportedFinding[];
  tally: Record<ResultOutcome | 'unanswered', number> & { overdueActions: number; openActions: number };
}

const reported = (finding: AuditFinding, now: Date): ReportedFinding => {
  const overdue = isOverdue(finding, now);
  return { ...finding, overdue, daysOverdue: overdue ? daysOverdue(finding.action.dueOn, now) : 0 };
};

export function auditReport(
  plan: AuditPlan,
  results: readonly AuditResult[],
  findings: readonly AuditFinding[],
  now: Date,
): AuditReport {
  const byItem = new Map(results.map((r) => [r.itemId, r]));
  const items: AuditReport['items'] = AUDIT_CHECKLIST.filter((item) => plan.items.includes(item.id)).map((item) => {
    const result = byItem.get(item.id);
    return result ? { ...item, result } : { ...item };
  });
  const listed = [...findings]
    .sort((a, b) => a.action.dueOn.localeCompare(b.action.dueOn) || a.findingId.localeCompare(b.findingId))
    .map((f) => reported(f, now));
  const count = (outcome: ResultOutcome) => items.filter((i) => i.result?.outcome === outcome).length;
  return {
    audit: plan,
    basis: CHECKLIST_SOURCE,
    generatedAt: now.toISOString(),
    items,
    findings: listed,
    tally: {
      conforms: count('conforms'),
      'does-not-conform': count('does-not-conform'),
      'not-applicable': count('not-applicable'),
      unanswered: items.filter((i) => !i.result).length,
      openActions: listed.filter((f) => f.action.status !== 'done').length,
      overdueActions: listed.filter((f) => f.overdue).length,
    },
  };
}

/** The corrective actions past their due day, for the desk report: most overdue first. */
export function overdueCorrectiveActions(findings: readonly AuditFinding[], now: Date) {
  return findings
    .filter((f) => isOverdue(f, now))
    .map((f) => ({
      auditId: f.auditId,
      findingId: f.findingId,
      owner: f.action.owner,
      dueOn: f.action.dueOn,
      daysOverdue: daysOverdue(f.action.dueOn, now),
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.findingId.localeCompare(b.findingId));
}
