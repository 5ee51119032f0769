// A company system reports what achievement rules count from: the end of the contract, or new
// activity of the person. The lifecycle is saved, then every live record of the subject gets the
// expiresAt its purposes now give it (policy §2(4), APPI Art. 22: erase without delay once the
// purpose is achieved).
import type { Clock } from '../kernel/ports';
import { refuseFutureDates } from '../kernel/supplied-dates';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { FiscalYearSettings } from '../purposes/tax-books';
import { personalDataExpiresAt, type SubjectLifecycle } from './expiry';
import type { PersonalDataExpiry, SubjectEventChange, SubjectLifecycleReader, SubjectLifecycleWriter } from './ports';

export interface RecordSubjectEventDeps {
  lifecycles: SubjectLifecycleReader & SubjectLifecycleWriter;
  purposes: PurposeVersionReader;
  records: PersonalDataExpiry;
  clock: Clock;
  /** The company's fiscal year, for records kept under tax law (tax-books.ts); the default when absent. */
  fiscalYear?: FiscalYearSettings;
}

export interface SubjectEvent {
  event: 'contract-ended' | 'activity';
  at: string;
}

/** Updates written at once while recomputing: enough to be quick, few enough not to throttle. */
const PARALLEL_UPDATES = 25;

export async function recordSubjectEvent(deps: RecordSubjectEventDeps, subjectId: string, { event, at }: SubjectEvent) {
  const now = deps.clock.now();
  // The achievement rules count from these dates: one in the future would push erasure out.
  refuseFutureDates('Event not recorded', [{ field: 'body.at', instant: at }], now);
  // One format for every stored instant, so the adapter can compare them as strings.
  const instant = new Date(at).toISOString();
  const stored = await deps.lifecycles.get(subjectId);
  let change: SubjectEventChange | undefined;
  if (event === 'contract-ended') change = { contractEndedAt: instant };
  else if (!stored?.lastActivityAt || Date.parse(stored.lastActivityAt) < Date.parse(instant))
    change = { lastActivityAt: instant };
  const lifecycle = change ? await deps.lifecycles.save(subjectId, change) : stored;
  const recordsRecomputed = await recomputeExpiry(deps, subjectId, lifecycle, now);
  return { subjectId, recordsRecomputed };
}

/** Sets each live record's expiresAt to what its purposes and the lifecycle give; answers how many changed. */
async function recomputeExpiry(
  deps: RecordSubjectEventDeps,
  subjectId: string,
  lifecycle: SubjectLifecycle | undefined,
  now: Date,
): Promise<number> {
  const [versions, records] = await Promise.all([deps.purposes.versions(), deps.records.liveRecordsOf(subjectId, now)]);
  const registry = registryOf(versions);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  // A purpose achieved in the past is erased now: an expiry in the past would be hidden from reads but,
  // five years back or more, never deleted by DynamoDB TTL (DynamoDB Developer Guide, "Using TTL").
  const dueBy = (expiresAt: number | undefined) =>
    expiresAt === undefined ? undefined : Math.max(expiresAt, nowSeconds);
  const changes = records
    // A record being erased (purpose retired, or on request) keeps the expiry that erases it.
    .filter((r) => r.erasureReason === undefined)
    .map((r) => ({ record: r, expiresAt: dueBy(personalDataExpiresAt(r, registry, lifecycle, deps.fiscalYear)) }))
    .filter(({ record, expiresAt }) => record.expiresAt !== expiresAt);
  let changed = 0;
  for (let i = 0; i < changes.length; i += PARALLEL_UPDATES) {
    const done = await Promise.all(
      changes
        .slice(i, i + PARALLEL_UPDATES)
        .map(({ record, expiresAt }) => deps.records.setExpiry(subjectId, record.recordId, expiresAt)),
    );
    changed += done.filter(Boolean).length;
  }
  return changed;
}
