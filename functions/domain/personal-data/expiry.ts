// Policy §2(4): a record is erased when every one of its purposes is achieved. Its expiresAt is the
// latest achievement date of its purposes; a purpose whose event has not happened yet (a contract
// still running) keeps the record without an expiry. A retired purpose is achieved when retired.

import { japanDateOf } from '../kernel/calendar';
import type { ProvisionCessation, ProvisionCessationLift, ProvisionStop } from '../provisions/provision-cessation';
import type { PurposeRegistry, PurposeVersion } from '../purposes/registry';
import { DEFAULT_FISCAL_YEAR, type FiscalYearSettings, taxBooksRetention } from '../purposes/tax-books';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What happened to a person that purposes are counted from, and the flags their requests set. */
export interface SubjectLifecycle {
  subjectId: string;
  contractEndedAt?: string;
  lastActivityAt?: string;
  /**
   * Set by a cessation-of-use request (APPI Art. 35(1),(5)); every use check honours it. measure
   * erase also starts the erasure of the subject's records; a flag without one stops use only.
   */
  cessationOfUse?: { requestId: string; at: string; measure?: 'cease-use' | 'erase' };
  /**
   * Set by cessation-of-provision decisions (APPI Art. 35(3),(5)), read through cessationOf(): provision
   * stopped to every third party or to named recipients; an officer's lift ends a stop.
   */
  cessationOfProvision?: ProvisionCessation | ProvisionStop;
  /** The lifts of such stops, oldest first: what was lifted, by whom, when and why. */
  cessationOfProvisionLifts?: ProvisionCessationLift[];
}

export interface DatedRecord {
  acquiredAt: string;
  purposes: readonly string[];
}

/** When the purpose is achieved for this record, or undefined while its event has not happened. */
export function achievementDate(
  purpose: PurposeVersion,
  record: DatedRecord,
  lifecycle: SubjectLifecycle | undefined,
  fiscalYear: FiscalYearSettings = DEFAULT_FISCAL_YEAR,
): Date | undefined {
  if (purpose.status === 'retired') return new Date(purpose.retiredAt ?? purpose.effectiveFrom);
  const { after, days, statute } = purpose.achievement;
  let from: number | undefined;
  if (after === 'acquisition') from = Date.parse(record.acquiredAt);
  else if (after === 'contract-end')
    from = lifecycle?.contractEndedAt ? Date.parse(lifecycle.contractEndedAt) : undefined;
  else
    from = Math.max(
      Date.parse(record.acquiredAt),
      lifecycle?.lastActivityAt ? Date.parse(lifecycle.lastActivityAt) : 0,
    );
  if (from === undefined) return undefined;
  const byPolicy = from + days * DAY_MS;
  if (statute !== 'corporate-tax-books') return new Date(byPolicy);
  // The books of the fiscal year the event falls in (its Japan date) are kept in calendar years.
  return new Date(Math.max(byPolicy, taxBooksRetention(japanDateOf(new Date(from)), fiscalYear).endsAt.getTime()));
}

/**
 * The record's expiresAt in epoch seconds: the latest achievement date of its purposes, or undefined
 * while any purpose is not yet achieved. Throws for a purpose the registry never had.
 */
export function personalDataExpiresAt(
  record: DatedRecord,
  registry: PurposeRegistry,
  lifecycle: SubjectLifecycle | undefined,
  fiscalYear: FiscalYearSettings = DEFAULT_FISCAL_YEAR,
): number | undefined {
  let latest = 0;
  for (const id of record.purposes) {
    const purpose = registry.get(id);
    if (!purpose) throw new Error(`Purpose ${id} is not in the registry`);
    const achieved = achievementDate(purpose, record, lifecycle, fiscalYear);
    if (!achieved) return undefined;
    latest = Math.max(latest, achieved.getTime());
  }
  return Math.ceil(latest / 1000);
}

/** Why a record leaves: its purposes were achieved, a retired purpose ended it, or a request erased it. */
export const ERASURE_REASONS = ['ttl', 'purpose-retired', 'request'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];
