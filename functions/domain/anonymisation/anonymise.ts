// A run of a dataset definition over the registry's records: refuse values a hierarchy does not cover,
// search the lattice for the generalisation that meets the privacy model with the least information
// loss (lattice.ts), suppress the records of the classes that still fail, and build the output: no
// subject id, deleted attributes absent, replaced ones a row number of the sorted output (Enforcement
// Rules Art. 34(iii): nothing links it back), with the risk report and the processing method.
import { DeskProblem, type ProblemField } from '../kernel/problems';
import type { AnonymisedDataset, DatasetColumn, RiskReport, SourceRecord } from './dataset';
import type { DatasetAttribute, DatasetDefinition, Hierarchy } from './definition';
import { type CompiledHierarchy, categoryWords, compileHierarchy, itemWords } from './hierarchies';
import { type EncodedTable, search } from './lattice';
import { ATTRIBUTE_TREATMENTS, INFORMATION_LOSS_METRIC, SUPPRESSED_VALUE } from './words';

type Generalised = DatasetAttribute & { hierarchy: Hierarchy };

interface QuasiIdentifier {
  index: number;
  attribute: Generalised;
  hierarchy: CompiledHierarchy;
}

/** What a replaced value becomes: the row's number in the sorted output. */
export const rowCode = (row: number) => `R${String(row).padStart(6, '0')}`;

const hierarchyGap = (errors: ProblemField[]) =>
  new DeskProblem(
    'unprocessable',
    'Values the hierarchy does not cover',
    `${errors.map((e) => `${e.field}: ${e.message}`).join('; ')} Nothing was made or published.`,
    errors,
    { slug: 'anonymisation-hierarchy-gap' },
  );

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

function modelUnmet(definition: DatasetDefinition, suppressedShare: number): DeskProblem {
  const { k, l, maxSuppression } = definition.model;
  const model = l === undefined ? `k = ${k}` : `k = ${k} with l = ${l}`;
  return new DeskProblem(
    'unprocessable',
    'Privacy model cannot be met',
    `Even with every attribute at its most general level, ${model} leaves ${percent(suppressedShare)} of the records to be suppressed, more than the ${percent(maxSuppression)} allowed. Lower k or l, allow more suppression, or draw on more records. Nothing was made or published.`,
    [{ field: 'model', message: `${model} needs ${percent(suppressedShare)} of the records suppressed` }],
    {
      slug: 'anonymisation-model-unmet',
      extensions: { k, ...(l === undefined ? {} : { l }), maxSuppression, suppressedShare },
    },
  );
}

/** The distinct values of each quasi-identifier as integers per level, and their NCP. */
function encode(
  source: readonly SourceRecord[],
  quasi: readonly QuasiIdentifier[],
  sensitive: readonly DatasetAttribute[],
  withDiversity: boolean,
): EncodedTable {
  const q = quasi.length;
  const perRecord = new Int32Array(source.length * q);
  const levelIds: Int32Array[][] = [];
  const sizes: number[][] = [];
  const step: Int32Array[][] = [];
  const ncp: Float64Array[][] = [];
  quasi.forEach(({ attribute, hierarchy }, a) => {
    // Level-0 ids, each with a raw value that stands for it: every level is a function of level 0.
    const ids = new Map<string, number>();
    const representatives: (string | undefined)[] = [];
    source.forEach((record, r) => {
      const raw = record.values[attribute.category];
      const finest = hierarchy.generalise(raw, 0)!;
      let id = ids.get(finest);
      if (id === undefined) {
        id = representatives.length;
        ids.set(finest, id);
        representatives.push(raw);
      }
      perRecord[r * q + a] = id;
    });
    const leaves = representatives.filter((raw) => raw !== undefined).length;
    const up: Int32Array[] = [];
    const levelSizes: number[] = [];
    const penalties: Float64Array[] = [];
    for (let level = 0; level < hierarchy.levels; level += 1) {
      const values = new Map<string, number>();
      const covered: number[] = [];
      const suppressedIds = new Set<number>();
      const map = new Int32Array(representatives.length);
      representatives.forEach((raw, id0) => {
        const shown = hierarchy.generalise(raw, level)!;
        let id = values.get(shown);
        if (id === undefined) {
          id = covered.length;
          values.set(shown, id);
          covered.push(0);
        }
        if (raw !== undefined) covered[id]! += 1;
        if (shown === SUPPRESSED_VALUE) suppressedIds.add(id);
        map[id0] = id;
      });
      up.push(map);
      levelSizes.push(covered.length);
      // NCP (Xu et al., 2006) over the leaves seen in the data: (leaves covered - 1) / (leaves - 1);
      // the suppressed value says nothing and costs 1.
      penalties.push(
        Float64Array.from(covered, (c, id) => (suppressedIds.has(id) ? 1 : leaves <= 1 ? 0 : (c - 1) / (leaves - 1))),
      );
    }
    levelIds.push(up);
    sizes.push(levelSizes);
    ncp.push(penalties);
    step.push(
      up.slice(0, -1).map((map, level) => {
        const next = new Int32Array(levelSizes[level]!);
        map.forEach((id, id0) => {
          next[id] = up[level + 1]![id0]!;
        });
        return next;
      }),
    );
  });

  // The frequency table: one entry per distinct level-0 tuple.
  const tupleIndex = new Map<string, number>();
  const tuples: number[] = [];
  const counts: number[] = [];
  const sensitiveSets: Set<string>[][] = [];
  source.forEach((record, r) => {
    const key = Array.from(perRecord.subarray(r * q, r * q + q)).join(',');
    let t = tupleIndex.get(key);
    if (t === undefined) {
      t = counts.length;
      tupleIndex.set(key, t);
      for (let a = 0; a < q; a += 1) tuples.push(perRecord[r * q + a]!);
      counts.push(0);
      if (withDiversity) sensitiveSets.push(sensitive.map(() => new Set<string>()));
    }
    counts[t]! += 1;
    if (withDiversity) sensitive.forEach((s, i) => sensitiveSets[t]![i]!.add(record.values[s.category] ?? ''));
  });
  const valueIds = sensitive.map(() => new Map<string, number>());
  const idOf = (i: number, value: string) => {
    const map = valueIds[i]!;
    let id = map.get(value);
    if (id === undefined) {
      id = map.size;
      map.set(value, id);
    }
    return id;
  };
  return {
    records: source.length,
    levels: quasi.map((x) => x.hierarchy.levels),
    step,
    sizes,
    ncp,
    tuples: Int32Array.from(tuples),
    counts: Int32Array.from(counts),
    sensitive: withDiversity
      ? sensitiveSets.map((sets) => sets.map((set, i) => [...set].map((value) => idOf(i, value))))
      : undefined,
  };
}

const compareRows = (a: readonly string[], b: readonly string[]) => {
  for (let i = 0; i < a.length; i += 1) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
};

export function anonymise(
  source: readonly SourceRecord[],
  definition: DatasetDefinition,
  referenceDate: string,
): AnonymisedDataset {
  const { k, l, maxSuppression } = definition.model;
  const quasi: QuasiIdentifier[] = definition.attributes.flatMap((attribute, index) =>
    attribute.treatment === 'generalise' && attribute.hierarchy
      ? [
          {
            index,
            attribute: attribute as Generalised,
            hierarchy: compileHierarchy(attribute.hierarchy, referenceDate),
          },
        ]
      : [],
  );
  const sensitive = definition.attributes.filter((a) => a.sensitive === true);

  // Every value must have its place in its hierarchy before anything is searched.
  const gaps: ProblemField[] = [];
  for (const { index, attribute, hierarchy } of quasi) {
    let uncovered = 0;
    for (const record of source) {
      const raw = record.values[attribute.category];
      if (raw !== undefined && hierarchy.generalise(raw, 0) === undefined) uncovered += 1;
    }
    if (uncovered > 0)
      gaps.push({
        field: `attributes.${index}.hierarchy`,
        message: `${uncovered} ${uncovered === 1 ? 'record has a value' : 'records have values'} of ${categoryWords(attribute.category).en} this hierarchy does not cover`,
      });
  }
  if (gaps.length > 0) throw hierarchyGap(gaps);

  const table = encode(source, quasi, sensitive, l !== undefined);
  const result = search(table, { k, l, maxSuppression });
  if (!result.best) throw modelUnmet(definition, source.length === 0 ? 0 : result.top.suppressed / source.length);
  const chosen = result.best.levels;

  // The classes at the chosen node, from the records themselves.
  const keyOf = (record: SourceRecord) =>
    quasi.map(({ attribute, hierarchy }, a) => hierarchy.generalise(record.values[attribute.category], chosen[a]!)!);
  const classes = new Map<string, { size: number; values: Set<string>[] }>();
  const keys = source.map((record) => {
    const cells = keyOf(record);
    const key = cells.join('\u0000');
    let entry = classes.get(key);
    if (!entry) {
      entry = { size: 0, values: sensitive.map(() => new Set<string>()) };
      classes.set(key, entry);
    }
    entry.size += 1;
    sensitive.forEach((s, i) => entry.values[i]!.add(record.values[s.category] ?? ''));
    return { key, cells };
  });
  const passes = (entry: { size: number; values: Set<string>[] }) =>
    entry.size >= k && (l === undefined || entry.values.every((set) => set.size >= l));

  const levelOf = new Map(quasi.map(({ index }, a) => [index, chosen[a]!]));
  const shown = definition.attributes.flatMap((attribute, index) =>
    attribute.treatment === 'delete' ? [] : [{ attribute, index }],
  );
  const columns: DatasetColumn[] = shown.map(({ attribute, index }) => {
    const treatment = attribute.treatment as DatasetColumn['treatment'];
    const level = levelOf.get(index) ?? 0;
    const words = categoryWords(attribute.category);
    const item =
      treatment === 'generalise'
        ? itemWords(attribute.category, attribute.hierarchy!, level)
        : treatment === 'replace'
          ? {
              ja: `${words.ja}（${ATTRIBUTE_TREATMENTS.replace.ja}）`,
              en: `${words.en} (${ATTRIBUTE_TREATMENTS.replace.en.toLowerCase()})`,
            }
          : words;
    return { category: attribute.category, treatment, level, item };
  });

  const rows: string[][] = [];
  const sizes: number[] = [];
  source.forEach((record, r) => {
    const { key, cells } = keys[r]!;
    const entry = classes.get(key)!;
    if (!passes(entry)) return;
    sizes.push(entry.size);
    let q = 0;
    rows.push(
      shown.map(({ attribute }) => {
        if (attribute.treatment === 'generalise') return cells[q++]!;
        if (attribute.treatment === 'keep') return record.values[attribute.category] ?? '';
        return ''; // replaced below, once the rows are in order
      }),
    );
  });
  // Sorted by their values (the replaced cells being all empty yet), so the order and the codes say
  // nothing of the input's order or of any original code.
  rows.sort(compareRows);
  const replaced = shown.flatMap(({ attribute }, c) => (attribute.treatment === 'replace' ? [c] : []));
  rows.forEach((row, i) => {
    for (const c of replaced) row[c] = rowCode(i + 1);
  });

  const released = rows.length;
  const releasedClasses = [...classes.values()].filter(passes);
  const smallestClass = releasedClasses.reduce((m, c) => Math.min(m, c.size), Number.POSITIVE_INFINITY);
  const report: RiskReport = {
    model: { k, ...(l === undefined ? {} : { l }), maxSuppression },
    records: source.length,
    released,
    suppressed: source.length - released,
    suppressedShare: source.length === 0 ? 0 : (source.length - released) / source.length,
    classes: releasedClasses.length,
    smallestClass: released === 0 ? 0 : smallestClass,
    highestRisk: released === 0 ? 0 : 1 / smallestClass,
    averageRisk: released === 0 ? 0 : releasedClasses.length / released,
    recordsAtRiskShare: released === 0 ? 0 : sizes.filter((size) => 1 / size > 1 / k).length / released,
    informationLoss: { metric: INFORMATION_LOSS_METRIC.id, value: result.best.loss },
    lattice: { nodes: result.nodes, checked: result.checked },
  };
  return {
    columns,
    rows,
    report,
    method: {
      definition,
      levels: Object.fromEntries(quasi.map(({ attribute }, a) => [attribute.category, chosen[a]!])),
      referenceDate,
    },
  };
}
