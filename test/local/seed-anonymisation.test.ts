// The demo population npm start seeds for anonymisation: deterministic, registered categories and
// purposes only, and the README walk's definition meets k = 5 on it with a few records suppressed.
import { describe, expect, it } from 'vitest';
import { anonymise } from '../../functions/domain/anonymisation/anonymise';
import { datasetDefinitionSchema } from '../../functions/domain/anonymisation/definition';
import { checkDefinition } from '../../functions/domain/anonymisation/rules';
import { sourceRecords } from '../../functions/domain/anonymisation/run';
import { categoryById } from '../../functions/domain/personal-data/categories';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { DEMO_DATASET_DEFINITION, DEMO_POPULATION_SIZE, demoPopulationRecords } from '../../local/seed-anonymisation';

const records = demoPopulationRecords();
const purposeIds = new Set(POLICY_PURPOSES.map((p) => p.purposeId));

describe('the demo population', () => {
  it('is 300 people with five records each, the same on every call', () => {
    expect(new Set(records.map((r) => r.subjectId)).size).toBe(DEMO_POPULATION_SIZE);
    expect(records).toHaveLength(DEMO_POPULATION_SIZE * 5);
    expect(demoPopulationRecords()).toEqual(records);
  });

  it('uses registered categories and purposes only, and nothing that reaches a person', () => {
    for (const r of records) {
      expect(categoryById(r.category), r.category).toBeDefined();
      for (const p of r.purposes) expect(purposeIds.has(p), p).toBe(true);
    }
    expect(new Set(records.map((r) => r.category))).toEqual(
      new Set(['date-of-birth', 'gender', 'address', 'occupation', 'contract']),
    );
  });

  it("spreads addresses over several prefectures, and no record's purpose is achieved yet", () => {
    const prefectures = new Set(records.filter((r) => r.category === 'address').map((r) => r.value.slice(0, 3)));
    expect(prefectures.size).toBeGreaterThanOrEqual(4);
    expect(records.every((r) => r.expiresAt === undefined)).toBe(true);
  });

  it("meets the README walk's k = 5 with a few records suppressed", async () => {
    const definition = datasetDefinitionSchema.parse(DEMO_DATASET_DEFINITION);
    checkDefinition(definition, purposeIds);
    const source = await sourceRecords(
      {
        async *values() {
          yield records;
        },
        ceasedSubjects: async () => new Set(),
      },
      ['date-of-birth', 'gender', 'address', 'contract'],
      new Date('2026-12-07T03:00:00Z'),
    );
    const { report, columns } = anonymise(source, definition, '2026-12-07');
    expect(report.smallestClass).toBeGreaterThanOrEqual(5);
    expect(report.suppressed).toBeGreaterThan(0);
    expect(report.suppressedShare).toBeLessThanOrEqual(0.05);
    expect(columns.map((c) => c.item.en)).toEqual([
      'Age (20-year bands)',
      'Gender',
      'Address (prefecture)',
      'Contract details',
    ]);
  });
});
