// The optimal full-domain generalisation search (as ARX's Flash and OLA): every node of the lattice is
// a vector of levels, one per quasi-identifier; a node is acceptable when the records in classes that
// fail the privacy model (k-anonymity, and distinct l-diversity when l is set) are no more than the
// allowed share, those records being suppressed. Of the acceptable nodes the search returns the one
// with the least NCP information loss, ties going to the lowest level sum, then the lexicographically
// lowest vector: the exact optimum, found without computing every node.
//
// Why it can skip nodes, exactly:
//  - Monotonicity (predictive tagging): each level is a function of the one below, so raising a level
//    only merges classes, and a merged class fails only if both parts failed. So the suppressed records
//    never grow going up: every node above an acceptable node is acceptable, every node below an
//    unacceptable one is not.
//  - A lower bound on the loss: a suppressed record costs 1 per quasi-identifier, no less than any
//    generalised value, so a node's loss is at least the loss of generalising every record to it (no
//    suppression), which is a sum over attributes computed without grouping. Nodes are visited by that
//    bound, lowest first; once it exceeds the best loss found, no node left can beat it.
// Nodes are grouped from the frequency table of distinct quasi-identifier tuples, rolled up from the
// cached node below with the fewest classes.

/** The input of the search, encoded: each quasi-identifier's values are integers at each level. */
export interface EncodedTable {
  /** Records that went in. */
  records: number;
  /** Per quasi-identifier: levels, top included. */
  levels: readonly number[];
  /** step[a][l][id at level l] = id at level l + 1. */
  step: readonly (readonly Int32Array[])[];
  /** Distinct values per quasi-identifier per level. */
  sizes: readonly (readonly number[])[];
  /** ncp[a][l][id at level l]: the normalised certainty penalty of that value, in [0, 1]. */
  ncp: readonly (readonly Float64Array[])[];
  /** The distinct level-0 tuples, q ids each, flattened. */
  tuples: Int32Array;
  counts: Int32Array;
  /** Per tuple, per sensitive attribute, the value ids the tuple's records show (l-diversity only). */
  sensitive?: readonly (readonly (readonly number[])[])[];
}

export interface PrivacyTarget {
  k: number;
  l?: number;
  maxSuppression: number;
}

export interface NodeResult {
  levels: number[];
  acceptable: boolean;
  suppressed: number;
  loss: number;
}

export interface SearchResult {
  best: NodeResult | undefined;
  /** The top node's result: the least suppression any node reaches. */
  top: NodeResult;
  nodes: number;
  checked: number;
}

/** A class's sensitive values: the set while it holds fewer than l, true once l-diverse. */
type Diversity = Set<number> | true;

interface Classes {
  levels: number[];
  /** q ids per class at `levels`, flattened. */
  ids: Int32Array;
  counts: Int32Array;
  diversity?: Diversity[][];
}

const EPSILON = 1e-12;

export function search(table: EncodedTable, target: PrivacyTarget): SearchResult {
  const q = table.levels.length;
  const n = table.records;
  const l = target.l;
  const allowed = Math.floor(target.maxSuppression * n + 1e-9);
  const radix = table.levels;
  const nodes = radix.reduce((p, x) => p * x, 1);

  const decode = (index: number): number[] => {
    const v = new Array<number>(q);
    for (let a = q - 1; a >= 0; a -= 1) {
      v[a] = index % radix[a]!;
      index = Math.floor(index / radix[a]!);
    }
    return v;
  };
  const encode = (v: readonly number[]) => v.reduce((index, x, a) => index * radix[a]! + x, 0);

  // The loss of generalising every record, per attribute and level (the lower bound's terms).
  const generalisedLoss = table.levels.map((levels, a) =>
    Array.from({ length: levels }, (_, level) => {
      let sum = 0;
      for (let t = 0; t < table.counts.length; t += 1) {
        let id = table.tuples[t * q + a]!;
        for (let s = 0; s < level; s += 1) id = table.step[a]![s]![id]!;
        sum += table.counts[t]! * table.ncp[a]![level]![id]!;
      }
      return sum;
    }),
  );
  const lowerBound = (v: readonly number[]) =>
    n === 0 || q === 0 ? 0 : v.reduce((s, level, a) => s + generalisedLoss[a]![level]!, 0) / (n * q);

  const base: Classes = {
    levels: new Array<number>(q).fill(0),
    ids: table.tuples,
    counts: table.counts,
    diversity:
      l === undefined
        ? undefined
        : table.sensitive!.map((perAttribute) =>
            perAttribute.map((values) => (values.length >= l ? true : new Set(values))),
          ),
  };
  const cache = new Map<number, Classes>();
  let cached = 0;
  const CACHE_BUDGET = 4_000_000;
  const CACHE_NODES = 256;

  const mergeDiversity = (into: Diversity[], from: readonly Diversity[]) => {
    for (let s = 0; s < into.length; s += 1) {
      const a = into[s]!;
      const b = from[s]!;
      if (a === true) continue;
      if (b === true) {
        into[s] = true;
        continue;
      }
      for (const value of b) a.add(value);
      if (a.size >= l!) into[s] = true;
    }
  };

  const group = (v: readonly number[]): Classes => {
    // Roll up from the cached node below with the fewest classes, or from the tuples.
    let from = base;
    for (const classes of cache.values())
      if (classes.counts.length < from.counts.length && classes.levels.every((x, a) => x <= v[a]!)) from = classes;
    const sizes = v.map((level, a) => table.sizes[a]![level]!);
    const numeric = sizes.reduce((p, x) => p * x, 1) < Number.MAX_SAFE_INTEGER;
    const index = new Map<number | string, number>();
    const ids: number[] = [];
    const counts: number[] = [];
    const diversity: Diversity[][] | undefined = from.diversity ? [] : undefined;
    const tuple = new Int32Array(q);
    for (let c = 0; c < from.counts.length; c += 1) {
      let key: number | string = 0;
      for (let a = 0; a < q; a += 1) {
        let id = from.ids[c * q + a]!;
        for (let s = from.levels[a]!; s < v[a]!; s += 1) id = table.step[a]![s]![id]!;
        tuple[a] = id;
        if (numeric) key = (key as number) * sizes[a]! + id;
      }
      if (!numeric) key = tuple.join(',');
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, counts.length);
        for (let a = 0; a < q; a += 1) ids.push(tuple[a]!);
        counts.push(from.counts[c]!);
        if (diversity) diversity.push(from.diversity![c]!.map((d) => (d === true ? true : new Set(d))));
      } else {
        counts[at]! += from.counts[c]!;
        if (diversity) mergeDiversity(diversity[at]!, from.diversity![c]!);
      }
    }
    const classes: Classes = { levels: [...v], ids: Int32Array.from(ids), counts: Int32Array.from(counts), diversity };
    cache.set(encode(v), classes);
    cached += counts.length;
    for (const [key, old] of cache) {
      if ((cached <= CACHE_BUDGET && cache.size <= CACHE_NODES) || cache.size <= 1) break;
      cache.delete(key);
      cached -= old.counts.length;
    }
    return classes;
  };

  const evaluate = (v: readonly number[]): NodeResult => {
    const classes = cache.get(encode(v)) ?? group(v);
    let suppressed = 0;
    let released = 0;
    for (let c = 0; c < classes.counts.length; c += 1) {
      const count = classes.counts[c]!;
      const passes =
        count >= target.k && (classes.diversity === undefined || classes.diversity[c]!.every((d) => d === true));
      if (!passes) {
        suppressed += count;
        continue;
      }
      let penalty = 0;
      for (let a = 0; a < q; a += 1) penalty += table.ncp[a]![v[a]!]![classes.ids[c * q + a]!]!;
      released += count * penalty;
    }
    const loss = n === 0 || q === 0 ? 0 : (released + suppressed * q) / (n * q);
    return { levels: [...v], acceptable: suppressed <= allowed, suppressed, loss };
  };

  // Tags: 1 acceptable, -1 not, 0 not known yet.
  const tag = new Int8Array(nodes);
  const spread = (start: number, value: 1 | -1) => {
    const stack = [start];
    tag[start] = value;
    while (stack.length > 0) {
      const v = decode(stack.pop()!);
      for (let a = 0; a < q; a += 1) {
        const next = v[a]! + value;
        if (next < 0 || next >= radix[a]!) continue;
        v[a] = next;
        const index = encode(v);
        v[a] = next - value;
        if (tag[index] === value) continue;
        tag[index] = value;
        stack.push(index);
      }
    }
  };
  let checked = 0;
  const results = new Map<number, NodeResult>();
  const check = (index: number): NodeResult => {
    const known = results.get(index);
    if (known) return known;
    if (tag[index] === 0) checked += 1;
    const result = evaluate(decode(index));
    results.set(index, result);
    if (tag[index] === 0) spread(index, result.acceptable ? 1 : -1);
    return result;
  };

  const topIndex = nodes - 1;
  const top = check(topIndex);

  // Find the boundary fast along a few chains from the bottom to the top (a binary search on each, as
  // Flash does), so most nodes below it are tagged before the bounded visit.
  const chains: number[][] = [];
  for (let first = 0; first < q; first += 1) {
    const v = new Array<number>(q).fill(0);
    const chain = [encode(v)];
    for (let i = 0; i < q; i += 1) {
      const a = (first + i) % q;
      while (v[a]! < radix[a]! - 1) {
        v[a]! += 1;
        chain.push(encode(v));
      }
    }
    chains.push(chain);
  }
  if (top.acceptable)
    for (const chain of chains) {
      let lo = 0;
      let hi = chain.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const t = tag[chain[mid]!];
        const ok = t === 1 ? true : t === -1 ? false : check(chain[mid]!).acceptable;
        if (ok) hi = mid;
        else lo = mid + 1;
      }
    }

  // Visit by lower bound, then level sum, then lexicographically: the order of the tie-break.
  const order = Array.from({ length: nodes }, (_, i) => i);
  const vectors = order.map(decode);
  const bound = vectors.map(lowerBound);
  const sums = vectors.map((v) => v.reduce((s, x) => s + x, 0));
  const before = (i: number, j: number) => {
    if (sums[i] !== sums[j]) return sums[i]! < sums[j]!;
    return i < j; // the index is the vector read in mixed radix: lexicographic
  };
  order.sort((i, j) => bound[i]! - bound[j]! || sums[i]! - sums[j]! || i - j);
  let best: { index: number; result: NodeResult } | undefined;
  if (top.acceptable)
    for (const index of order) {
      if (best && bound[index]! > best.result.loss + EPSILON) break;
      if (tag[index] === -1) continue;
      const result = check(index);
      if (!result.acceptable) continue;
      if (
        !best ||
        result.loss < best.result.loss - EPSILON ||
        (Math.abs(result.loss - best.result.loss) <= EPSILON && before(index, best.index))
      )
        best = { index, result };
    }
  return { best: best?.result, top, nodes, checked };
}
