// Properties of a run on generated registries and definitions (fast-check): the search finds the exact
// optimum an exhaustive search finds; every released class has k records (and l sensitive values); no
// identifier or linking code of the input comes out; the same input gives the same output in any
// order; suppression stays within its limit; and no input record is singled out among the output rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymise } from '../../../functions/domain/anonymisation/anonymise';
import type { AnonymisedDataset, SourceRecord } from '../../../functions/domain/anonymisation/dataset';
import {
  type DatasetDefinition,
  type DatasetDefinitionInput,
  datasetDefinitionSchema,
} from '../../../functions/domain/anonymisation/definition';
import { compileHierarchy } from '../../../functions/domain/anonymisation/hierarchies';
import { DeskProblem } from '../../../functions/domain/kernel/problems';

const ON = '2026-12-07';
const SEED = 20261207;

const QUASI_IDENTIFIERS = {
  'date-of-birth': {
    hierarchy: { kind: 'age', bands: [5, 10], topCodeAt: 80 },
    values: [
      '1950-03-01',
      '1961-07-15',
      '1964-02-29',
      '1975-12-07',
      '1978-12-08',
      '1990-01-01',
      '1993-06-30',
      '2001-11-11',
    ],
  },
  gender: {
    hierarchy: { kind: 'table', levels: { 男性: ['性別'], 女性: ['性別'], その他: ['性別'] } },
    values: ['男性', '女性', 'その他'],
  },
  address: {
    hierarchy: { kind: 'address' },
    values: [
      '東京都千代田区神田1',
      '東京都新宿区西新宿2',
      '神奈川県横浜市中区3',
      '大阪府大阪市北区4',
      '大阪府堺市堺区5',
      '長野県北佐久郡軽井沢町6',
    ],
  },
  occupation: {
    hierarchy: {
      kind: 'table',
      levels: {
        会社員: ['被雇用者', '就業'],
        公務員: ['被雇用者', '就業'],
        自営業: ['自営', '就業'],
        学生: ['学生', '非就業'],
      },
    },
    values: ['会社員', '公務員', '自営業', '学生'],
  },
  'billing-history': {
    hierarchy: { kind: 'interval', widths: [1000, 5000], topCodeAt: 9000 },
    values: ['500', '1500', '4200', '7300', '12000'],
  },
} as const;
type Quasi = keyof typeof QUASI_IDENTIFIERS;
const QUASI = Object.keys(QUASI_IDENTIFIERS) as Quasi[];
const PLANS = ['ライト', 'スタンダード', 'プレミアム'];

interface Case {
  definition: DatasetDefinition;
  source: SourceRecord[];
}

const caseArbitrary: fc.Arbitrary<Case> = fc
  .record({
    quasi: fc.subarray(QUASI, { minLength: 0, maxLength: 4 }),
    k: fc.integer({ min: 2, max: 4 }),
    l: fc.option(fc.integer({ min: 2, max: 3 }), { nil: undefined }),
    maxSuppression: fc.constantFrom(0, 0.1, 0.2, 0.5),
    records: fc.array(
      fc.record({
        quasi: fc.tuple(
          ...QUASI.map((q) => fc.option(fc.constantFrom(...QUASI_IDENTIFIERS[q].values), { freq: 8, nil: undefined })),
        ),
        plan: fc.option(fc.constantFrom(...PLANS), { freq: 8, nil: undefined }),
      }),
      { maxLength: 40 },
    ),
  })
  .map(({ quasi, k, l, maxSuppression, records }) => {
    const input: DatasetDefinitionInput = {
      title: { ja: '生成', en: 'Generated' },
      purposes: ['usage-analysis'],
      attributes: [
        { category: 'name', treatment: 'delete' },
        { category: 'customer-id', treatment: 'replace' },
        ...quasi.map((category) => ({
          category,
          treatment: 'generalise' as const,
          hierarchy: QUASI_IDENTIFIERS[category].hierarchy,
        })),
        { category: 'contract', treatment: 'keep', ...(l === undefined ? {} : { sensitive: true }) },
      ] as DatasetDefinitionInput['attributes'],
      model: { k, l, maxSuppression },
    };
    const source = records.map((r, i) => ({
      subjectId: `subject-${String(i).padStart(4, '0')}`,
      values: {
        name: `氏名${i}`,
        'customer-id': `C-${900_000 + i}`,
        ...Object.fromEntries(QUASI.flatMap((q, a) => (r.quasi[a] === undefined ? [] : [[q, r.quasi[a]]]))),
        ...(r.plan === undefined ? {} : { contract: r.plan }),
      },
    }));
    return { definition: datasetDefinitionSchema.parse(input), source };
  });

/**
 * A case (found by fast-check) where two nodes tie on loss and the one with the lower level sum has the
 * higher lower bound, so the search meets it second: the tie must still go to it.
 */
const TIE_AFTER_A_LOWER_BOUND: Case = (() => {
  const people: [string | undefined, string | undefined, string | undefined][] = [
    ['男性', '長野県北佐久郡軽井沢町6', undefined],
    ['男性', '大阪府大阪市北区4', '学生'],
    [undefined, '東京都千代田区神田1', undefined],
    ['女性', '神奈川県横浜市中区3', undefined],
    ['女性', '東京都千代田区神田1', '会社員'],
    ['その他', '東京都新宿区西新宿2', '自営業'],
    ['その他', '大阪府大阪市北区4', '学生'],
    ['男性', undefined, undefined],
  ];
  return {
    definition: datasetDefinitionSchema.parse({
      title: { ja: '同点', en: 'Tie' },
      purposes: ['usage-analysis'],
      attributes: (['gender', 'address', 'occupation'] as const).map((category) => ({
        category,
        treatment: 'generalise' as const,
        hierarchy: QUASI_IDENTIFIERS[category].hierarchy,
      })),
      model: { k: 2, maxSuppression: 0.5 },
    } as DatasetDefinitionInput),
    source: people.map(([gender, address, occupation], i) => ({
      subjectId: `subject-${i}`,
      values: Object.fromEntries(
        Object.entries({ gender, address, occupation }).filter(([, v]) => v !== undefined),
      ) as Record<string, string>,
    })),
  };
})();

const generalised = (definition: DatasetDefinition) =>
  definition.attributes.flatMap((a) =>
    a.treatment === 'generalise' && a.hierarchy ? [{ ...a, hierarchy: a.hierarchy }] : [],
  );

/** Every node of the lattice, computed the plain way from the records: the exhaustive search. */
function exhaustive({ definition, source }: Case) {
  const quasi = generalised(definition).map((a) => ({ category: a.category, h: compileHierarchy(a.hierarchy, ON) }));
  const sensitive = definition.attributes.filter((a) => a.sensitive === true);
  const { k, l, maxSuppression } = definition.model;
  const n = source.length;
  const q = quasi.length;
  const nodes: number[][] = [[]];
  for (const { h } of quasi)
    nodes.splice(0, nodes.length, ...nodes.flatMap((v) => Array.from({ length: h.levels }, (_, x) => [...v, x])));
  const results = nodes.map((node) => {
    const classes = new Map<string, SourceRecord[]>();
    for (const record of source) {
      const key = quasi.map(({ category, h }, a) => h.generalise(record.values[category], node[a]!)).join('|');
      classes.set(key, [...(classes.get(key) ?? []), record]);
    }
    let suppressed = 0;
    let penalty = 0;
    for (const members of classes.values()) {
      const ok =
        members.length >= k &&
        (l === undefined || sensitive.every((s) => new Set(members.map((m) => m.values[s.category] ?? '')).size >= l));
      if (!ok) {
        suppressed += members.length;
        continue;
      }
      for (const record of members)
        quasi.forEach(({ category, h }, a) => {
          const leaves = new Set(
            source.flatMap((r) => (r.values[category] === undefined ? [] : [h.generalise(r.values[category], 0)])),
          );
          const shown = h.generalise(record.values[category], node[a]!);
          if (shown === '*') penalty += 1;
          else {
            const covered = new Set(
              source.flatMap((r) =>
                r.values[category] !== undefined && h.generalise(r.values[category], node[a]!) === shown
                  ? [h.generalise(r.values[category], 0)]
                  : [],
              ),
            ).size;
            penalty += leaves.size <= 1 ? 0 : (covered - 1) / (leaves.size - 1);
          }
        });
    }
    const loss = n === 0 || q === 0 ? 0 : (penalty + suppressed * q) / (n * q);
    return { node, acceptable: suppressed <= maxSuppression * n + 1e-9, loss };
  });
  return results.filter((r) => r.acceptable);
}

const run = ({ definition, source }: Case): AnonymisedDataset | DeskProblem => {
  try {
    return anonymise(source, definition, ON);
  } catch (error) {
    if (error instanceof DeskProblem) return error;
    throw error;
  }
};

const generalisedColumns = (out: AnonymisedDataset) =>
  out.columns.flatMap((c, i) => (c.treatment === 'generalise' ? [i] : []));

const classesOf = (out: AnonymisedDataset) => {
  const columns = generalisedColumns(out);
  const classes = new Map<string, string[][]>();
  for (const row of out.rows) {
    const key = columns.map((c) => row[c]).join('|');
    classes.set(key, [...(classes.get(key) ?? []), row]);
  }
  return classes;
};

const params = (runs: number) => ({ numRuns: runs, seed: SEED });

describe('the lattice search', () => {
  it('finds the least loss an exhaustive search finds, with the same tie-break, or refuses when no node is acceptable', () => {
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const acceptable = exhaustive(c);
        const out = run(c);
        if (acceptable.length === 0) {
          expect(out).toBeInstanceOf(DeskProblem);
          expect((out as DeskProblem).specifics.slug).toBe('anonymisation-model-unmet');
          return;
        }
        expect(out).not.toBeInstanceOf(DeskProblem);
        const dataset = out as AnonymisedDataset;
        const least = Math.min(...acceptable.map((r) => r.loss));
        expect(dataset.report.informationLoss.value).toBeCloseTo(least, 9);
        const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);
        const winner = acceptable
          .filter((r) => Math.abs(r.loss - least) < 1e-9)
          .sort((a, b) => sum(a.node) - sum(b.node) || a.node.join(',').localeCompare(b.node.join(',')))[0]!;
        expect(generalised(c.definition).map((a) => dataset.method.levels[a.category])).toEqual(winner.node);
        expect(dataset.report.lattice.checked).toBeLessThanOrEqual(dataset.report.lattice.nodes);
      }),
      { ...params(150), examples: [[TIE_AFTER_A_LOWER_BOUND]] },
    );
  });
});

describe('a run', () => {
  const datasets = fc.sample(caseArbitrary, params(300)).flatMap((c) => {
    const out = run(c);
    return out instanceof DeskProblem ? [] : [{ c, out }];
  });

  it('has released enough of the generated cases to say something', () => {
    expect(datasets.length).toBeGreaterThan(100);
  });

  it('releases only classes of at least k records, each showing at least l values of each sensitive attribute', () => {
    for (const { c, out } of datasets) {
      const sensitive = out.columns.flatMap((col, i) =>
        c.definition.attributes.find((a) => a.category === col.category)?.sensitive ? [i] : [],
      );
      for (const rows of classesOf(out).values()) {
        expect(rows.length).toBeGreaterThanOrEqual(c.definition.model.k);
        for (const s of sensitive)
          expect(new Set(rows.map((r) => r[s])).size).toBeGreaterThanOrEqual(c.definition.model.l!);
      }
      expect(out.report.smallestClass === 0 || out.report.smallestClass >= c.definition.model.k).toBe(true);
      expect(out.report.recordsAtRiskShare).toBe(0);
    }
  });

  it('lets out no subject id and no value of a deleted or replaced attribute', () => {
    for (const { c, out } of datasets) {
      const forbidden = new Set(
        c.source.flatMap((r) => [r.subjectId, r.values.name ?? '', r.values['customer-id'] ?? '']).filter(Boolean),
      );
      for (const row of out.rows) for (const cell of row) expect(forbidden.has(cell)).toBe(false);
      expect(out.columns.map((col) => col.category)).not.toContain('name');
      expect(JSON.stringify(out)).not.toMatch(/subject-\d{4}|C-9\d{5}|氏名\d/);
    }
  });

  it('suppresses no more than the model allows, and counts every record', () => {
    for (const { c, out } of datasets) {
      expect(out.report.suppressedShare).toBeLessThanOrEqual(c.definition.model.maxSuppression + 1e-12);
      expect(out.report.released + out.report.suppressed).toBe(c.source.length);
      expect(out.rows).toHaveLength(out.report.released);
    }
  });

  it('gives the same output for the same input in any order', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.infiniteStream(fc.double({ noNaN: true })), (c, keys) => {
        const shuffled = c.source
          .map((record) => ({ record, key: keys.next().value as number }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.record);
        expect(run({ ...c, source: shuffled })).toEqual(run(c));
        expect(run(c)).toEqual(run(c));
      }),
      params(100),
    );
  });

  it('singles no one out: the rows matching any input record are none or at least k', () => {
    for (const { c, out } of datasets) {
      const quasi = generalised(c.definition).map((a) => ({
        category: a.category,
        h: compileHierarchy(a.hierarchy, ON),
        column: out.columns.findIndex((col) => col.category === a.category),
      }));
      for (const record of c.source) {
        const matching = out.rows.filter((row) =>
          quasi.every(
            ({ category, h, column }) =>
              row[column] === h.generalise(record.values[category], out.method.levels[category]!),
          ),
        ).length;
        expect(matching === 0 || matching >= c.definition.model.k).toBe(true);
      }
    }
  });
});
