// A processor's consignment contract and its supervision (policy §6(2)B; APPI Art. 25; PPC General
// Guidelines 3-4-4 "supervision of entrusted persons"). The clauses the policy promises are data,
// each with its source, so the registry, the provision guard and the console read one list.
import { japanDay } from '../kernel/calendar';

/**
 * Policy §6(2)B: the consignment contract stipulates "security control measures, confidentiality,
 * conditions for re-consignment, return of personal information at the end of the consignment
 * contract"; PPC General Guidelines 3-4-4 (2) lists the same as what a consignment contract should hold.
 */
export const CONSIGNMENT_CLAUSES = [
  { id: 'security-measures', source: 'policy §6(2)B; APPI Art. 23, 25; PPC General Guidelines 3-4-4 (2)' },
  { id: 'confidentiality', source: 'policy §6(2)B; PPC General Guidelines 3-4-4 (2)' },
  { id: 're-consignment-approval', source: 'policy §6(2)B; APPI Art. 25; PPC General Guidelines 3-4-4 (2)' },
  { id: 'return-or-erasure', source: 'policy §6(2)B; PPC General Guidelines 3-4-4 (2)' },
] as const;
export type ConsignmentClauseId = (typeof CONSIGNMENT_CLAUSES)[number]['id'];
export const CONSIGNMENT_CLAUSE_IDS = CONSIGNMENT_CLAUSES.map((c) => c.id) as [
  ConsignmentClauseId,
  ...ConsignmentClauseId[],
];

/**
 * Policy §6(2)B promises "necessary and appropriate supervision"; PPC General Guidelines 3-4-4 (3)
 * asks the business to grasp periodically how the entrusted person handles the data (audits,
 * reports). The Act names no interval: the desk's default is a review every twelve months.
 */
export const SUPERVISION_INTERVAL_MONTHS = 12;
/** The longest interval the desk accepts for one processor: at least one review in three years. */
export const SUPERVISION_INTERVAL_MAX_MONTHS = 36;

export interface ContractClause {
  clause: ConsignmentClauseId;
  /** Where the contract stipulates it: article, annex or page. */
  reference: string;
}

export interface ConsignmentContract {
  /** The contract's own reference (number or file name). */
  reference: string;
  signedOn: string;
  inForceFrom: string;
  /** Absent: in force until terminated. */
  inForceUntil?: string;
  /** The clauses recorded as present, each with where the contract has it. */
  clauses: ContractClause[];
  /** Re-consignment is allowed only to these, approved by the desk's business (APPI Art. 25). */
  approvedSubProcessors: string[];
}

/** Why a contract is not in force on a Japan day (YYYY-MM-DD); empty when it is. */
export function contractFaults(contract: ConsignmentContract | undefined, day: string): string[] {
  if (!contract) return ['no consignment contract is recorded'];
  const faults: string[] = [];
  if (day < contract.inForceFrom) faults.push(`the contract comes into force on ${contract.inForceFrom}`);
  if (contract.inForceUntil !== undefined && day > contract.inForceUntil)
    faults.push(`the contract ended on ${contract.inForceUntil}`);
  const present = new Set(contract.clauses.filter((c) => c.reference.trim() !== '').map((c) => c.clause));
  const missing = CONSIGNMENT_CLAUSE_IDS.filter((id) => !present.has(id));
  if (missing.length > 0) faults.push(`the contract lacks the clauses ${missing.join(', ')} (policy §6(2)B)`);
  return faults;
}

export const contractInForce = (contract: ConsignmentContract | undefined, now: Date): boolean =>
  contractFaults(contract, japanDay(now)).length === 0;

export const REVIEW_OUTCOMES = ['adequate', 'improvements-required', 'inadequate'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** One supervision review of a processor, stored beside it as 'review#<recordedAt>'. */
export interface HolderReview {
  holderId: string;
  /** The Japan day the review took place. */
  reviewedOn: string;
  findings: string;
  outcome: ReviewOutcome;
  recordedBy: string;
  recordedAt: string;
}

/** A Japan day (YYYY-MM-DD) plus whole months; the last day of a shorter month when the day does not exist. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * The day the next review is due: the schedule's interval after the latest review, or after the
 * contract came into force when none is recorded yet.
 */
export function nextReviewDue(
  contract: ConsignmentContract | undefined,
  everyMonths: number,
  reviews: readonly Pick<HolderReview, 'reviewedOn'>[],
): string | undefined {
  const latest = reviews
    .map((r) => r.reviewedOn)
    .sort()
    .at(-1);
  const from = latest ?? contract?.inForceFrom;
  return from === undefined ? undefined : addMonths(from, everyMonths);
}
