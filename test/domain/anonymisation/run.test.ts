// The worker's use case with the algorithm and the stores as fakes: what a run reads (the latest live
// value per person and category, nobody whose use has ceased, nothing deleted, special care-required
// data only with a reason), and that a refused run stores no object and publishes nothing.
import { describe, expect, it } from 'vitest';
import type { AnonymisedDataset } from '../../../functions/domain/anonymisation/dataset';
import { type DatasetDefinition, datasetDefinitionSchema } from '../../../functions/domain/anonymisation/definition';
import type {
  AnonymisationStore,
  DatasetRun,
  RegistryReader,
  RegistryValue,
} from '../../../functions/domain/anonymisation/ports';
import { categoriesRead, makeDataset, sourceRecords } from '../../../functions/domain/anonymisation/run';
import { DeskProblem } from '../../../functions/domain/kernel/problems';

const NOW = new Date('2026-12-07T03:00:00Z');
const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

const registry = (values: RegistryValue[], ceased: string[] = []): RegistryReader => ({
  async *values() {
    yield values.slice(0, 2);
    yield values.slice(2);
  },
  ceasedSubjects: async () => new Set(ceased),
});

const definition = (fields: Partial<DatasetDefinition> = {}): DatasetDefinition =>
  datasetDefinitionSchema.parse({
    title: { ja: '試験', en: 'Test' },
    purposes: ['service-improvement'],
    attributes: [
      { category: 'name', treatment: 'delete' },
      { category: 'address', treatment: 'generalise', hierarchy: { kind: 'address' } },
      { category: 'contract', treatment: 'keep' },
    ],
    model: { k: 2 },
    ...fields,
  });

describe('what a run reads', () => {
  it('every attribute but the deleted ones; special care-required data only with a reason', () => {
    expect(categoriesRead(definition())).toEqual(['address', 'contract']);
    const medical = definition({
      attributes: [
        { category: 'medical-history', treatment: 'keep' },
        { category: 'contract', treatment: 'keep' },
      ],
    });
    expect(categoriesRead(medical)).toEqual(['contract']);
    expect(categoriesRead({ ...medical, specialCareReason: 'A study the person consented to' })).toEqual([
      'medical-history',
      'contract',
    ]);
  });

  it('the latest live value per person and category, without those whose use has ceased', async () => {
    const values: RegistryValue[] = [
      { subjectId: 's1', category: 'contract', value: 'old plan', acquiredAt: '2025-01-01T00:00:00Z' },
      { subjectId: 's1', category: 'contract', value: 'new plan', acquiredAt: '2026-01-01T00:00:00Z' },
      {
        subjectId: 's1',
        category: 'address',
        value: '東京都港区芝公園1-1',
        acquiredAt: '2026-02-01T00:00:00Z',
        expiresAt: seconds('2026-12-01T00:00:00Z'),
      },
      { subjectId: 's2', category: 'contract', value: 'plan', acquiredAt: '2026-01-01T00:00:00Z' },
      { subjectId: 's0', category: 'address', value: '大阪府大阪市北区梅田1', acquiredAt: '2026-01-01T00:00:00Z' },
      { subjectId: 's3', category: 'name', value: 'Not read', acquiredAt: '2026-01-01T00:00:00Z' },
    ];
    expect(await sourceRecords(registry(values, ['s2']), ['address', 'contract'], NOW)).toEqual([
      { subjectId: 's0', values: { address: '大阪府大阪市北区梅田1' } },
      { subjectId: 's1', values: { contract: 'new plan' } },
    ]);
  });
});

describe('a run', () => {
  const requested: DatasetRun = {
    datasetId: 'ANON-2026-12-07-AAAAAA',
    definitionId: 'test',
    state: 'requested',
    title: { ja: '試験', en: 'Test' },
    readers: [],
    requestedBy: 'officer',
    requestedAt: NOW.toISOString(),
  };
  const writes: string[] = [];
  const store = (state: DatasetRun['state'] = 'requested'): AnonymisationStore =>
    ({
      run: async () => ({ ...requested, state }),
      definition: async () => ({ definitionId: 'test', definition: definition(), createdBy: 'officer', createdAt: '' }),
      publish: async () => {
        writes.push('publish');
        return 'published';
      },
      refuse: async (run: DatasetRun) => {
        writes.push(`refuse ${run.problem?.type}`);
        return 'refused';
      },
    }) as unknown as AnonymisationStore;
  const objects = {
    rows: { put: async () => void writes.push('rows'), get: async () => undefined },
    methods: { put: async () => void writes.push('method'), get: async () => undefined },
  };
  const deps = (anonymise: () => AnonymisedDataset, state?: DatasetRun['state']) => ({
    store: store(state),
    registry: registry([]),
    ...objects,
    anonymise,
    clock: { now: () => NOW },
  });

  it('refused: the problem kept on the run, no object stored, nothing published', async () => {
    writes.length = 0;
    const outcome = await makeDataset(
      deps(() => {
        throw new DeskProblem('unprocessable', 'Model unmet', 'k = 2 cannot be met', undefined, {
          slug: 'anonymisation-model-unmet',
        });
      }),
      requested,
    );
    expect(outcome).toEqual({
      outcome: 'refused',
      datasetId: requested.datasetId,
      slug: 'anonymisation-model-unmet',
    });
    expect(writes).toEqual(['refuse urn:appi-desk:problem:anonymisation-model-unmet']);
  });

  it('a run no longer requested (a stream retry) is skipped without reading the registry', async () => {
    writes.length = 0;
    const outcome = await makeDataset(
      deps(() => {
        throw new Error('not called');
      }, 'published'),
      requested,
    );
    expect(outcome).toEqual({ outcome: 'skipped', datasetId: requested.datasetId });
    expect(writes).toEqual([]);
  });

  it('any other failure is thrown, so the stream delivers the run again', async () => {
    await expect(
      makeDataset(
        deps(() => {
          throw new Error('out of memory');
        }),
        requested,
      ),
    ).rejects.toThrow('out of memory');
  });
});
