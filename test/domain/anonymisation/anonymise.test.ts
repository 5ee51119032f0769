// A run on worked examples: the output's columns and rows, the risk report, the processing method, and
// the refusals (a value a hierarchy does not cover; a model no node meets).
import { describe, expect, it } from 'vitest';
import { BENCH_DEFINITION, syntheticRegistry } from '../../../bench/anonymisation';
import { anonymise, rowCode } from '../../../functions/domain/anonymisation/anonymise';
import type { SourceRecord } from '../../../functions/domain/anonymisation/dataset';
import {
  type DatasetDefinitionInput,
  datasetDefinitionSchema,
} from '../../../functions/domain/anonymisation/definition';
import { DeskProblem } from '../../../functions/domain/kernel/problems';

const ON = '2026-12-07';

const definition = (model: DatasetDefinitionInput['model'] = { k: 2, maxSuppression: 0.2 }) =>
  datasetDefinitionSchema.parse({
    title: { ja: '契約者の属性', en: 'Customer attributes' },
    purposes: ['usage-analysis'],
    attributes: [
      { category: 'name', treatment: 'delete' },
      { category: 'customer-id', treatment: 'replace' },
      { category: 'date-of-birth', treatment: 'generalise', hierarchy: { kind: 'age', bands: [10] } },
      { category: 'address', treatment: 'generalise', hierarchy: { kind: 'address' } },
      { category: 'contract', treatment: 'keep', ...(model.l ? { sensitive: true } : {}) },
    ],
    model,
  } satisfies DatasetDefinitionInput);

const person = (i: number, dateOfBirth: string, address: string, contract?: string): SourceRecord => ({
  subjectId: `subject-${i}`,
  values: {
    name: `氏名${i}`,
    'customer-id': `C-${1000 + i}`,
    'date-of-birth': dateOfBirth,
    address,
    ...(contract ? { contract } : {}),
  },
});

// Two people in their thirties in Chiyoda, two in their thirties in Shinjuku, and one in Osaka.
const registry = [
  person(1, '1990-01-10', '東京都千代田区神田錦町1-2-3', 'スタンダード'),
  person(2, '1992-05-05', '東京都千代田区丸の内1', 'ライト'),
  person(3, '1988-03-03', '東京都新宿区西新宿2', 'プレミアム'),
  person(4, '1995-09-09', '東京都新宿区新宿3'),
  person(5, '1960-06-06', '大阪府大阪市北区梅田1', 'ライト'),
];

describe('anonymise', () => {
  it('generalises as little as k allows, suppressing the rare record, and builds the columns and rows', () => {
    const out = anonymise(registry, definition(), ON);
    // Ages in 10-year bands at municipality level leaves the Osaka record alone: suppressed (1 of 5 = 20%).
    expect(out.method.levels).toEqual({ 'date-of-birth': 1, address: 0 });
    expect(out.columns).toEqual([
      {
        category: 'customer-id',
        treatment: 'replace',
        level: 0,
        item: {
          ja: 'お客様番号（連結できない符号に置換）',
          en: 'Customer number (replaced by a code that cannot be linked back)',
        },
      },
      {
        category: 'date-of-birth',
        treatment: 'generalise',
        level: 1,
        item: { ja: '年齢（10歳階級）', en: 'Age (10-year bands)' },
      },
      {
        category: 'address',
        treatment: 'generalise',
        level: 0,
        item: { ja: '住所（市区町村）', en: 'Address (municipality)' },
      },
      { category: 'contract', treatment: 'keep', level: 0, item: { ja: '契約内容', en: 'Contract details' } },
    ]);
    expect(out.rows).toEqual([
      ['R000001', '30-39', '東京都千代田区', 'スタンダード'],
      ['R000002', '30-39', '東京都千代田区', 'ライト'],
      ['R000003', '30-39', '東京都新宿区', ''],
      ['R000004', '30-39', '東京都新宿区', 'プレミアム'],
    ]);
    expect(out.report).toEqual({
      model: { k: 2, maxSuppression: 0.2 },
      records: 5,
      released: 4,
      suppressed: 1,
      suppressedShare: 0.2,
      classes: 2,
      smallestClass: 2,
      highestRisk: 0.5,
      averageRisk: 0.5,
      recordsAtRiskShare: 0,
      // Age: 4 ages, each band of 4 covers 4 leaves of 5 seen: 3/4; municipality: exact (0); the
      // suppressed record costs 1 on both: (4 × 0.75 + 4 × 0 + 2) / (5 × 2) = 0.5.
      informationLoss: { metric: 'ncp', value: 0.5 },
      lattice: { nodes: 12, checked: expect.any(Number) },
    });
    expect(out.method).toEqual({ definition: definition(), levels: out.method.levels, referenceDate: ON });
  });

  it('numbers replaced codes after the order of the other values, whatever the original codes', () => {
    const renumbered = registry.map((r, i) => ({ ...r, values: { ...r.values, 'customer-id': `Z-${9 - i}` } }));
    expect(anonymise(renumbered, definition(), ON).rows).toEqual(anonymise(registry, definition(), ON).rows);
    expect(rowCode(12)).toBe('R000012');
  });

  it('meets l-diversity by generalising further', () => {
    const out = anonymise(registry, definition({ k: 2, l: 2, maxSuppression: 0.2 }), ON);
    const classes = new Map<string, Set<string>>();
    for (const [, age, address, contract] of out.rows)
      classes.set(`${age}|${address}`, (classes.get(`${age}|${address}`) ?? new Set()).add(contract!));
    expect(classes.size).toBeGreaterThan(0);
    for (const contracts of classes.values()) expect(contracts.size).toBeGreaterThanOrEqual(2);
    expect(out.report.model).toEqual({ k: 2, l: 2, maxSuppression: 0.2 });
  });

  it('releases nothing of an empty registry, and says so', () => {
    const out = anonymise([], definition(), ON);
    expect(out.rows).toEqual([]);
    expect(out.report).toMatchObject({ records: 0, released: 0, classes: 0, smallestClass: 0, highestRisk: 0 });
  });

  it('refuses values a hierarchy does not cover, naming the attribute and how many, never whose', () => {
    const broken = [...registry, person(6, '1990-02-30', 'Kanda, Tokyo'), person(7, '1991-01-01', '千代田区')];
    const error = (() => {
      try {
        anonymise(broken, definition(), ON);
      } catch (e) {
        return e;
      }
    })() as DeskProblem;
    expect(error).toBeInstanceOf(DeskProblem);
    expect(error.kind).toBe('unprocessable');
    expect(error.specifics.slug).toBe('anonymisation-hierarchy-gap');
    expect(error.errors).toEqual([
      { field: 'attributes.2.hierarchy', message: expect.stringMatching(/^1 record has a value of Date of birth/) },
      { field: 'attributes.3.hierarchy', message: expect.stringMatching(/^2 records have values of Address/) },
    ]);
    expect(JSON.stringify(error)).not.toMatch(/subject-|Kanda|千代田区/);
  });

  it('refuses a model no node meets within the suppression limit, naming k and the share', () => {
    const error = (() => {
      try {
        anonymise(registry, definition({ k: 6, maxSuppression: 0.1 }), ON);
      } catch (e) {
        return e;
      }
    })() as DeskProblem;
    expect(error).toBeInstanceOf(DeskProblem);
    expect(error.specifics).toEqual({
      slug: 'anonymisation-model-unmet',
      extensions: { k: 6, maxSuppression: 0.1, suppressedShare: 1 },
    });
    expect(error.detail).toContain('k = 6');
    expect(error.detail).toContain('100.0%');
  });
});

describe('the search on a registry of thousands', () => {
  it('computes the privacy of a few nodes and infers the rest', () => {
    const out = anonymise(syntheticRegistry(3000), BENCH_DEFINITION, ON);
    expect(out.report.lattice.nodes).toBe(5 * 3 * 4 * 4 * 3);
    expect(out.report.lattice.checked).toBeLessThan(out.report.lattice.nodes / 4);
    expect(out.report.smallestClass).toBeGreaterThanOrEqual(5);
    expect(out.report.suppressedShare).toBeLessThanOrEqual(0.05);
  });
});
