// Carrying a published change or retirement to the records (policy §2(3), (4)), a bounded slice per
// run: each pending job continues its Scan from its cursor. A notify job e-mails every person with a
// live record carrying the purpose, through the outbox, within the SES sending rate; a recompute job
// sets the expiry of every record carrying a retired purpose. Both recompute the expiry of the
// records they pass with the registry as it now is, so a changed achievement rule reaches them too.

import { type Company, deskContact } from '../company';
import type { Clock } from '../kernel/ports';
import { personalDataExpiresAt, type SubjectLifecycle } from '../personal-data/expiry';
import type { SubjectLifecycleReader } from '../personal-data/ports';
import { purposeChangeMessage } from './notifications';
import type {
  AffectedRecord,
  AffectedRecordStore,
  NotificationOutbox,
  PurposeVersionReader,
  RolloutStore,
} from './ports';
import { type PurposeRegistry, type PurposeVersion, type RolloutCursor, type RolloutJob, registryOf } from './registry';
import type { FiscalYearSettings } from './tax-books';

/**
 * SES's default sending quota for an account out of the sandbox is 14 messages per second (Amazon
 * SES service quotas). Desk setting: the rate purpose-change notices are enqueued at; set
 * DESK_SES_MAX_SEND_RATE to the account's own quota.
 */
export const SES_MAX_SEND_RATE_PER_SECOND = 14;

/** Desk setting: items a rollout reads per Scan page (before its filter). */
export const ROLLOUT_SCAN_PAGE_SIZE = 250;
/** Desk setting: Scan pages per run, so a run's record updates stay well inside the worker's 60-second timeout. */
export const ROLLOUT_PAGES_PER_RUN = 8;

/** The sending rate from its setting (messages per second), or SES's default quota when unset. */
export function sendRatePerSecond(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return SES_MAX_SEND_RATE_PER_SECOND;
  const rate = Number(setting);
  if (!Number.isFinite(rate) || rate <= 0)
    throw new Error('DESK_SES_MAX_SEND_RATE must be a positive number of messages per second');
  return rate;
}

/** Messages one run may enqueue: a run interval's worth at the sending rate. */
export function messagesPerRun(ratePerSecond: number, runIntervalSeconds: number): number {
  return Math.floor(ratePerSecond * runIntervalSeconds);
}

/**
 * A record's expiry as the registry now has it. A record held only for retired purposes expires now,
 * for that reason (policy §2(4)); any other gets the latest achievement date of its purposes.
 */
export function recomputedExpiry(
  record: Pick<AffectedRecord, 'purposes' | 'acquiredAt'>,
  registry: PurposeRegistry,
  lifecycle: SubjectLifecycle | undefined,
  now: Date,
  fiscalYear?: FiscalYearSettings,
): { expiresAt?: number; erasureReason?: 'purpose-retired' } {
  const retiredOnly =
    record.purposes.length > 0 && record.purposes.every((id) => registry.get(id)?.status === 'retired');
  if (retiredOnly) return { expiresAt: Math.floor(now.getTime() / 1000), erasureReason: 'purpose-retired' };
  const expiresAt = personalDataExpiresAt(record, registry, lifecycle, fiscalYear);
  return expiresAt === undefined ? {} : { expiresAt };
}

export interface RolloutDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  purposes: PurposeVersionReader;
  rollouts: RolloutStore;
  records: AffectedRecordStore;
  lifecycles: SubjectLifecycleReader;
  outbox: NotificationOutbox;
  clock: Clock;
  /** The company's fiscal year, for records kept under tax law (tax-books.ts); the default when absent. */
  fiscalYear?: FiscalYearSettings;
}

export interface RolloutLimits {
  /** Notices this run may enqueue, across its jobs. */
  messages: number;
  /** Scan pages this run may read, across its jobs. */
  pages: number;
  pageSize: number;
}

export interface RolloutTally {
  jobs: number;
  finished: number;
  records: number;
  recomputed: number;
  messages: number;
  /** People affected who have no live e-mail address to tell. */
  unreachable: number;
}

const keyOf = (record: AffectedRecord): RolloutCursor => ({ subjectId: record.subjectId, recordId: record.recordId });

export async function advanceRollouts(deps: RolloutDeps, limits: RolloutLimits): Promise<RolloutTally> {
  const now = deps.clock.now();
  const versions = await deps.purposes.versions();
  const run = new RolloutRun(deps, versions, now, limits);
  const pending = versions
    .filter((v) => v.rollout?.state === 'pending')
    .sort((a, b) => Date.parse(a.effectiveFrom) - Date.parse(b.effectiveFrom));
  for (const version of pending) if (run.canAdvance(version.rollout!)) await run.advance(version);
  return run.tally;
}

class RolloutRun {
  readonly tally: RolloutTally = { jobs: 0, finished: 0, records: 0, recomputed: 0, messages: 0, unreachable: 0 };
  private readonly registry: PurposeRegistry;
  private readonly lifecycles = new Map<string, Promise<SubjectLifecycle | undefined>>();
  private messagesLeft: number;
  private pagesLeft: number;

  constructor(
    private readonly deps: RolloutDeps,
    private readonly versions: readonly PurposeVersion[],
    private readonly now: Date,
    private readonly limits: RolloutLimits,
  ) {
    this.registry = registryOf(versions);
    this.messagesLeft = limits.messages;
    this.pagesLeft = limits.pages;
  }

  /** A page left to read and, for a notify job, a message left to send. */
  canAdvance(job: RolloutJob): boolean {
    return this.pagesLeft > 0 && (job.kind !== 'notify' || this.messagesLeft > 0);
  }

  async advance(version: PurposeVersion): Promise<void> {
    this.tally.jobs += 1;
    let job = version.rollout!;
    const notified = new Set<string>();
    const previous = this.versions.find((v) => v.purposeId === version.purposeId && v.version === version.version - 1);
    while (this.canAdvance(job)) {
      this.pagesLeft -= 1;
      const page = await this.deps.records.page(version.purposeId, this.now, job.cursor, this.limits.pageSize);
      let cursor = job.cursor;
      let processed = job.processed;
      let outOfMessages = false;
      for (const record of page.records) {
        if (job.kind === 'notify' && this.messagesLeft === 0 && !notified.has(record.subjectId)) {
          outOfMessages = true;
          break;
        }
        await this.recompute(record);
        if (job.kind === 'notify') await this.notify(version, previous, record.subjectId, notified);
        cursor = keyOf(record);
        processed += 1;
        this.tally.records += 1;
      }
      const done = !outOfMessages && page.next === undefined;
      const next: RolloutJob = {
        kind: job.kind,
        state: done ? 'done' : 'pending',
        processed,
        ...(outOfMessages ? (cursor ? { cursor } : {}) : page.next ? { cursor: page.next } : {}),
      };
      // Another run saved first: it carries the job on; every write here was idempotent.
      if (!(await this.deps.rollouts.save(version, next, job.processed))) return;
      job = next;
      if (done) this.tally.finished += 1;
      if (done || outOfMessages) return;
    }
  }

  private lifecycleOf(subjectId: string): Promise<SubjectLifecycle | undefined> {
    let found = this.lifecycles.get(subjectId);
    if (!found) {
      found = this.deps.lifecycles.get(subjectId);
      this.lifecycles.set(subjectId, found);
    }
    return found;
  }

  private async recompute(record: AffectedRecord): Promise<void> {
    const expiry = recomputedExpiry(
      record,
      this.registry,
      await this.lifecycleOf(record.subjectId),
      this.now,
      this.deps.fiscalYear,
    );
    if (expiry.expiresAt === record.expiresAt && !expiry.erasureReason) return;
    if (await this.deps.records.setExpiry(record, expiry)) this.tally.recomputed += 1;
  }

  private async notify(
    version: PurposeVersion,
    previous: PurposeVersion | undefined,
    subjectId: string,
    notified: Set<string>,
  ): Promise<void> {
    if (notified.has(subjectId)) return;
    notified.add(subjectId);
    const [first, ...more] = await this.deps.records.addressesOf(subjectId, this.now);
    if (!first) {
      this.tally.unreachable += 1;
      return;
    }
    if (
      await this.deps.outbox.enqueueOnce(
        purposeChangeMessage(version, previous, subjectId, [first, ...more], this.now, deskContact(this.deps.company)),
      )
    ) {
      this.messagesLeft -= 1;
      this.tally.messages += 1;
    }
  }
}
