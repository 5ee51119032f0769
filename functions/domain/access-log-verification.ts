// POST /v1/staff/access-log/verify: walks every chain (sequence without gaps, each entry's hash over
// its content, each link to its predecessor) and checks every daily digest (its own hash, its link to
// the digest before, and that each head it lists still stands with that hash). The first broken link
// is named: a broken log is an answer, not an error.
import { GENESIS_HASH, hashAccessLogEntry, type ChainedAccessLogEntry } from './access-log';
import { asAccessLogDigest, hashAccessLogDigest, type AccessLogDigest, type ChainHead } from './access-log-digest';
import type { AccessLogChains, AccessLogDigestStore } from './access-log-ports';
import type { Clock } from './ports';
import { DeskProblem } from './problems';

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
  /** The digest that shows the fault, or is itself at fault. */
  digestDate?: string;
  detail: string;
}

export interface VerifiedChain extends ChainHead {
  entriesChecked: number;
}

export type AccessLogVerification =
  | { verified: true; from: string | null; chains: VerifiedChain[]; digestsChecked: number; checkedAt: string }
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

const tooLong = (latest: string | undefined) => new DeskProblem(
  'unprocessable',
  'Too much to verify in one call',
  `The access log is too long to verify within ${ACCESS_LOG_VERIFY_BUDGET_MS / 1000} s. Verify from a recent digest instead, e.g. {"from": "${latest ?? 'YYYY-MM-DD'}"}: the digests before it were verified when they were the latest.`,
);

/** The stored entry at each sequence number of a chain, read from the anchor on. */
type Segment = Map<number, ChainedAccessLogEntry>;

async function readSegment(deps: VerifyDeps, chainId: string, fromSeq: number, deadline: number, latest: string | undefined): Promise<Segment> {
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
function walkChain(chainId: string, segment: Segment, anchor: ChainHead | undefined, anchorDate: string | undefined): VerifiedChain {
  const seqs = [...segment.keys()].sort((a, b) => a - b);
  // Where each stored hash sits: an entry linking to a later entry's hash was moved.
  const seqOfHash = new Map([...segment.values()].map((e) => [e.hash, e.seq]));
  let previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  if (anchor) {
    const entry = segment.get(anchor.seq);
    if (!entry) throw new Broken({ problem: 'missing-entry', chainId, seq: anchor.seq, digestDate: anchorDate!, detail: `The digest of ${anchorDate} lists ${chainId} #${anchor.seq} as the head, and no such entry is stored.` });
    if (entry.hash !== anchor.hash) throw new Broken({ problem: 'digest-mismatch', chainId, seq: anchor.seq, digestDate: anchorDate!, detail: `${chainId} #${anchor.seq} no longer has the hash the digest of ${anchorDate} lists for it.` });
    previous = anchor;
  }
  for (const seq of seqs) {
    if (anchor && seq <= anchor.seq) continue;
    const entry = segment.get(seq)!;
    if (seq !== previous.seq + 1) {
      throw new Broken({ problem: 'missing-entry', chainId, seq: previous.seq + 1, detail: `${chainId} jumps from #${previous.seq} to #${seq}: ${seq - previous.seq - 1} entr${seq - previous.seq - 1 === 1 ? 'y is' : 'ies are'} missing.` });
    }
    const movedFrom = seqOfHash.get(entry.previousHash);
    const moved = movedFrom !== undefined && movedFrom >= seq;
    const { hash, ...content } = entry;
    if (hashAccessLogEntry(content) !== hash) {
      if (moved) throw outOfOrder(chainId, seq, movedFrom);
      throw new Broken({ problem: 'hash-mismatch', chainId, seq, detail: `${chainId} #${seq} does not match its own hash: its content was changed after it was written.` });
    }
    if (entry.previousHash !== previous.hash) {
      if (moved) throw outOfOrder(chainId, seq, movedFrom);
      throw new Broken({ problem: 'previous-hash-mismatch', chainId, seq, detail: `${chainId} #${seq} does not link to #${previous.seq}: the entry before it was replaced, or this one was rewritten.` });
    }
    previous = { seq, hash };
    checked += 1;
  }
  return { chainId, ...previous, entriesChecked: checked };
}

function outOfOrder(chainId: string, seq: number, linkedSeq: number): Broken {
  return new Broken({ problem: 'out-of-order', chainId, seq, detail: `${chainId} #${seq} links to the entry stored at #${linkedSeq}, which comes after it: entries were moved.` });
}

/** Reads the digests from `from` on (all when absent), oldest first; each must be readable as a digest. */
async function readDigests(deps: VerifyDeps, from: string | undefined): Promise<{ digests: AccessLogDigest[]; before: AccessLogDigest | undefined }> {
  const dates = await deps.digests.dates();
  if (from && !dates.includes(from)) {
    const span = dates.length ? `Digests exist from ${dates[0]} to ${dates.at(-1)}.` : 'No digest has been written yet.';
    throw new DeskProblem('not-found', 'No digest of that date', `There is no access-log digest of ${from}. ${span}`);
  }
  const read = async (date: string) => {
    const digest = asAccessLogDigest(await deps.digests.get(date));
    if (!digest || digest.date !== date) throw new Broken({ problem: 'digest-altered', digestDate: date, detail: `The digest stored for ${date} is not a digest of that date.` });
    return digest;
  };
  const selected = dates.filter((d) => !from || d >= from);
  const earlier = from ? dates.filter((d) => d < from).at(-1) : undefined;
  // The digest before `from` is read only to check the first one's link; without one, the first must start the digest chain.
  const before = earlier ? await read(earlier) : undefined;
  return { digests: await Promise.all(selected.map(read)), before };
}

function checkDigestChain(digests: AccessLogDigest[], before: AccessLogDigest | undefined): void {
  let previousHash = before?.digestHash ?? GENESIS_HASH;
  for (const digest of digests) {
    const { digestHash, ...body } = digest;
    if (hashAccessLogDigest(body) !== digestHash) {
      throw new Broken({ problem: 'digest-altered', digestDate: digest.date, detail: `The digest of ${digest.date} does not match its own hash.` });
    }
    if (digest.previousDigestHash !== previousHash) {
      throw new Broken({ problem: 'digest-chain-broken', digestDate: digest.date, detail: `The digest of ${digest.date} does not link to the digest before it: a digest was removed or replaced.` });
    }
    previousHash = digestHash;
  }
}

function checkHeads(digests: AccessLogDigest[], segments: Map<string, Segment>): void {
  for (const digest of digests) {
    for (const head of digest.chains) {
      const segment = segments.get(head.chainId);
      const entry = segment?.get(head.seq);
      if (!entry) {
        const last = segment && segment.size ? Math.max(...segment.keys()) : 0;
        throw new Broken({ problem: 'missing-entry', chainId: head.chainId, seq: head.seq, digestDate: digest.date, detail: `The digest of ${digest.date} lists ${head.chainId} #${head.seq}, and the chain now ends at #${last}: entries were removed from its end.` });
      }
      if (entry.hash !== head.hash) {
        throw new Broken({ problem: 'digest-mismatch', chainId: head.chainId, seq: head.seq, digestDate: digest.date, detail: `${head.chainId} #${head.seq} no longer has the hash the digest of ${digest.date} lists for it: the chain was rewritten.` });
      }
    }
  }
}

export async function verifyAccessLog(deps: VerifyDeps, options: { from?: string } = {}): Promise<AccessLogVerification> {
  const started = deps.clock.now();
  const deadline = started.getTime() + ACCESS_LOG_VERIFY_BUDGET_MS;
  const from = options.from ?? null;
  const checkedAt = started.toISOString();
  try {
    const { digests, before } = await readDigests(deps, options.from);
    checkDigestChain(digests, before);
    const anchorDigest = options.from ? digests[0] : undefined;
    const latest = digests.at(-1)?.date;
    const segments = new Map<string, Segment>();
    const chains: VerifiedChain[] = [];
    for (const chainId of deps.chains.chainIds()) {
      const anchor = anchorDigest?.chains.find((h) => h.chainId === chainId);
      const segment = await readSegment(deps, chainId, anchor?.seq ?? 1, deadline, latest);
      segments.set(chainId, segment);
      if (!anchor && segment.size > 0 && !segment.has(1)) {
        const first = Math.min(...segment.keys());
        throw new Broken({ problem: 'missing-entry', chainId, seq: 1, detail: `${chainId} starts at #${first}: the entries before it are gone. If the log is older than its retention period, they expired; verify from a digest instead (body {"from": "YYYY-MM-DD"}).` });
      }
      const verified = walkChain(chainId, segment, anchor, anchorDigest?.date);
      if (verified.seq > 0) chains.push(verified);
    }
    checkHeads(digests, segments);
    return { verified: true, from, chains, digestsChecked: digests.length, checkedAt };
  } catch (error) {
    if (error instanceof Broken) return { verified: false, from, firstBrokenLink: error.link, checkedAt };
    throw error;
  }
}
