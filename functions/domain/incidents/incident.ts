// A leak, loss or damage of personal data (漏えい、滅失若しくは毀損; APPI Art. 26), as the desk
// records it: what happened, whose data, whether the Personal Information Protection Commission (PPC)
// must be told and by when, the reports made to it and the notices given to the persons. Every
// change is a new version, kept with who made it and when.
import type { ALTERNATIVE_MEASURE_WORDS } from './notice-words';

/** Art. 26(1): the three kinds of incident; one incident may be more than one. */
export const INCIDENT_KINDS = ['leak', 'loss', 'damage'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/**
 * draft: opened by an operator (or from a monitoring alert), not yet taken on by the officer;
 * open: the officer has registered it and answers for it; closed: the officer closed it, with a reason.
 */
export const INCIDENT_STATES = ['draft', 'open', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/**
 * The facts reportability turns on (Enforcement Rules Art. 7; My Number Act Art. 29-4 and the PPC
 * Rules on reports of specific personal information leaks Art. 2), each as the desk knows it now.
 * `true` also covers "may have" (おそれ): the Act treats a feared leak like a leak.
 */
export interface IncidentFactors {
  /** Special care-required personal information is involved (Rules Art. 7(1)). */
  specialCareRequired: boolean;
  /** Data whose misuse may cause financial loss, e.g. card numbers with security codes, bank log-ins (Rules Art. 7(2)). */
  financialLoss: boolean;
  /**
   * Caused for a wrongful purpose, e.g. an attack, theft or an insider taking data out, including
   * data being acquired by the business that is feared to be leaked (Rules Art. 7(3), as amended 2024).
   */
  wrongfulPurpose: boolean;
  /** Individual Numbers (My Number) are involved: the My Number Act's own rules apply too. */
  individualNumbers: boolean;
  /** Specific personal information was or may have been made viewable by many unspecified people (My Number leak rules). */
  publiclyViewable: boolean;
  /** All data involved was protected by advanced encryption or an equivalent measure: exempt (Rules Art. 7 proviso). */
  advancedEncryption: boolean;
  /**
   * The specific personal information was held in the information-provision network system or a system
   * used for Individual Number utilisation affairs (My Number leak rules Art. 2(1)); absent = no.
   */
  myNumberSystem?: boolean;
}

/** One rule of reportability as it applied to the incident (reportability.ts holds the rules). */
export interface RuleFinding {
  /** The rule's id in the law-as-data table, e.g. 'rules-7-1-special-care'. */
  rule: string;
  met: boolean;
  /** Why, in a sentence naming the fact and the rule. */
  because: string;
  /** Persons rules: the count read, and whether it was the confirmed one, the estimate or the linked subjects. */
  count?: number;
  countFrom?: 'confirmed' | 'estimated' | 'linked';
}

/** The desk's answer "reportable / not reportable, because …", kept with the version it was given for. */
export interface Reportability {
  reportable: boolean;
  /** The report goes to the PPC under the My Number Act as well (specific personal information). */
  underMyNumberAct: boolean;
  findings: RuleFinding[];
  assessedAt: string;
  /** The officer's override, only with a written reason: the answer the desk acts on is `override.reportable`. */
  override?: { reportable: boolean; reason: string; by: string; at: string };
}

/** The two reports to the PPC (Rules Art. 8(1) preliminary 速報, 8(2) final 確報). */
export const REPORT_KINDS = ['preliminary', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** When each report is due: instants (ISO), computed from awareness by the law-as-data deadlines. */
export interface ReportDeadlines {
  preliminaryDueAt: string;
  finalDueAt: string;
  /** 30 or 60 days (Rules Art. 8(2)): 60 where the cause was a wrongful purpose (Art. 7(3)). */
  finalDays: number;
}

/** A report the officer submitted on the PPC's form (outside the desk), recorded here. */
export interface ReportSubmission {
  kind: ReportKind;
  submittedAt: string;
  /** The receipt reference the PPC's form gave. */
  receiptReference: string;
  recordedBy: string;
  recordedAt: string;
  /** The incident version the report was generated from. */
  fromVersion: number;
  /**
   * One report served as both the preliminary and the final report (everything was known by the
   * preliminary report's time; the PPC takes one report as both): set on both records.
   */
  servesBoth?: boolean;
}

/** The persons involved: an estimate, a confirmed count, and how many are linked to registry subjects. */
export interface PersonsInvolved {
  estimated?: number;
  confirmed?: number;
  /** Registry subjects linked to the incident (the links are items of their own). */
  linked: number;
}

/** One version of an incident. `incident` items hold the current one; 'version#0001'… the history. */
export interface Incident {
  incidentId: string;
  version: number;
  state: IncidentState;
  kinds: IncidentKind[];
  /** When and how the company became aware: day one of every count (Rules Art. 8). */
  awareAt: string;
  awareHow: string;
  /** When it happened, if known. */
  occurredAt?: string;
  /** What happened (Rules Art. 8(1)(i) overview). */
  summary: string;
  /** Registry categories (personal-data/categories.ts) involved. */
  categories: string[];
  /** Data items in the company's own words, beyond the categories (Rules Art. 8(1)(ii)). */
  dataItems: string[];
  persons: PersonsInvolved;
  factors: IncidentFactors;
  /** Rules Art. 8(1)(iv)-(ix): cause, secondary damage, response to persons, publication, recurrence prevention, other. */
  cause: string;
  secondaryDamage: string;
  measuresTaken: string;
  publication: string;
  recurrencePrevention: string;
  other: string;
  /** The monitoring alert it was opened from, if any. */
  fromAlert?: string;
  reportability: Reportability;
  deadlines: ReportDeadlines;
  reports: Partial<Record<ReportKind, ReportSubmission>>;
  createdAt: string;
  createdBy: string;
  /** Who made this version and why, for every version after the first. */
  changedAt?: string;
  changedBy?: string;
  changeReason?: string;
  closedAt?: string;
  closedBy?: string;
  closeReason?: string;
  /** The notices given so far (Art. 26(2)): persons e-mailed, and persons unreachable for whom the alternative measure stands. */
  notices?: { sent: number; unreachable: number };
}

/** A registry subject linked to an incident: an item 'subject#<subjectId>' of its own, with its notice. */
export interface IncidentSubject {
  incidentId: string;
  subjectId: string;
  linkedAt: string;
  linkedBy: string;
  notice?: SubjectNotice;
}

/** How a person was told (Art. 26(2), Rules Art. 10), or the alternative measure where they could not be. */
export interface SubjectNotice {
  state: 'pending' | 'sent' | 'unreachable';
  decidedAt: string;
  decidedBy: string;
  /** The outbox message, once enqueued. */
  messageId?: string;
  sentAt?: string;
  language?: 'ja' | 'en';
  /** Art. 26(2) proviso: where notice is difficult, the measure taken instead (e.g. publication). */
  alternativeMeasure?: string;
  /** Which of the guidelines' measures (notice-items.ts ALTERNATIVE_MEASURES) `alternativeMeasure` describes. */
  alternativeMeasureKinds?: AlternativeMeasureKind[];
}

/** Art. 26(2) proviso, PPC guidelines 3-5-4-5: publication of the incident, a published contact point. */
export type AlternativeMeasureKind = keyof typeof ALTERNATIVE_MEASURE_WORDS;
