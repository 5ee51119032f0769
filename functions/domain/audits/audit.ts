// Audits of compliance with the safety management measures (policy §6(2)A; APPI Art. 23; PPC General
// Guidelines 10-3(5)): the officer plans an audit of chosen checklist items, an auditor records a
// result per item, findings carry a corrective action with an owner and a due date, and the officer
// follows each action to done.
import type { ActionStatus, AuditState, ResultOutcome } from './audit-words';

export interface AuditPlan {
  /** AUD-<Japan day planned>-<random>. */
  auditId: string;
  /** 1 when planned; each change of the plan item (closing it) is the next. */
  version: number;
  state: AuditState;
  title: string;
  scope: string;
  /** The Japan dates (YYYY-MM-DD) of the period whose handling is audited, both included. */
  period: { from: string; to: string };
  /** The Japan date the audit is to be carried out. */
  plannedOn: string;
  /** The staff id of the auditor, an account with the auditor role. */
  auditor: string;
  /** Checklist item ids (checklist.ts), in checklist order. */
  items: string[];
  plannedBy: string;
  plannedAt: string;
  closedBy?: string;
  closedAt?: string;
  /** The auditor's overall opinion, given on closing. */
  conclusion?: string;
}

export interface AuditResult {
  auditId: string;
  itemId: string;
  /** 1 for the first answer; a corrected answer is the next. */
  version: number;
  outcome: ResultOutcome;
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export interface CorrectiveAction {
  description: string;
  /** The staff id of the person who carries it out. */
  owner: string;
  /** The Japan date by which it is to be done. */
  dueOn: string;
  status: ActionStatus;
  /** What was done, once done. */
  outcome?: string;
  doneOn?: string;
}

export interface AuditFinding {
  auditId: string;
  /** F-<random>, unique within the audit. */
  findingId: string;
  version: number;
  /** The checklist item the finding is about. */
  itemId: string;
  description: string;
  action: CorrectiveAction;
  raisedBy: string;
  raisedAt: string;
  changedBy?: string;
  changedAt?: string;
}
