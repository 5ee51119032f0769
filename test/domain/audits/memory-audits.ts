// An in-memory AuditStore with the adapter's guarantees: conditional on the version read and on the
// plan still being planned; outbox messages and reminder markers put once.
import type { AuditFinding, AuditPlan, AuditResult } from '../../../functions/domain/audits/audit';
import type { AuditStore, CorrectiveActionReminders } from '../../../functions/domain/audits/ports';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { OutboxMessage } from '../../../functions/domain/outbox';

const clone = <T>(value: T): T => structuredClone(value);

export class MemoryAudits implements AuditStore, CorrectiveActionReminders {
  readonly plans = new Map<string, AuditPlan>();
  readonly resultsOf = new Map<string, AuditResult>();
  readonly findingsOf = new Map<string, AuditFinding>();
  readonly reminded = new Set<string>();
  readonly outbox: OutboxMessage[] = [];
  writes = 0;

  async get(auditId: string) {
    const plan = this.plans.get(auditId);
    return plan && clone(plan);
  }
  async list() {
    return [...this.plans.values()].map(clone).sort((a, b) => b.plannedOn.localeCompare(a.plannedOn));
  }
  async results(auditId: string) {
    return [...this.resultsOf.values()].filter((r) => r.auditId === auditId).map(clone);
  }
  async findings(auditId: string) {
    return [...this.findingsOf.values()].filter((f) => f.auditId === auditId).map(clone);
  }
  async allFindings() {
    return [...this.findingsOf.values()].map(clone);
  }
  async add(plan: AuditPlan) {
    if (this.plans.has(plan.auditId)) return false;
    this.plans.set(plan.auditId, clone(plan));
    this.writes++;
    return true;
  }
  private stillPlanned(auditId: string) {
    if (this.plans.get(auditId)?.state !== 'planned') throw new StaleWriteError();
  }
  async recordResult(result: AuditResult) {
    this.stillPlanned(result.auditId);
    const key = `${result.auditId}#${result.itemId}`;
    if ((this.resultsOf.get(key)?.version ?? 0) !== result.version - 1) throw new StaleWriteError();
    this.resultsOf.set(key, clone(result));
    this.writes++;
  }
  async addFinding(finding: AuditFinding) {
    const key = `${finding.auditId}#${finding.findingId}`;
    if (this.findingsOf.has(key)) return false;
    this.stillPlanned(finding.auditId);
    this.findingsOf.set(key, clone(finding));
    this.writes++;
    return true;
  }
  async replaceFinding(finding: AuditFinding) {
    const key = `${finding.auditId}#${finding.findingId}`;
    if (this.findingsOf.get(key)?.version !== finding.version - 1) throw new StaleWriteError();
    this.findingsOf.set(key, clone(finding));
    this.writes++;
  }
  async replacePlan(plan: AuditPlan) {
    if (this.plans.get(plan.auditId)?.version !== plan.version - 1) throw new StaleWriteError();
    this.plans.set(plan.auditId, clone(plan));
    this.writes++;
  }
  async remind(finding: AuditFinding, message: OutboxMessage) {
    const key = `reminder#${finding.findingId}#${finding.action.dueOn}`;
    if (this.reminded.has(key)) return false;
    this.reminded.add(key);
    this.outbox.push(clone(message));
    return true;
  }
}
