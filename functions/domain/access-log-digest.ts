// The daily digest of the access log (issue 6 item 4): the head (seq, hash) of every chain, written
// once a day to a bucket under Object Lock. An entry removed from a chain's end, or a chain rewritten
// with fresh hashes, no longer matches a head a locked digest lists. Digests chain to each other too.
import { createHash } from 'node:crypto';
import { canonicalJson, GENESIS_HASH } from './access-log';
import type { AccessLogChains, AccessLogDigestStore } from './access-log-ports';
import { japanDay } from './calendar';
import type { Clock } from './ports';

export interface ChainHead {
  chainId: string;
  seq: number;
  hash: string;
}

export interface AccessLogDigest {
  /** The Japan day the digest closes: heads as they stood when it was taken, soon after that day ended. */
  date: string;
  takenAt: string;
  chains: ChainHead[];
  previousDigestHash: string;
  digestHash: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The Japan day before the one `instant` falls on. */
export function previousJapanDay(instant: Date): string {
  return japanDay(new Date(instant.getTime() - DAY_MS));
}

export function hashAccessLogDigest(digest: Omit<AccessLogDigest, 'digestHash'>): string {
  return createHash('sha256').update(canonicalJson(digest), 'utf8').digest('hex');
}

export function makeAccessLogDigest(date: string, takenAt: Date, chains: ChainHead[], previous: AccessLogDigest | undefined): AccessLogDigest {
  const body = { date, takenAt: takenAt.toISOString(), chains, previousDigestHash: previous?.digestHash ?? GENESIS_HASH };
  return { ...body, digestHash: hashAccessLogDigest(body) };
}

/** A stored digest as read back, or undefined when it is not shaped like one (which verification reports). */
export function asAccessLogDigest(value: unknown): AccessLogDigest | undefined {
  const v = value as Partial<AccessLogDigest> | undefined;
  const isHead = (h: Partial<ChainHead>) => typeof h?.chainId === 'string' && Number.isInteger(h.seq) && typeof h.hash === 'string';
  const shaped = !!v && typeof v.date === 'string' && typeof v.takenAt === 'string' && typeof v.previousDigestHash === 'string'
    && typeof v.digestHash === 'string' && Array.isArray(v.chains) && v.chains.every(isHead);
  return shaped ? (v as AccessLogDigest) : undefined;
}

export interface DigestDeps {
  chains: AccessLogChains;
  digests: AccessLogDigestStore;
  clock: Clock;
  /** How long the digest stays locked: as long as the entries it vouches for are kept. */
  retentionSeconds: number;
}

export type DigestOutcome = { written: true; digest: AccessLogDigest } | { written: false; date: string };

/**
 * Writes the digest of the Japan day before now, once: a run finding it written does nothing, so the
 * schedule may run hourly and a failed run is made good by the next.
 */
export async function writeAccessLogDigest(deps: DigestDeps): Promise<DigestOutcome> {
  const now = deps.clock.now();
  const date = previousJapanDay(now);
  const dates = await deps.digests.dates();
  if (dates.includes(date)) return { written: false, date };
  const earlier = dates.filter((d) => d < date).at(-1);
  const previous = earlier ? asAccessLogDigest(await deps.digests.get(earlier)) : undefined;
  if (earlier && !previous) throw new Error(`The access-log digest of ${earlier} is not readable as a digest; verify the access log before writing another`);
  const heads = (await Promise.all(deps.chains.chainIds().map((chainId) => deps.chains.head(chainId))))
    .filter((head): head is ChainHead => head !== undefined);
  const digest = makeAccessLogDigest(date, now, heads, previous);
  const retainUntil = new Date(now.getTime() + deps.retentionSeconds * 1000);
  return (await deps.digests.put(digest, retainUntil)) === 'written' ? { written: true, digest } : { written: false, date };
}
