// GET /v1/staff/exports/{exportId}/download/{token} against DynamoDB Local: the requester, signed in,
// with the e-mailed token, gets the file once; it is built from the live records of exportable
// categories only, never special-care data or an Individual Number, and access-logged with every
// subject and field. Reuse and expiry are 410, a wrong token 404, another staff member 403; never 500.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { dynamoExports } from '../../functions/adapters/export-repository';
import { TABLES, tableEnvVar } from '../../functions/adapters/tables';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import type { ExportRequest } from '../../functions/domain/exports/rules';
import { handler as decideExport } from '../../functions/handlers/decide-export';
import { handler as downloadExport } from '../../functions/handlers/download-export';
import { handler as requestExport } from '../../functions/handlers/request-export';
import { routeNamed } from '../../functions/routes';
import { apiEvent, freshTables, invoke, lambdaContext } from '../support/desk';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  getItem,
  putItem,
  putStaff,
  scanAll,
  staffClaims,
} from '../support/requests';

let prefix: string;
const run = randomUUID().slice(0, 6);
const OPERATOR = `dl-op-${run}`;
const OTHER_OPERATOR = `dl-op2-${run}`;
const OFFICER = `dl-officer-${run}`;
const requester = staffClaims(OPERATOR, 'operator');
const MY_NUMBER = '123456789018';

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([
    putStaff(OPERATOR, 'operator'),
    putStaff(OTHER_OPERATOR, 'operator'),
    putStaff(OFFICER, 'officer'),
  ]);
});

afterAll(() => dropTables(prefix));

/** Two subjects: ordinary data, access information, a special-care record, an expired record and an Individual Number. */
async function seedSubjects(): Promise<[string, string]> {
  const a = `subject-${randomUUID()}`;
  const b = `subject-${randomUUID()}`;
  const base = { source: 'from-customer', purposes: ['service-provision'], acquiredAt: '2026-10-01T00:00:00.000Z' };
  const email = `${a}@example.jp`;
  await Promise.all([
    putItem('personal-data', {
      ...base,
      subjectId: a,
      recordId: 'rec-name',
      category: 'name',
      value: 'Hanako Yamada',
      lookupKey: `subject#${a}`,
    }),
    putItem('personal-data', {
      ...base,
      subjectId: a,
      recordId: 'rec-email',
      category: 'email',
      value: email,
      lookupKey: `email#${email}`,
    }),
    putItem('personal-data', {
      ...base,
      subjectId: a,
      recordId: 'rec-medical',
      category: 'medical-history',
      value: 'Asthma since 2010',
      lookupKey: `subject#${a}`,
      basis: { kind: 'consent', consentId: 'c-1' },
    }),
    putItem('personal-data', {
      ...base,
      subjectId: b,
      recordId: 'rec-phone',
      category: 'phone',
      value: '=090-1234-5678',
      lookupKey: `subject#${b}`,
    }),
    putItem('personal-data', {
      ...base,
      subjectId: b,
      recordId: 'rec-cookie',
      category: 'cookie-id',
      value: 'ck-77',
      lookupKey: `subject#${b}`,
    }),
    putItem('personal-data', {
      ...base,
      subjectId: b,
      recordId: 'rec-old-phone',
      category: 'phone',
      value: '03-0000-1111',
      lookupKey: `subject#${b}`,
      expiresAt: Math.floor(Date.now() / 1000) - 60,
    }),
    putItem('my-number', {
      subjectId: a,
      documentId: 'doc-1',
      affair: 'tax',
      document: 'withholding-slip',
      number: MY_NUMBER,
    }),
  ]);
  return [a, b];
}

async function approvedExport(body: Record<string, unknown>): Promise<{ exportId: string; token: string }> {
  const asked = await invoke(requestExport, {
    method: 'POST',
    path: '/v1/staff/exports',
    resource: '/v1/staff/exports',
    body: { purpose: 'service-provision', ...body },
    claims: requester,
  });
  expect(asked.status, JSON.stringify(asked.json)).toBe(202);
  const exportId = asked.json.exportId as string;
  const decided = await invoke(decideExport, {
    method: 'POST',
    path: `/v1/staff/exports/${exportId}/approval`,
    resource: '/v1/staff/exports/{exportId}/approval',
    pathParameters: { exportId },
    body: { decision: 'approved', reason: 'Needed for the annual audit' },
    claims: staffClaims(OFFICER, 'officer'),
  });
  expect(decided.status, JSON.stringify(decided.json)).toBe(200);
  const message = (await scanAll('outbox')).find((m) => m.messageId === `export-approved-${exportId}`)!;
  const token = new RegExp(`/exports/${exportId}/download/([A-Za-z0-9_-]+)`).exec(message.text as string)![1]!;
  return { exportId, token };
}

/** The raw answer: a CSV body is not JSON. */
async function download(exportId: string, token: string, claims: Record<string, string> = requester) {
  const result = await downloadExport(
    apiEvent({
      method: 'GET',
      path: `/v1/staff/exports/${exportId}/download/${token}`,
      resource: '/v1/staff/exports/{exportId}/download/{token}',
      pathParameters: { exportId, token },
      claims,
    }),
    lambdaContext,
  );
  const headers = result.headers as Record<string, string>;
  return {
    status: result.statusCode,
    headers,
    text: result.body,
    json: headers['content-type']?.includes('json') ? JSON.parse(result.body) : undefined,
  };
}

/** Runs with only the tables the route's manifest entry grants, as its function runs in AWS. */
async function withOnlyGrantedTables<T>(work: () => Promise<T>): Promise<T> {
  const granted = Object.keys(routeNamed('download-export').tables);
  const hidden = TABLES.filter((t) => !granted.includes(t.name)).map(
    (t) => [tableEnvVar(t.name), process.env[tableEnvVar(t.name)]] as const,
  );
  for (const [variable] of hidden) delete process.env[variable];
  try {
    return await work();
  } finally {
    for (const [variable, value] of hidden) process.env[variable] = value;
  }
}

const logAbout = async (exportId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) =>
    e.reason.includes(`export ${exportId} downloaded`),
  );

describe('download-export', () => {
  it('200 JSON attachment from live records, without special-care data or My Number, access-logged; the table marks it downloaded', async () => {
    const [a, b] = await seedSubjects();
    const { exportId, token } = await approvedExport({ subjectIds: [a, b] });
    const result = await withOnlyGrantedTables(() => download(exportId, token));
    expect(result.status, result.text).toBe(200);
    expect(result.headers['content-disposition']).toBe(`attachment; filename="export-${exportId}.json"`);
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result.json).toMatchObject({
      exportId,
      reason: 'purpose service-provision',
      categories: ['cookie-id', 'email', 'name', 'phone'],
      subjects: [
        {
          subjectId: a,
          records: [
            expect.objectContaining({ recordId: 'rec-email', category: 'email' }),
            expect.objectContaining({
              recordId: 'rec-name',
              value: 'Hanako Yamada',
              source: 'from-customer',
              purposes: ['service-provision'],
            }),
          ],
        },
        {
          subjectId: b,
          records: [
            expect.objectContaining({ recordId: 'rec-cookie', value: 'ck-77' }),
            expect.objectContaining({ recordId: 'rec-phone', value: '=090-1234-5678' }),
          ],
        },
      ],
    });
    for (const never of ['Asthma', 'medical-history', MY_NUMBER, '03-0000-1111', 'lookupKey', 'basis'])
      expect(result.text).not.toContain(never);

    const [entry, ...more] = await logAbout(exportId);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      actor: OPERATOR,
      role: 'operator',
      action: 'read',
      subjects: [a, b],
      fields: ['cookie-id', 'email', 'name', 'phone'],
      reason: `purpose service-provision (export ${exportId} downloaded)`,
      sourceIp: '203.0.113.10',
    });
    expect(await getItem<ExportRequest>('exports', { exportId })).toMatchObject({
      status: 'downloaded',
      version: 3,
      downloadedAt: entry!.at,
    });
  });

  it('CSV when the export asked for it, only the categories approved', async () => {
    const [a, b] = await seedSubjects();
    const { exportId, token } = await approvedExport({
      subjectIds: [a, b],
      categories: ['name', 'phone'],
      format: 'csv',
    });
    const result = await download(exportId, token);
    expect(result.status, result.text).toBe(200);
    expect(result.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(result.headers['content-disposition']).toBe(`attachment; filename="export-${exportId}.csv"`);
    const lines = result.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'subjectId,recordId,category,value,source,sourceDetail,purposes,acquiredAt',
      `${a},rec-name,name,Hanako Yamada,from-customer,,service-provision,2026-10-01T00:00:00.000Z`,
      `${b},rec-phone,phone,'=090-1234-5678,from-customer,,service-provision,2026-10-01T00:00:00.000Z`,
    ]);
    expect((await logAbout(exportId))[0]!.fields).toEqual(['name', 'phone']);
  });

  it('a reused link → 410 problem+json, nothing more logged', async () => {
    const [a, b] = await seedSubjects();
    const { exportId, token } = await approvedExport({ subjectIds: [a, b] });
    expect((await download(exportId, token)).status).toBe(200);
    const again = await download(exportId, token);
    expectProblem(again, 410);
    expect(again.json.title).toBe('Link already used');
    expect(again.text).not.toContain('Hanako');
    expect(await logAbout(exportId)).toHaveLength(1);
  });

  it("a record that expires between the approval and the download is not in the file, nor in the log's fields", async () => {
    const [a, b] = await seedSubjects();
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    await putItem('personal-data', {
      subjectId: a,
      recordId: 'rec-soon',
      category: 'address',
      value: 'Chiyoda 1-1, Tokyo',
      lookupKey: `subject#${a}`,
      source: 'from-customer',
      purposes: ['service-provision'],
      acquiredAt: '2026-10-01T00:00:00.000Z',
      expiresAt,
    });
    const { exportId, token } = await approvedExport({ subjectIds: [a, b] });
    // Only this process's clock moves past the record's expiry, within the link's 24 hours: the record
    // waits for a TTL sweep that has not come, as it may for days in AWS.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime((expiresAt + 60) * 1000);
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const result = await download(exportId, token);
    expect(result.status, result.text).toBe(200);
    expect(result.text).toContain('Hanako Yamada');
    expect(result.text).not.toContain('Chiyoda');
    expect(result.json.categories).not.toContain('address');
    expect((await logAbout(exportId))[0]!.fields).not.toContain('address');
  });

  it('an expired link (24 hours after approval) → 410, nothing read or logged', async () => {
    const [a, b] = await seedSubjects();
    const { exportId, token } = await approvedExport({ subjectIds: [a, b] });
    // Only this process's clock moves ahead: DynamoDB Local would sweep an item backdated to expire.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 24 * 3600_000 + 1000);
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const expired = await download(exportId, token);
    expectProblem(expired, 410);
    expect(expired.json.title).toBe('Link expired');
    expect(await logAbout(exportId)).toEqual([]);
    expect(await getItem<ExportRequest>('exports', { exportId })).toMatchObject({ status: 'approved', version: 2 });
  });

  it('a wrong token → 404, the same as an unknown export; another staff member with the token → 403; a malformed token → 400', async () => {
    const [a, b] = await seedSubjects();
    const { exportId, token } = await approvedExport({ subjectIds: [a, b] });
    const wrong = await download(exportId, `${token.slice(0, -2)}AA`);
    const unknown = await download('no-such-export', token);
    expectProblem(wrong, 404);
    expect([wrong.json.title, wrong.json.detail]).toEqual([unknown.json.title, unknown.json.detail]);
    expectProblem(await download(exportId, token, staffClaims(OTHER_OPERATOR, 'operator')), 403);
    expectProblem(await download(exportId, token, staffClaims(OFFICER, 'officer')), 403);
    const malformed = await download(exportId, 'not a token');
    expectProblem(malformed, 400);
    expect(malformed.text).toContain('path.token');
    expect(await logAbout(exportId)).toEqual([]);
    // None of those used the link up.
    expect((await download(exportId, token)).status).toBe(200);
  });

  it('a link of a request not yet approved, or refused, does not exist: 404', async () => {
    const [a, b] = await seedSubjects();
    const { exportId, token } = await approvedExport({ subjectIds: [a, b] });
    const pending = await invoke(requestExport, {
      method: 'POST',
      path: '/v1/staff/exports',
      resource: '/v1/staff/exports',
      body: { subjectIds: [a, b], purpose: 'service-provision' },
      claims: requester,
    });
    expectProblem(await download(pending.json.exportId, token), 404);
    expect((await download(exportId, token)).status).toBe(200);
  });

  it('two downloads at once: one 200 with the file, one 410; one access-log entry', async () => {
    const [a, b] = await seedSubjects();
    const { exportId, token } = await approvedExport({ subjectIds: [a, b] });
    bothReadBeforeEitherWrites(dynamoExports, 'get');
    const results = await Promise.all([download(exportId, token), download(exportId, token)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await logAbout(exportId)).toHaveLength(1);
  });
});
