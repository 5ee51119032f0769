// What the audit register needs from outside: the plans, their results and findings.
import type { OutboxMessage } from '../outbox';
import type { AuditFinding, AuditPlan, AuditResult } from './audit';

export interface AuditReader {
  get(auditId: string): Promise<AuditPlan | undefined>;
  /** Every plan, latest planned date first. */
  list(): Promise<AuditPlan[]>;
  results(auditId: string): Promise<AuditResult[]>;
  findings(auditId: string): Promise<AuditFinding[]>;
  /** Every finding of every audit (the overdue actions). */
  allFindings(): Promise<AuditFinding[]>;
}

export interface AuditStore extends AuditReader {
  /** Adds a plan; false when its id is taken. */
  add(plan: AuditPlan): Promise<boolean>;
  /**
   * Stores a result, conditional on the audit still being planned and on the item's current result
   * being version `result.version - 1` (none for 1); StaleWriteError otherwise.
   */
  recordResult(result: AuditResult): Promise<void>;
  /** Adds a finding while the audit is planned; false when its id is taken; StaleWriteError when the audit closed meanwhile. */
  addFinding(finding: AuditFinding): Promise<boolean>;
  /** Replaces a finding conditional on its current version being `finding.version - 1`; StaleWriteError otherwise. */
  replaceFinding(finding: AuditFinding): Promise<void>;
  /** Replaces the plan conditional on its current version being `plan.version - 1`; StaleWriteError otherwise. */
  replacePlan(plan: AuditPlan): Promise<void>;
}

export interface CorrectiveActionReminders {
  /**
   * Enqueues the message and marks the reminder sent (item 'reminder#<findingId>#<due>' in the audit's
   * partition), all or nothing; false when it was sent already.
   */
  remind(finding: AuditFinding, message: OutboxMessage, now: Date): Promise<boolean>;
}
