// The officer keeps the holder registry: registers every system and processor that holds personal
// data, changes it (a new version; the old ones stay, since tasks name the version they went to),
// retires it, and records the supervision reviews of processors (policy §6(2)B, APPI Art. 25).
// The registry names no person, yet every read and write by staff is access-logged (policy §6(1)).
import type { AccessLogWriter } from '../access-log/ports';
import { HolderAnswerError, HolderUnavailableError } from '../fulfilment/ports';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { futureJapanDateFault } from '../kernel/supplied-dates';
import { categoryById } from '../personal-data/categories';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { StaffActor } from '../staff';
import {
  type ConsignmentContract,
  contractFaults,
  type HolderReview,
  nextReviewDue,
  type ReviewOutcome,
  SUPERVISION_INTERVAL_MONTHS,
} from './contract';
import { type Holder, type HolderEndpoint, type HolderKind, holderUrlFault } from './holder';
import type { HolderDiscovery, HolderRegistry } from './ports';

/** What the officer says about a holder; the endpoint is discovered from baseUrl, never typed in. */
export interface HolderDetails {
  name: string;
  owner: string;
  categories: string[];
  purposes: string[];
  baseUrl: string;
  understandsDeskExtension: boolean;
  contract?: ConsignmentContract;
  supervisionEveryMonths?: number;
  /** The certificate fingerprint the holder gave the officer out of band: discovery must show the same. */
  confirmFingerprint?: string;
}

export interface HolderRegistration extends HolderDetails {
  holderId: string;
  kind: HolderKind;
}

export interface HolderChange extends HolderDetails {
  /** The version the change was made against: another change in between is a conflict (409). */
  version: number;
  reason: string;
  /** Fetch discovery and the certificate again although the URL is the same (a rotated certificate). */
  rediscover?: boolean;
}

/** How a holder stands today: its contract (for a processor) and its supervision. */
export interface HolderView extends Holder {
  contractInForce?: boolean;
  contractFaults?: string[];
  nextReviewDue?: string;
  reviewOverdue?: boolean;
}

export interface HolderDossier {
  holder: HolderView;
  versions: Holder[];
  reviews: HolderReview[];
}

export interface HolderDeps {
  holders: HolderRegistry;
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface HolderWriteDeps extends HolderDeps {
  discovery: HolderDiscovery;
  purposes: PurposeVersionReader;
  allowPlainHttp: boolean;
}

/** A discovery that could not be reached: 503, nothing stored, try again (the route says when). */
export class HolderDiscoveryUnavailable extends Error {
  override name = 'HolderDiscoveryUnavailable';
}

const unprocessable = (title: string, field: string, detail: string) =>
  new DeskProblem('unprocessable', title, `${field}: ${detail} Nothing was stored.`, [{ field, message: detail }]);

const normalisedFingerprint = (f: string) => f.replace(/[^0-9a-f]/gi, '').toUpperCase();

export function viewOfHolder(holder: Holder, reviews: readonly HolderReview[], now: Date): HolderView {
  if (holder.kind !== 'processor') return { ...holder };
  const day = japanDay(now);
  const faults = contractFaults(holder.contract, day);
  const due = holder.retiredAt
    ? undefined
    : nextReviewDue(holder.contract, holder.supervisionEveryMonths ?? SUPERVISION_INTERVAL_MONTHS, reviews);
  return {
    ...holder,
    contractInForce: faults.length === 0,
    contractFaults: faults,
    ...(due ? { nextReviewDue: due, reviewOverdue: day > due } : {}),
  };
}

async function logAccess(deps: HolderDeps, actor: StaffActor, action: 'read' | 'write', reason: string) {
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action,
    // The holder registry names no person: the entry records the read or write itself (policy §6(1)).
    subjects: [],
    fields: ['holders'],
    reason,
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
  });
}

async function checkDetails(deps: HolderWriteDeps, kind: HolderKind, details: HolderDetails, now: Date) {
  const title = 'Holder not stored';
  const urlFault = holderUrlFault(details.baseUrl, deps.allowPlainHttp);
  if (urlFault)
    throw unprocessable(title, 'baseUrl', `${urlFault}; holders are reached over HTTPS only (OpenDSR §3.3).`);
  const unknown = details.categories.filter((c) => !categoryById(c));
  if (unknown.length > 0)
    throw unprocessable(title, 'categories', `${unknown.join(', ')} is not a category of the registry.`);
  const purposes = registryOf(await deps.purposes.versions());
  const unregistered = details.purposes.filter((p) => !purposes.has(p));
  if (unregistered.length > 0)
    throw unprocessable(title, 'purposes', `${unregistered.join(', ')} is not a registered purpose of use.`);
  if (kind === 'internal-system') {
    if (details.contract)
      throw unprocessable(
        title,
        'contract',
        'only a processor has a consignment contract; an internal system has none.',
      );
    if (details.supervisionEveryMonths !== undefined)
      throw unprocessable(title, 'supervisionEveryMonths', 'only a processor is supervised by review.');
    return;
  }
  if (!details.contract)
    throw unprocessable(
      title,
      'contract',
      'a processor is entrusted data only under a consignment contract (policy §6(2)B, APPI Art. 25): record it.',
    );
  const c = details.contract;
  const signed = futureJapanDateFault(c.signedOn, now);
  if (signed) throw unprocessable(title, 'contract.signedOn', `${signed}.`);
  if (c.inForceFrom < c.signedOn)
    throw unprocessable(title, 'contract.inForceFrom', 'a contract comes into force on or after the day it is signed.');
  if (c.inForceUntil !== undefined && c.inForceUntil < c.inForceFrom)
    throw unprocessable(title, 'contract.inForceUntil', 'the contract cannot end before it comes into force.');
  const clauses = c.clauses.map((x) => x.clause);
  if (new Set(clauses).size !== clauses.length)
    throw unprocessable(title, 'contract.clauses', 'each clause is recorded once, with where the contract has it.');
}

async function discover(deps: HolderWriteDeps, details: HolderDetails, now: Date): Promise<HolderEndpoint> {
  let endpoint: HolderEndpoint;
  try {
    endpoint = await deps.discovery.discover(details.baseUrl, now);
  } catch (error) {
    if (error instanceof HolderUnavailableError) throw new HolderDiscoveryUnavailable(error.message);
    if (error instanceof HolderAnswerError)
      throw unprocessable('Holder discovery refused', 'baseUrl', `${error.message}.`);
    throw error;
  }
  if (
    details.confirmFingerprint !== undefined &&
    normalisedFingerprint(details.confirmFingerprint) !== normalisedFingerprint(endpoint.certificateFingerprint)
  ) {
    throw unprocessable(
      'Certificate fingerprint differs',
      'confirmFingerprint',
      `the holder's certificate has the SHA-256 fingerprint ${endpoint.certificateFingerprint}, not the one given; ask the holder which certificate it publishes before registering it.`,
    );
  }
  return endpoint;
}

const detailsOf = (d: HolderDetails) => ({
  name: d.name,
  owner: d.owner,
  categories: [...new Set(d.categories)],
  purposes: [...new Set(d.purposes)],
  understandsDeskExtension: d.understandsDeskExtension,
  ...(d.contract ? { contract: d.contract } : {}),
  ...(d.contract ? { supervisionEveryMonths: d.supervisionEveryMonths ?? SUPERVISION_INTERVAL_MONTHS } : {}),
});

/** POST /v1/staff/holders: the officer registers a holder; its discovery and certificate are fetched and pinned. */
export async function registerHolder(
  deps: HolderWriteDeps,
  actor: StaffActor,
  registration: HolderRegistration,
): Promise<HolderView> {
  const now = deps.clock.now();
  await checkDetails(deps, registration.kind, registration, now);
  if (await deps.holders.get(registration.holderId))
    throw new DeskProblem(
      'conflict',
      'Holder already registered',
      `holderId: "${registration.holderId}" is registered already; change it, or register another holder under a new id.`,
    );
  const endpoint = await discover(deps, registration, now);
  const holder: Holder = {
    holderId: registration.holderId,
    kind: registration.kind,
    ...detailsOf(registration),
    endpoint,
    version: 1,
    registeredAt: now.toISOString(),
    registeredBy: actor.staffId,
  };
  await logAccess(deps, actor, 'write', `holder ${holder.holderId}: registered`);
  if (!(await deps.holders.add(holder)))
    throw new DeskProblem(
      'conflict',
      'Holder already registered',
      `holderId: "${holder.holderId}" was registered at the same moment by someone else; open it and check.`,
    );
  return viewOfHolder(holder, [], now);
}

async function current(deps: HolderDeps, holderId: string): Promise<Holder> {
  const holder = await deps.holders.get(holderId);
  if (!holder)
    throw new DeskProblem('not-found', 'No such holder', `holderId: "${holderId}" is not in the holder registry.`);
  return holder;
}

const stale = (holderId: string) =>
  new DeskProblem(
    'conflict',
    'Holder changed meanwhile',
    `"${holderId}" was changed by someone else since you opened it; open it again and redo your change.`,
  );

function checkWritable(holder: Holder, version: number) {
  if (holder.retiredAt)
    throw new DeskProblem(
      'conflict',
      'Holder retired',
      `"${holder.holderId}" was retired on ${holder.retiredAt.slice(0, 10)}; a retired holder is kept as it was. Register a new one if it holds data again.`,
    );
  if (holder.version !== version) throw stale(holder.holderId);
}

/** PUT /v1/staff/holders/{holderId}: a new version; a new URL (or `rediscover`) fetches discovery and the certificate again. */
export async function changeHolder(
  deps: HolderWriteDeps,
  actor: StaffActor,
  holderId: string,
  change: HolderChange,
): Promise<HolderView> {
  const now = deps.clock.now();
  const before = await current(deps, holderId);
  checkWritable(before, change.version);
  await checkDetails(deps, before.kind, change, now);
  const endpoint =
    change.baseUrl !== before.endpoint.baseUrl || change.rediscover
      ? await discover(deps, change, now)
      : before.endpoint;
  const holder: Holder = {
    holderId,
    kind: before.kind,
    ...detailsOf(change),
    endpoint,
    version: before.version + 1,
    registeredAt: before.registeredAt,
    registeredBy: before.registeredBy,
    changedAt: now.toISOString(),
    changedBy: actor.staffId,
    changeReason: change.reason,
  };
  await logAccess(deps, actor, 'write', `holder ${holderId}: version ${holder.version}`);
  try {
    await deps.holders.replace(holder);
  } catch (error) {
    if (error instanceof StaleWriteError) throw stale(holderId);
    throw error;
  }
  return viewOfHolder(holder, await deps.holders.reviews(holderId), now);
}

/** POST /v1/staff/holders/{holderId}/retirement: it holds no data any more; kept, never deleted. */
export async function retireHolder(
  deps: HolderDeps,
  actor: StaffActor,
  holderId: string,
  retirement: { version: number; reason: string },
): Promise<HolderView> {
  const now = deps.clock.now();
  const before = await current(deps, holderId);
  checkWritable(before, retirement.version);
  const { changedAt: _a, changedBy: _b, changeReason: _c, ...kept } = before;
  const holder: Holder = {
    ...kept,
    version: before.version + 1,
    retiredAt: now.toISOString(),
    retiredBy: actor.staffId,
    retirementReason: retirement.reason,
  };
  await logAccess(deps, actor, 'write', `holder ${holderId}: retired`);
  try {
    await deps.holders.replace(holder);
  } catch (error) {
    if (error instanceof StaleWriteError) throw stale(holderId);
    throw error;
  }
  return viewOfHolder(holder, [], now);
}

/** POST /v1/staff/holders/{holderId}/reviews: a supervision review of a processor, with its findings. */
export async function recordHolderReview(
  deps: HolderDeps,
  actor: StaffActor,
  holderId: string,
  input: { reviewedOn: string; findings: string; outcome: ReviewOutcome },
): Promise<HolderDossier> {
  const now = deps.clock.now();
  const holder = await current(deps, holderId);
  if (holder.kind !== 'processor')
    throw new DeskProblem(
      'unprocessable',
      'Not a processor',
      `"${holderId}" is an internal system; supervision reviews are recorded for processors (policy §6(2)B).`,
    );
  if (holder.retiredAt)
    throw new DeskProblem('conflict', 'Holder retired', `"${holderId}" is retired; its supervision has ended.`);
  const future = futureJapanDateFault(input.reviewedOn, now);
  if (future)
    throw unprocessable('Review not recorded', 'reviewedOn', `${future}; record a review once it has taken place.`);
  const review: HolderReview = { holderId, ...input, recordedBy: actor.staffId, recordedAt: now.toISOString() };
  await logAccess(deps, actor, 'write', `holder ${holderId}: review of ${input.reviewedOn}`);
  if (!(await deps.holders.addReview(review)))
    throw new DeskProblem(
      'conflict',
      'Review recorded meanwhile',
      'Another review was recorded at this instant; reload and check.',
    );
  return dossier(deps, await current(deps, holderId), now);
}

async function dossier(deps: HolderDeps, holder: Holder, now: Date): Promise<HolderDossier> {
  const [versions, reviews] = await Promise.all([
    deps.holders.versions(holder.holderId),
    deps.holders.reviews(holder.holderId),
  ]);
  return {
    holder: viewOfHolder(holder, reviews, now),
    versions,
    reviews: [...reviews].sort(
      (a, b) => b.reviewedOn.localeCompare(a.reviewedOn) || b.recordedAt.localeCompare(a.recordedAt),
    ),
  };
}

/** GET /v1/staff/holders/{holderId}: the holder, every version, its reviews and when the next is due. */
export async function viewHolder(deps: HolderDeps, actor: StaffActor, holderId: string): Promise<HolderDossier> {
  const now = deps.clock.now();
  const holder = await current(deps, holderId);
  const found = await dossier(deps, holder, now);
  await logAccess(deps, actor, 'read', `holder ${holderId}`);
  return found;
}

/** GET /v1/staff/holders: every holder, retired ones last, with its contract and review standing. */
export async function listHolders(deps: HolderDeps, actor: StaffActor): Promise<{ items: HolderView[] }> {
  const now = deps.clock.now();
  const holders = await deps.holders.all();
  const views = await Promise.all(
    holders.map(async (h) =>
      viewOfHolder(h, h.kind === 'processor' ? await deps.holders.reviews(h.holderId) : [], now),
    ),
  );
  await logAccess(deps, actor, 'read', 'holder registry');
  return {
    items: views.sort(
      (a, b) => Number(Boolean(a.retiredAt)) - Number(Boolean(b.retiredAt)) || a.name.localeCompare(b.name),
    ),
  };
}
