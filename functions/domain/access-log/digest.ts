// The digests of the access log: every few minutes, the head (seq, hash) of every chain, written as a
// new object to a bucket under Object Lock. An entry removed from a chain's end, or a chain rewritten
// with fresh hashes, no longer matches a head a locked digest lists; only entries appended after the
// latest digest are not yet vouched for, and those for at most one interval. Digests chain to each
// other too.
import { createHash } from 'node:crypto';
import type { Clock } from '../kernel/ports';
import { canonicalJson, GENESIS_HASH } from './entry';
import type { AccessLogChains, AccessLogDigest, AccessLogDigestStore, ChainHead } from './ports';

/** Desk policy: minutes between digests unless DESK_ACCESS_LOG_DIGEST_MINUTES says otherwise; entries are unanchored at most this long. */
export const ACCESS_LOG_DIGEST_MINUTES = 5;
/** Desk policy: the longest interval allowed, so an entry is never unanchored for more than an hour. */
export const ACCESS_LOG_DIGEST_MAX_MINUTES = 60;

/** DESK_ACCESS_LOG_DIGEST_MINUTES, a whole number of minutes from 1 to 60, or ACCESS_LOG_DIGEST_MINUTES when unset. */
export function accessLogDigestMinutes(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return ACCESS_LOG_DIGEST_MINUTES;
  const minutes = Number(setting);
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > ACCESS_LOG_DIGEST_MAX_MINUTES) {
    throw new Error(
      `DESK_ACCESS_LOG_DIGEST_MINUTES must be a whole number of minutes from 1 to ${ACCESS_LOG_DIGEST_MAX_MINUTES}, not "${setting}"`,
    );
  }
  return minutes;
}

/** The start of the `minutes`-long interval `instant` falls in: runs in one interval write one digest, whatever retries the scheduler makes. */
export function digestSlot(instant: Date, minutes: number): string {
  const ms = minutes * 60_000;
  return new Date(Math.floor(instant.getTime() / ms) * ms).toISOString();
}

export function hashAccessLogDigest(digest: Omit<AccessLogDigest, 'digestHash'>): string {
  return createHash('sha256').update(canonicalJson(digest), 'utf8').digest('hex');
}

export function makeAccessLogDigest(
  slot: string,
  takenAt: Date,
  chains: ChainHead[],
  previous: AccessLogDigest | undefined,
): AccessLogDigest {
  const body = {
    slot,
    takenAt: takenAt.toISOString(),
    chains,
    previousSlot: previous?.slot ?? null,
    previousDigestHash: previous?.digestHash ?? GENESIS_HASH,
  };
  return { ...body, digestHash: hashAccessLogDigest(body) };
}

/** A stored digest as read back, or undefined when it is not shaped like one (which verification reports). */
export function asAccessLogDigest(value: unknown): AccessLogDigest | undefined {
  const v = value as Partial<AccessLogDigest> | undefined;
  const isHead = (h: Partial<ChainHead>) =>
    typeof h?.chainId === 'string' && Number.isInteger(h.seq) && typeof h.hash === 'string';
  const shaped =
    !!v &&
    typeof v.slot === 'string' &&
    typeof v.takenAt === 'string' &&
    typeof v.previousDigestHash === 'string' &&
    (v.previousSlot === null || typeof v.previousSlot === 'string') &&
    typeof v.digestHash === 'string' &&
    Array.isArray(v.chains) &&
    v.chains.every(isHead);
  return shaped ? (v as AccessLogDigest) : undefined;
}

/** How far back the writer lists digests before listing them all: a few days' worth covers any outage of the schedule but a long one. */
const RECENT_DIGESTS_MS = 3 * 24 * 60 * 60 * 1000;

/** The latest stored digest's slot: listed from a few days back, and from the start when none is that recent. */
export async function latestDigestSlot(digests: AccessLogDigestStore, now: Date): Promise<string | undefined> {
  const recent = await digests.slots(new Date(now.getTime() - RECENT_DIGESTS_MS).toISOString());
  return (recent.length ? recent : await digests.slots()).at(-1);
}

export interface DigestDeps {
  chains: AccessLogChains;
  digests: AccessLogDigestStore;
  clock: Clock;
  /** How long the digest stays locked: as long as the entries it vouches for are kept. */
  retentionSeconds: number;
  /** The schedule's interval (DESK_ACCESS_LOG_DIGEST_MINUTES). */
  intervalMinutes: number;
}

export type DigestOutcome =
  | { written: true; digest: AccessLogDigest }
  | { written: false; slot: string; reason: 'already-written' | 'unchanged' };

/**
 * Writes the digest of the current interval, once: a second run in the same interval finds it written
 * and does nothing. When no chain moved since the latest digest, nothing is written: that digest still
 * vouches for every head, and a quiet night costs no objects.
 */
export async function writeAccessLogDigest(deps: DigestDeps): Promise<DigestOutcome> {
  const now = deps.clock.now();
  const slot = digestSlot(now, deps.intervalMinutes);
  const latest = await latestDigestSlot(deps.digests, now);
  if (latest !== undefined && latest >= slot) return { written: false, slot, reason: 'already-written' };
  const previous = latest ? asAccessLogDigest(await deps.digests.get(latest)) : undefined;
  if (latest && !previous)
    throw new Error(
      `The access-log digest of ${latest} is not readable as a digest; verify the access log before writing another`,
    );
  const heads = (await Promise.all(deps.chains.chainIds().map((chainId) => deps.chains.head(chainId)))).filter(
    (head): head is ChainHead => head !== undefined,
  );
  if (previous && canonicalJson(previous.chains) === canonicalJson(heads))
    return { written: false, slot, reason: 'unchanged' };
  const digest = makeAccessLogDigest(slot, now, heads, previous);
  const retainUntil = new Date(now.getTime() + deps.retentionSeconds * 1000);
  return (await deps.digests.put(digest, retainUntil)) === 'written'
    ? { written: true, digest }
    : { written: false, slot, reason: 'already-written' };
}
