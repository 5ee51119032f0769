// Anonymously processed information through its handlers against DynamoDB Local and the S3 emulator,
// over the demo population: the officer defines a dataset (every refusal a 422 naming the field, nothing
// written), starts a run (two at once: one wins), the worker makes it and publishes its items in the
// privacy notice; the rows and the method are read by those allowed only, each read access-logged once;
// a refused run writes nothing; S3 down is 503; and the rows, matched back to the registry by their
// quasi-identifiers, never single anyone out beyond 1/k (APPI Art. 43(5)).
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3DatasetRows, s3ProcessingMethods } from '../../functions/adapters/anonymisation-buckets';
import { compileHierarchy } from '../../functions/domain/anonymisation/hierarchies';
import { ANONYMISED_INFORMATION_POLICY } from '../../functions/domain/anonymisation/words';
import { handler as worker } from '../../functions/handlers/anonymise-dataset';
import { handler as create } from '../../functions/handlers/create-anonymisation-definition';
import { handler as getNotice } from '../../functions/handlers/get-privacy-notice';
import { handler as list } from '../../functions/handlers/list-anonymisation-definitions';
import { handler as readMethod } from '../../functions/handlers/read-anonymisation-method';
import { handler as readRows } from '../../functions/handlers/read-anonymised-rows';
import { handler as refuseProvision } from '../../functions/handlers/refuse-anonymised-provision';
import { handler as start } from '../../functions/handlers/start-anonymisation-run';
import { handler as viewDefinition } from '../../functions/handlers/view-anonymisation-definition';
import { handler as viewDataset } from '../../functions/handlers/view-anonymised-dataset';
import { datasetResponse, definitionDossierResponse } from '../../functions/http/contract/anonymisation';
import { seedDemoStaff } from '../../local/seed';
import {
  DEMO_DATASET_DEFINITION,
  DEMO_POPULATION_PREFIX,
  demoPopulationRecords,
  seedDemoPopulation,
} from '../../local/seed-anonymisation';
import { freshBuckets } from '../support/access-log';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  dropTables,
  expectProblem,
  getItem,
  putItem,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
  systemPrincipal,
} from '../support/requests';

let prefix: string;
const OFFICER = staffClaims('officer');
const OPERATOR = staffClaims('operator');
const AUDITOR = staffClaims('auditor');

beforeAll(async () => {
  prefix = await freshTables();
  await freshBuckets();
  await Promise.all([seedDemoStaff('test-password'), seedDemoPopulation()]);
}, 60_000);

afterAll(() => dropTables(prefix));

const README_DEFINITION = DEMO_DATASET_DEFINITION;

const DEFINITIONS = '/v1/staff/anonymisation/definitions';
const DATASETS = '/v1/staff/anonymised-datasets';

const createDefinition = (body: unknown, claims = OFFICER) =>
  invoke(create, { method: 'POST', path: DEFINITIONS, resource: DEFINITIONS, body, claims });
const startRun = (definitionId: string, claims = OFFICER) =>
  invoke(start, {
    method: 'POST',
    path: `${DEFINITIONS}/${definitionId}/datasets`,
    resource: `${DEFINITIONS}/{definitionId}/datasets`,
    pathParameters: { definitionId },
    claims,
  });
const datasetCall = (
  handler: Parameters<typeof invoke>[0],
  datasetId: string,
  rest: '' | '/rows' | '/method',
  claims = OFFICER,
  query?: Record<string, string>,
) =>
  invoke(handler, {
    method: 'GET',
    path: `${DATASETS}/${datasetId}${rest}`,
    resource: `${DATASETS}/{datasetId}${rest}`,
    pathParameters: { datasetId },
    ...(query ? { query } : {}),
    claims,
  });

let sequence = 0;
const uniqueId = (name: string) => `${name}-${Date.now().toString(36)}-${(sequence += 1)}`;

/** The run item as the stream delivers it to the worker. */
async function runStreamed(definitionId: string, datasetId: string) {
  const item = await getItem('anonymisation', { pk: `definition#${definitionId}`, sk: `dataset#${datasetId}` });
  return worker(streamEvent(streamRecord('INSERT', { newImage: item! })));
}

async function defineAndRun(definition: object = README_DEFINITION, name = 'customers') {
  const definitionId = uniqueId(name);
  const created = await createDefinition({ ...definition, definitionId });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const started = await startRun(definitionId);
  expect(started.status, JSON.stringify(started.json)).toBe(202);
  const datasetId = started.json.datasetId as string;
  expect(await runStreamed(definitionId, datasetId)).toEqual({ batchItemFailures: [] });
  return { definitionId, datasetId };
}

const accessEntries = async (reason: string) =>
  (await scanAll<{ reason: string; fields: string[]; action: string; actor: string }>('access-log')).filter(
    (e) => e.reason === reason,
  );

describe('dataset definitions', () => {
  it('the officer defines a dataset: 201 with the defaults filled in, listed, viewed, the write access-logged once', async () => {
    const definitionId = uniqueId('defined');
    const result = await createDefinition({ ...README_DEFINITION, definitionId });
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({ definitionId, createdBy: 'officer', readers: [] });
    expect(result.json.definition.model).toEqual({ k: 5, maxSuppression: 0.05 });

    const listed = await invoke(list, { method: 'GET', path: DEFINITIONS, resource: DEFINITIONS, claims: AUDITOR });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((d: { definitionId: string }) => d.definitionId)).toContain(definitionId);

    const viewed = await invoke(viewDefinition, {
      method: 'GET',
      path: `${DEFINITIONS}/${definitionId}`,
      resource: `${DEFINITIONS}/{definitionId}`,
      pathParameters: { definitionId },
      claims: AUDITOR,
    });
    expect(viewed.status).toBe(200);
    expect(definitionDossierResponse.safeParse(viewed.json).success).toBe(true);
    expect(viewed.json.datasets).toEqual([]);
    expect(await accessEntries(`anonymisation definition ${definitionId}`)).toHaveLength(1);
  });

  it('a taken id is 409; operators and auditors cannot define (403); an unknown definition is 404', async () => {
    const definitionId = uniqueId('taken');
    expect((await createDefinition({ ...README_DEFINITION, definitionId })).status).toBe(201);
    const again = await createDefinition({ ...README_DEFINITION, definitionId, title: { ja: '別', en: 'Other' } });
    expectProblem(again, 409);
    expect(again.json.errors).toEqual([{ field: 'body.definitionId', message: expect.any(String) }]);
    const stored = await getItem('anonymisation', { pk: 'definitions', sk: definitionId });
    expect(stored!.definition.title.en).toBe(README_DEFINITION.title.en);

    for (const claims of [OPERATOR, AUDITOR])
      expectProblem(await createDefinition({ ...README_DEFINITION, definitionId: uniqueId('role') }, claims), 403);
    expectProblem(await startRun('no-such-definition'), 404);
  });

  const refusals: [string, (d: typeof README_DEFINITION) => object, number, string][] = [
    [
      'an unknown category',
      (d) => ({ ...d, attributes: [...d.attributes, { category: 'shoe-size', treatment: 'keep' }] }),
      422,
      'body.attributes.5.category',
    ],
    [
      'My Number as an input',
      (d) => ({ ...d, attributes: [...d.attributes, { category: 'my-number', treatment: 'delete' }] }),
      422,
      'body.attributes.5.category',
    ],
    ['an unknown purpose', (d) => ({ ...d, purposes: ['selling-lists'] }), 422, 'body.purposes.0'],
    [
      'a name kept as it is',
      (d) => ({ ...d, attributes: [{ category: 'name', treatment: 'keep' }, ...d.attributes.slice(1)] }),
      422,
      'body.attributes.0.treatment',
    ],
    [
      'special care-required data without a reason',
      (d) => ({ ...d, attributes: [...d.attributes, { category: 'medical-history', treatment: 'delete' }] }),
      422,
      'body.attributes.5.category',
    ],
    ['k below 2', (d) => ({ ...d, model: { k: 1 } }), 400, 'body.model.k'],
  ];
  it.each(refusals)('%s is refused naming the field; nothing is written', async (_what, change, status, field) => {
    const definitionId = uniqueId('refused');
    const result = await createDefinition({ ...change(README_DEFINITION), definitionId });
    expectProblem(result, status);
    expect(result.json.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await getItem('anonymisation', { pk: 'definitions', sk: definitionId })).toBeUndefined();
  });
});

describe('a run', () => {
  it('two runs started at once: one is requested, the other 409 naming it', async () => {
    const definitionId = uniqueId('race');
    expect((await createDefinition({ ...README_DEFINITION, definitionId })).status).toBe(201);
    const results = await Promise.all([startRun(definitionId), startRun(definitionId)]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    const winner = results.find((r) => r.status === 202)!;
    const loser = results.find((r) => r.status === 409)!;
    expectProblem(loser, 409);
    expect(loser.json.datasetId).toBe(winner.json.datasetId);
    const runs = (await scanAll<{ pk: string; sk: string }>('anonymisation')).filter(
      (i) => i.pk === `definition#${definitionId}`,
    );
    expect(runs).toHaveLength(1);
    // Once it is made, the next run may start.
    await runStreamed(definitionId, winner.json.datasetId);
    expect((await startRun(definitionId)).status).toBe(202);
  });

  it('two definitions under one id at once: one is created, the other 409', async () => {
    const definitionId = uniqueId('twice');
    const results = await Promise.all([
      createDefinition({ ...README_DEFINITION, definitionId }),
      createDefinition({ ...README_DEFINITION, definitionId, title: { ja: '別', en: 'Other' } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('503 with Retry-After when DynamoDB cannot take the run; nothing stored', async () => {
    const definitionId = uniqueId('down');
    expect((await createDefinition({ ...README_DEFINITION, definitionId })).status).toBe(201);
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(TransactWriteCommand)
        .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
      const result = await startRun(definitionId);
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      mock.restore();
    }
    expect(
      (await scanAll<{ pk: string }>('anonymisation')).filter((i) => i.pk === `definition#${definitionId}`),
    ).toEqual([]);
  });

  it('the worker passes by definitions and pointers on the stream', async () => {
    const definitionId = uniqueId('passing');
    expect((await createDefinition({ ...README_DEFINITION, definitionId })).status).toBe(201);
    const item = await getItem('anonymisation', { pk: 'definitions', sk: definitionId });
    expect(await worker(streamEvent(streamRecord('INSERT', { newImage: item! })))).toEqual({ batchItemFailures: [] });
  });

  it('the worker publishes it: risk report, columns, rows and method stored apart, the items in the privacy notice', async () => {
    const { definitionId, datasetId } = await defineAndRun();
    expect(datasetId).toMatch(/^ANON-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/);
    const viewed = await datasetCall(viewDataset, datasetId, '', AUDITOR);
    expect(viewed.status, JSON.stringify(viewed.json)).toBe(200);
    expect(datasetResponse.safeParse(viewed.json).success).toBe(true);
    expect(viewed.json).toMatchObject({ datasetId, definitionId, state: 'published', finishedAt: expect.any(String) });
    const report = viewed.json.report;
    expect(report.smallestClass).toBeGreaterThanOrEqual(5);
    expect(report.highestRisk).toBeLessThanOrEqual(1 / 5);
    expect(report.suppressedShare).toBeLessThanOrEqual(0.05);
    expect(report.records).toBe(300);
    expect(viewed.json.columns.map((c: { category: string }) => c.category)).toEqual([
      'date-of-birth',
      'gender',
      'address',
      'contract',
    ]);

    expect(await s3DatasetRows.get(datasetId)).toMatchObject({ datasetId, rows: expect.any(Array) });
    expect(await s3ProcessingMethods.get(datasetId)).toMatchObject({ referenceDate: expect.any(String) });

    const notice = await invoke(getNotice, { method: 'GET', path: '/v1/privacy-notice' });
    expect(notice.json.anonymisedInformationPublications.policy).toEqual(ANONYMISED_INFORMATION_POLICY);
    const published = notice.json.anonymisedInformationPublications.datasets.find(
      (d: { datasetId: string }) => d.datasetId === datasetId,
    );
    expect(published).toEqual({
      datasetId,
      title: README_DEFINITION.title,
      items: viewed.json.columns.map((c: { item: unknown }) => c.item),
      createdOn: viewed.json.createdOn,
    });
    expect(published.createdOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Delivered again (a stream retry): nothing changes.
    const before = await getItem('anonymisation', { pk: `definition#${definitionId}`, sk: `dataset#${datasetId}` });
    await putItem('anonymisation', { ...before!, marker: 'unchanged' });
    await worker(streamEvent(streamRecord('INSERT', { newImage: { ...before!, state: 'requested' } })));
    expect(
      (await getItem('anonymisation', { pk: `definition#${definitionId}`, sk: `dataset#${datasetId}` }))!.marker,
    ).toBe('unchanged');
  });

  it('a run that cannot meet the model is refused with why; no object, no publication', async () => {
    const { datasetId } = await defineAndRun(
      { ...README_DEFINITION, model: { k: 1000, maxSuppression: 0 } },
      'unmeetable',
    );
    const viewed = await datasetCall(viewDataset, datasetId, '');
    expect(viewed.json).toMatchObject({
      state: 'refused',
      problem: { type: 'urn:appi-desk:problem:anonymisation-model-unmet', status: 422, detail: expect.any(String) },
    });
    expect(viewed.json.report).toBeUndefined();
    expect(await s3DatasetRows.get(datasetId)).toBeUndefined();
    expect(await s3ProcessingMethods.get(datasetId)).toBeUndefined();
    expect(await getItem('anonymised-publications', { datasetId })).toBeUndefined();
    const rows = await datasetCall(readRows, datasetId, '/rows');
    expectProblem(rows, 409);
  });
});

describe('reading a dataset', () => {
  let datasetId: string;
  let operatorsDataset: string;
  beforeAll(async () => {
    ({ datasetId } = await defineAndRun());
    ({ datasetId: operatorsDataset } = await defineAndRun({ ...README_DEFINITION, readers: ['operator'] }, 'shared'));
  }, 60_000);

  it('the officer reads the rows a page at a time; each read access-logged once', async () => {
    const first = await datasetCall(readRows, datasetId, '/rows', OFFICER, { limit: '100' });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.rows).toHaveLength(100);
    expect(first.json.nextOffset).toBe(100);
    const rest = await datasetCall(readRows, datasetId, '/rows', OFFICER, { offset: '100', limit: '5000' });
    expect(rest.json.nextOffset).toBeUndefined();
    expect(first.json.total).toBe(100 + rest.json.rows.length);
    const entries = await accessEntries(`anonymised dataset ${datasetId}`);
    expect(entries).toHaveLength(2);
    expect(entries.every((e) => e.action === 'read' && e.fields[0] === 'anonymised-dataset-rows')).toBe(true);
  });

  it("only the officer and the definition's readers read rows; the method is the officer's alone", async () => {
    const refused = await datasetCall(readRows, datasetId, '/rows', AUDITOR);
    expectProblem(refused, 403);
    expect(refused.json.detail).toMatch(/officer/);
    expectProblem(await datasetCall(readRows, datasetId, '/rows', OPERATOR), 403);
    expectProblem(await datasetCall(viewDataset, datasetId, '', OPERATOR), 403);
    expect((await datasetCall(readRows, operatorsDataset, '/rows', OPERATOR)).status).toBe(200);
    expect((await datasetCall(viewDataset, operatorsDataset, '', OPERATOR)).status).toBe(200);
    expectProblem(await datasetCall(readMethod, operatorsDataset, '/method', OPERATOR), 403);
    // Refusals read nothing and log nothing.
    expect(
      (await accessEntries(`anonymised dataset ${operatorsDataset}`)).filter(
        (e) => e.fields[0] === 'anonymisation-method',
      ),
    ).toEqual([]);

    const method = await datasetCall(readMethod, datasetId, '/method');
    expect(method.status).toBe(200);
    expect(method.json.method.definition.model.k).toBe(5);
    expect(Object.keys(method.json.method.levels).sort()).toEqual(['address', 'date-of-birth', 'gender']);
    expect(
      (await accessEntries(`anonymised dataset ${datasetId}`)).filter((e) => e.fields[0] === 'anonymisation-method'),
    ).toHaveLength(1);
    expectProblem(await datasetCall(viewDataset, 'ANON-2000-01-01-NONE00', ''), 404);
  });

  it('503 with Retry-After when S3 cannot be reached; the read is not logged', async () => {
    const before = (await accessEntries(`anonymised dataset ${datasetId}`)).length;
    const mock = mockClient(S3Client);
    mock
      .on(GetObjectCommand)
      .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
    try {
      const result = await datasetCall(readRows, datasetId, '/rows');
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      mock.restore();
    }
    expect(await accessEntries(`anonymised dataset ${datasetId}`)).toHaveLength(before);
  });

  it('no row singles anyone out: matched back to the registry by its quasi-identifiers, each fits k or more people', async () => {
    const rows: string[][] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page = await datasetCall(readRows, datasetId, '/rows', OFFICER, { offset: String(offset), limit: '5000' });
      rows.push(...page.json.rows);
      offset = page.json.nextOffset;
    }
    expect(rows.length).toBeGreaterThan(250);
    const serialised = JSON.stringify(rows);
    expect(serialised).not.toContain(DEMO_POPULATION_PREFIX);
    expect(serialised).not.toContain('subject-');

    // The attacker's best: the registry itself and the processing method (levels, day of the run).
    const { method } = (await datasetCall(readMethod, datasetId, '/method')).json;
    const attributes = (method.definition.attributes as { category: string; hierarchy?: object }[]).filter(
      (a) => a.hierarchy,
    );
    const people = new Map<string, Record<string, string>>();
    for (const r of demoPopulationRecords()) {
      people.set(r.subjectId, { ...people.get(r.subjectId), [r.category]: r.value });
    }
    const keyOf = (values: Record<string, string | undefined>) =>
      attributes
        .map((a) =>
          compileHierarchy(a.hierarchy as never, method.referenceDate).generalise(
            values[a.category],
            method.levels[a.category],
          ),
        )
        .join('|');
    const matches = new Map<string, number>();
    for (const values of people.values()) {
      const key = keyOf(values);
      matches.set(key, (matches.get(key) ?? 0) + 1);
    }
    const columns = ['date-of-birth', 'gender', 'address'];
    for (const row of rows) {
      const key = columns.map((_, i) => row[i]).join('|');
      expect(matches.get(key) ?? 0).toBeGreaterThanOrEqual(5);
    }
  });
});

describe('provision of an anonymised dataset', () => {
  it('is always refused, 403 citing policy §3, and nothing is recorded', async () => {
    const { datasetId } = await defineAndRun(README_DEFINITION, 'provided');
    const before = {
      records: (await scanAll('provision-records')).length,
      evidence: (await scanAll('evidence')).length,
    };
    const result = await invoke(refuseProvision, {
      method: 'POST',
      path: '/v1/system/anonymised-provisions',
      resource: '/v1/system/anonymised-provisions',
      body: { recipient: 'northwind-analytics', anonymisedDataset: datasetId },
      principal: systemPrincipal(),
    });
    expectProblem(result, 403);
    expect(result.json.type).toBe('urn:appi-desk:problem:anonymised-information-not-provided');
    expect(result.json.detail).toMatch(/policy §3\(2\); APPI Art\. 43\(4\), 44/);
    expect({
      records: (await scanAll('provision-records')).length,
      evidence: (await scanAll('evidence')).length,
    }).toEqual(before);
  });
});
