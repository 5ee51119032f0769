// POST /v1/staff/access-log/verify: walks every chain (sequence without gaps, each entry's hash over
// every stored attribute, its index day re-derived from its time, each link to its predecessor) and
// checks every digest (its own hash, its link to the digest before, and that each head it lists still
// stands with that hash, so a chain cut back or rewritten behind the latest digest shows). The first
// broken link is named: a broken log is an answer, not an error.

import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { asAccessLogDigest, hashAccessLogDigest } from './digest';
import { type ChainedAccessLogEntry, GENESIS_HASH, hashAccessLogEntry } from './entry';
import type { AccessLogChains, AccessLogDigest, AccessLogDigestStore, ChainHead } from './ports';

/** Desk policy: time one verification may take, leaving room inside the 15 s API function timeout. */
export const ACCESS_LOG_VERIFY_BUDGET_MS = 10_000;

export type BrokenLinkProblem =
  | 'hash-mismatch'
  | 'missing-entry'
  | 'out-of-order'
  | 'previous-hash-mismatch'
  | 'digest-mismatch'
  | 'digest-altered'
  | 'digest-chain-broken';

export interface BrokenLink {
  problem: BrokenLinkProblem;
  /** The chain and entry at fault; absent when a digest itself is. */
  chainId?: string;
  seq?: number;
  /** The digest that shows the fault, or is itself at fault: the Japan day and the slot it was taken in. */
  digestDate?: string;
  digestSlot?: string;
  detail: string;
}

export interface VerifiedChain extends ChainHead {
  entriesChecked: number;
}

export type AccessLogVerification =
  /** latestDigestAt: when the latest digest was taken; entries appended since are not yet anchored by one. */
  | {
      verified: true;
      from: string | null;
      chains: VerifiedChain[];
      digestsChecked: number;
      latestDigestAt: string | null;
      checkedAt: string;
    }
  | { verified: false; from: string | null; firstBrokenLink: BrokenLink; checkedAt: string };

export interface VerifyDeps {
  chains: AccessLogChains;
  digests: AccessLogDigestStore;
  clock: Clock;
}

class Broken extends Error {
  constructor(readonly link: BrokenLink) {
    super(link.detail);
  }
}

const tooLong = (latest: string | undefined) =>
  new DeskProblem(
    'unprocessable',
    'Too much to verify in one call',
    `The access log is too long to verify within ${ACCESS_LOG_VERIFY_BUDGET_MS / 1000} s. Verify from a recent digest instead, e.g. {"from": "${latest ?? 'YYYY-MM-DD'}"}: the digests before it were verified when they were the latest.`,
    undefined,
    { slug: 'too-much-to-verify-in-one-call', extensions: latest ? { suggestedFrom: latest } : {} },
  );

/** The stored entry at each sequence number of a chain, read from the anchor on. */
type Segment = Map<number, ChainedAccessLogEntry>;

async function readSegment(
  deps: VerifyDeps,
  chainId: string,
  fromSeq: number,
  deadline: number,
  latest: string | undefined,
): Promise<Segment> {
  const segment: Segment = new Map();
  for await (const page of deps.chains.entries(chainId, fromSeq)) {
    for (const entry of page) segment.set(entry.seq, entry);
    if (deps.clock.now().getTime() > deadline) throw tooLong(latest);
  }
  return segment;
}

/**
 * Walks one chain from its anchor: the genesis, or the head a digest lists. Returns the chain's head
 * and how many entries were checked; throws Broken at the first fault.
 */
function walkChain(
  chainId: string,
  segment: Segment,
  anchor: ChainHead | undefined,
  anchorDigest: AccessLogDigest | undefined,
): VerifiedChain {
  const seqs = [...segment.keys()].sort((a, b) => a - b);
  // Where each stored hash sits: an entry linking to a later entry's hash was moved.
  const seqOfHash = new Map([...segment.values()].map((e) => [e.hash, e.seq]));
  let previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  if (anchor) {
    const entry = segment.get(anchor.seq);
    const { digestDate, digestSlot, name } = digestNamed(anchorDigest!);
    if (!entry)
      throw new Broken({
        problem: 'missing-entry',
        chainId,
        seq: anchor.seq,
        digestDate,
        digestSlot,
        detail: `The digest of ${name} lists ${chainId} #${anchor.seq} as the head, and no such entry is stored.`,
      });
    if (entry.hash !== anchor.hash)
      throw new Broken({
        problem: 'digest-mismatch',
        chainId,
        seq: anchor.seq,
        digestDate,
        digestSlot,
        detail: `${chainId} #${anchor.seq} no longer has the hash the digest of ${name} lists for it.`,
      });
    previous = anchor;
  }
  for (const seq of seqs) {
    if (anchor && seq <= anchor.seq) continue;
    const entry = segment.get(seq)!;
    if (seq !== previous.seq + 1) {
      throw new Broken({
        problem: 'missing-entry',
        chainId,
        seq: previous.seq + 1,
        detail: `${chainId} jumps from #${previous.seq} to #${seq}: ${seq - previous.seq - 1} entr${seq - previous.seq - 1 === 1 ? 'y is' : 'ies are'} missing.`,
      });
    }
    const movedFrom = seqOfHash.get(entry.previousHash);
    const moved = movedFrom !== undefined && movedFrom >= seq;
    const { hash, ...content } = entry;
    if (hashAccessLogEntry(content) !== hash) {
      if (moved) throw outOfOrder(chainId, seq, movedFrom);
      throw new Broken({
        problem: 'hash-mismatch',
        chainId,
        seq,
        detail: `${chainId} #${seq} does not match its own hash: its content, its day or its expiry was changed after it was written, or an attribute added or removed.`,
      });
    }
    if (entry.day !== japanDay(new Date(entry.at))) {
      // The listing finds an entry by its day: one hashed with another day than its time's was written to be hidden.
      throw new Broken({
        problem: 'hash-mismatch',
        chainId,
        seq,
        detail: `${chainId} #${seq} is filed under ${entry.day}, not the Japan day of its time: the listing would not show it.`,
      });
    }
    if (entry.previousHash !== previous.hash) {
      if (moved) throw outOfOrder(chainId, seq, movedFrom);
      throw new Broken({
        problem: 'previous-hash-mismatch',
        chainId,
        seq,
        detail: `${chainId} #${seq} does not link to #${previous.seq}: the entry before it was replaced, or this one was rewritten.`,
      });
    }
    previous = { seq, hash };
    checked += 1;
  }
  return { chainId, ...previous, entriesChecked: checked };
}

function outOfOrder(chainId: string, seq: number, linkedSeq: number): Broken {
  return new Broken({
    problem: 'out-of-order',
    chainId,
    seq,
    detail: `${chainId} #${seq} links to the entry stored at #${linkedSeq}, which comes after it: entries were moved.`,
  });
}

/** How a broken link names a digest: its Japan day, its slot, and the two in words. */
function digestNamed(digest: Pick<AccessLogDigest, 'slot'>): { digestDate: string; digestSlot: string; name: string } {
  const digestDate = japanDay(new Date(digest.slot));
  return { digestDate, digestSlot: digest.slot, name: `${digestDate} (${digest.slot})` };
}

/** Digests read at once: keeps a verification from hundreds of digests inside its time without flooding S3. */
const DIGEST_READS_AT_ONCE = 16;

/** The first instant of a Japan day, as an ISO string. */
const startOfJapanDay = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();

/**
 * Reads the digests from the first of the Japan day `from` on (all when absent), oldest first; each
 * must be readable as a digest of its slot.
 */
async function readDigests(
  deps: VerifyDeps,
  from: string | undefined,
  deadline: number,
): Promise<{ digests: AccessLogDigest[]; before: AccessLogDigest | undefined }> {
  const slots = await deps.digests.slots(from ? startOfJapanDay(from) : undefined);
  if (from && (slots.length === 0 || japanDay(new Date(slots[0]!)) !== from)) {
    const all = await deps.digests.slots();
    const span = all.length
      ? `Digests exist from ${japanDay(new Date(all[0]!))} to ${japanDay(new Date(all.at(-1)!))}.`
      : 'No digest has been written yet.';
    throw new DeskProblem(
      'not-found',
      'No digest of that date',
      `There is no access-log digest of ${from}. ${span}`,
      undefined,
      { slug: 'no-digest-of-that-date' },
    );
  }
  const latestDay = slots.length ? japanDay(new Date(slots.at(-1)!)) : undefined;
  const read = async (slot: string, stored?: unknown) => {
    const digest = asAccessLogDigest(stored ?? (await deps.digests.get(slot)));
    if (!digest || digest.slot !== slot) {
      throw new Broken({
        problem: 'digest-altered',
        ...withoutName(digestNamed({ slot })),
        detail: `The digest stored for ${digestNamed({ slot }).name} is not a digest of that time.`,
      });
    }
    return digest;
  };
  const digests: AccessLogDigest[] = [];
  for (let i = 0; i < slots.length; i += DIGEST_READS_AT_ONCE) {
    digests.push(...(await Promise.all(slots.slice(i, i + DIGEST_READS_AT_ONCE).map((slot) => read(slot)))));
    if (deps.clock.now().getTime() > deadline) throw tooLong(latestDay);
  }
  // With `from`, the digest before the first one is read only to check its link. One gone is one past
  // its retention: while locked, no one can remove it.
  const previousSlot = from ? digests[0]?.previousSlot : null;
  const stored = previousSlot ? await deps.digests.get(previousSlot) : undefined;
  const before = previousSlot && stored !== undefined ? await read(previousSlot, stored) : undefined;
  return { digests, before };
}

function withoutName({ digestDate, digestSlot }: ReturnType<typeof digestNamed>) {
  return { digestDate, digestSlot };
}

function checkDigestChain(digests: AccessLogDigest[], before: AccessLogDigest | undefined, fromDigest: boolean): void {
  let previous: Pick<AccessLogDigest, 'slot' | 'digestHash'> | undefined = before;
  for (const [index, digest] of digests.entries()) {
    const named = digestNamed(digest);
    const { digestHash, ...body } = digest;
    if (hashAccessLogDigest(body) !== digestHash) {
      throw new Broken({
        problem: 'digest-altered',
        ...withoutName(named),
        detail: `The digest of ${named.name} does not match its own hash.`,
      });
    }
    // The first digest verified from a date may link to one past its retention.
    const unchecked = index === 0 && fromDigest && !before;
    const links = previous
      ? digest.previousDigestHash === previous.digestHash && digest.previousSlot === previous.slot
      : digest.previousDigestHash === GENESIS_HASH && digest.previousSlot === null;
    if (!unchecked && !links) {
      throw new Broken({
        problem: 'digest-chain-broken',
        ...withoutName(named),
        detail: `The digest of ${named.name} does not link to the digest before it: a digest was removed or replaced.`,
      });
    }
    previous = digest;
  }
}

function checkHeads(digests: AccessLogDigest[], segments: Map<string, Segment>): void {
  for (const digest of digests) {
    const named = digestNamed(digest);
    for (const head of digest.chains) {
      const segment = segments.get(head.chainId);
      const entry = segment?.get(head.seq);
      if (!entry) {
        const last = segment?.size ? Math.max(...segment.keys()) : 0;
        throw new Broken({
          problem: 'missing-entry',
          chainId: head.chainId,
          seq: head.seq,
          ...withoutName(named),
          detail: `The digest of ${named.name} lists ${head.chainId} #${head.seq}, and the chain now ends at #${last}: entries were removed from its end.`,
        });
      }
      if (entry.hash !== head.hash) {
        throw new Broken({
          problem: 'digest-mismatch',
          chainId: head.chainId,
          seq: head.seq,
          ...withoutName(named),
          detail: `${head.chainId} #${head.seq} no longer has the hash the digest of ${named.name} lists for it: the chain was rewritten.`,
        });
      }
    }
  }
}

export async function verifyAccessLog(
  deps: VerifyDeps,
  options: { from?: string } = {},
): Promise<AccessLogVerification> {
  const started = deps.clock.now();
  const deadline = started.getTime() + ACCESS_LOG_VERIFY_BUDGET_MS;
  const from = options.from ?? null;
  const checkedAt = started.toISOString();
  try {
    const { digests, before } = await readDigests(deps, options.from, deadline);
    checkDigestChain(digests, before, options.from !== undefined);
    const anchorDigest = options.from ? digests[0] : undefined;
    const latest = digests.at(-1) && japanDay(new Date(digests.at(-1)!.slot));
    const segments = new Map<string, Segment>();
    const chains: VerifiedChain[] = [];
    for (const chainId of deps.chains.chainIds()) {
      const anchor = anchorDigest?.chains.find((h) => h.chainId === chainId);
      const segment = await readSegment(deps, chainId, anchor?.seq ?? 1, deadline, latest);
      segments.set(chainId, segment);
      if (!anchor && segment.size > 0 && !segment.has(1)) {
        const first = Math.min(...segment.keys());
        throw new Broken({
          problem: 'missing-entry',
          chainId,
          seq: 1,
          detail: `${chainId} starts at #${first}: the entries before it are gone. If the log is older than its retention period, they expired; verify from a digest instead (body {"from": "YYYY-MM-DD"}).`,
        });
      }
      const verified = walkChain(chainId, segment, anchor, anchorDigest);
      if (verified.seq > 0) chains.push(verified);
    }
    checkHeads(digests, segments);
    return {
      verified: true,
      from,
      chains,
      digestsChecked: digests.length,
      latestDigestAt: digests.at(-1)?.takenAt ?? null,
      checkedAt,
    };
  } catch (error) {
    if (error instanceof Broken) return { verified: false, from, firstBrokenLink: error.link, checkedAt };
    throw error;
  }
}
