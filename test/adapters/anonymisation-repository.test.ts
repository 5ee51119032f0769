// The anonymisation stores against DynamoDB Local: the registry is read by a projection of keys,
// category, value and dates only, across pages; cessation flags are found; a run is finished once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dynamoAnonymisation,
  dynamoAnonymisedPublications,
  dynamoRegistryReader,
} from '../../functions/adapters/anonymisation-repository';
import type { DatasetRun, RegistryValue } from '../../functions/domain/anonymisation/ports';
import { freshTables } from '../support/desk';
import { dropTables, putItem } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const record = (n: number, category: string) => ({
  subjectId: `pop-${n}`,
  recordId: `rec-${category}`,
  category,
  value: `${category} of ${n}`,
  source: 'from-customer',
  purposes: ['service-provision'],
  acquiredAt: '2026-01-01T00:00:00.000Z',
  lookupKey: `subject#pop-${n}`,
  basis: { kind: 'consent', consentId: 'c-1' },
});

describe('the registry as a run reads it', () => {
  it('only the categories asked for, and of each record only its keys, category, value and dates', async () => {
    for (let n = 0; n < 30; n++) {
      await putItem('personal-data', record(n, 'contract'));
      await putItem('personal-data', record(n, 'email'));
    }
    const read: RegistryValue[] = [];
    for await (const page of dynamoRegistryReader.values(['contract'])) read.push(...page);
    expect(read).toHaveLength(30);
    for (const value of read) {
      expect(Object.keys(value).sort()).toEqual(['acquiredAt', 'category', 'subjectId', 'value']);
      expect(value.category).toBe('contract');
    }
  });

  it('finds the subjects whose use has ceased', async () => {
    await putItem('subjects', { subjectId: 'pop-1', cessationOfUse: { requestId: 'r-1', at: '2026-11-01T00:00:00Z' } });
    await putItem('subjects', { subjectId: 'pop-2', lastActivityAt: '2026-11-01T00:00:00Z' });
    expect([...(await dynamoRegistryReader.ceasedSubjects())]).toEqual(['pop-1']);
  });
});

const LOST = {
  before: '2026-12-06T22:00:00.000Z',
  problem: {
    type: 'urn:appi-desk:problem:anonymisation-run-lost',
    title: 'Lost',
    status: 422 as const,
    detail: 'Lost',
  },
};

describe('a run', () => {
  const run: DatasetRun = {
    datasetId: 'ANON-2026-12-07-AAAAAA',
    definitionId: 'stored',
    state: 'requested',
    title: { ja: '試験', en: 'Test' },
    readers: [],
    requestedBy: 'officer',
    requestedAt: '2026-12-07T00:00:00.000Z',
  };

  it('starts once per definition at a time, and is published once with its publication', async () => {
    await dynamoAnonymisation.createDefinition({
      definitionId: 'stored',
      definition: {} as never,
      createdBy: 'officer',
      createdAt: '2026-12-07T00:00:00.000Z',
    });
    expect(await dynamoAnonymisation.startRun(run, LOST)).toEqual({ outcome: 'started' });
    expect(await dynamoAnonymisation.startRun({ ...run, datasetId: 'ANON-2026-12-07-BBBBBB' }, LOST)).toEqual({
      outcome: 'running',
      datasetId: run.datasetId,
    });
    expect(await dynamoAnonymisation.run(run.datasetId)).toEqual(run);
    const publication = {
      datasetId: run.datasetId,
      title: run.title,
      items: [{ ja: '契約内容', en: 'Contract details' }],
      createdOn: '2026-12-07',
      publishedAt: '2026-12-07T00:01:00.000Z',
    };
    const finished = { ...run, state: 'published' as const, finishedAt: publication.publishedAt };
    expect(await dynamoAnonymisation.publish(finished, publication)).toBe('published');
    expect(await dynamoAnonymisation.publish(finished, publication)).toBe('stale');
    expect(await dynamoAnonymisation.refuse({ ...run, state: 'refused' })).toBe('stale');
    expect(await dynamoAnonymisedPublications.list()).toEqual([publication]);
    expect((await dynamoAnonymisation.runsOf('stored')).map((r) => r.state)).toEqual(['published']);
    // The definition is free again.
    expect(await dynamoAnonymisation.startRun({ ...run, datasetId: 'ANON-2026-12-07-CCCCCC' }, LOST)).toEqual({
      outcome: 'started',
    });
  });

  it('a run requested long ago that never finished is refused as lost when the next one starts, in one transaction', async () => {
    await dynamoAnonymisation.createDefinition({
      definitionId: 'lost',
      definition: {} as never,
      createdBy: 'officer',
      createdAt: '2026-12-06T00:00:00.000Z',
    });
    const old = {
      ...run,
      definitionId: 'lost',
      datasetId: 'ANON-2026-12-06-OLDOLD',
      requestedAt: '2026-12-06T20:00:00.000Z',
    };
    expect(await dynamoAnonymisation.startRun(old, LOST)).toEqual({ outcome: 'started' });
    const next = { ...run, definitionId: 'lost', datasetId: 'ANON-2026-12-07-NEWNEW' };
    expect(await dynamoAnonymisation.startRun(next, LOST)).toEqual({ outcome: 'started', replaced: old.datasetId });
    expect(await dynamoAnonymisation.run(old.datasetId)).toMatchObject({ state: 'refused', problem: LOST.problem });
    // The lost run's worker finishing after all changes nothing: the definition is the new run's.
    const late = { ...old, state: 'published' as const };
    expect(
      await dynamoAnonymisation.publish(late, {
        datasetId: old.datasetId,
        title: old.title,
        items: [],
        createdOn: '2026-12-06',
        publishedAt: '2026-12-07T00:00:00.000Z',
      }),
    ).toBe('stale');
    // A run requested recently is not lost: the next start is 409.
    expect(await dynamoAnonymisation.startRun({ ...next, datasetId: 'ANON-2026-12-07-THIRD0' }, LOST)).toEqual({
      outcome: 'running',
      datasetId: next.datasetId,
    });
  });
});
