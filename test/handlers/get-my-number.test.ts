// GET /v1/system/my-number/{subjectId} against DynamoDB Local: payroll reads a subject's live
// documents and numbers. Every read is access-logged first, as the system (role "system", its
// principal as actor) with its reason; the number reaches neither the access log nor a log line.
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableName } from '../../functions/adapters/clients';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/get-my-number';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, expectProblem, putItem, putOpenRequestFor, putOpenRequests, scanAll } from '../support/requests';
import { captureLogs, NUMBER, OTHER_NUMBER, PAYROLL, registered, registration } from './my-number-fixtures';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await putOpenRequests('req-1', 'req-7');
});

afterAll(() => dropTables(prefix));

const logs = captureLogs();
const newSubject = () => `employee-${randomUUID().slice(0, 8)}`;

const read = (subjectId: string, query?: Record<string, string>, principal: string | null = PAYROLL) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/system/my-number/${subjectId}`,
    resource: '/v1/system/my-number/{subjectId}',
    pathParameters: { subjectId },
    ...(query ? { query } : {}),
    ...(principal ? { principal } : {}),
  });

const logEntriesAbout = async (subjectId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.subjects.includes(subjectId));

describe('get-my-number', () => {
  it("200: the subject's live documents with their numbers and retention, none expired, none of another subject", async () => {
    const subjectId = newSubject();
    const tax = await registered(registration(subjectId));
    const documentDate = new Date().toISOString().slice(0, 10);
    const insurance = await registered(
      registration(subjectId, {
        affair: 'social-insurance',
        document: 'employment-insurance-qualification',
        documentDate,
        number: OTHER_NUMBER,
      }),
    );
    await registered(registration(newSubject()));
    // Past its retention but not yet removed by TTL: never served.
    await putItem('my-number', {
      subjectId,
      documentId: 'health-insurance-qualification#2020-04-01',
      affair: 'social-insurance',
      document: 'health-insurance-qualification',
      documentDate: '2020-04-01',
      number: NUMBER,
      registeredBy: PAYROLL,
      registeredAt: '2020-04-02T00:00:00.000Z',
      expiresAt: Math.floor(Date.now() / 1000) - 1,
    });
    const result = await read(subjectId, { requestId: await putOpenRequestFor(subjectId) });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toEqual({
      subjectId,
      documents: [
        {
          documentId: tax.documentId,
          affair: 'tax',
          document: 'dependant-deduction-declaration',
          documentDate: registration(subjectId).documentDate,
          taxYear: registration(subjectId).taxYear,
          number: NUMBER,
          retainUntil: tax.retainUntil,
        },
        {
          documentId: insurance.documentId,
          affair: 'social-insurance',
          document: 'employment-insurance-qualification',
          documentDate,
          number: OTHER_NUMBER,
          retainUntil: insurance.retainUntil,
        },
      ],
    });
    expect(result.headers['cache-control']).toBe('no-store');
  });

  it('logs the read as the system, with its reason, and no number in the access log or the logs', async () => {
    const subjectId = newSubject();
    await registered(registration(subjectId));
    const requestId = await putOpenRequestFor(subjectId);
    expect((await read(subjectId, { requestId }, PAYROLL)).status).toBe(200);
    expect((await read(subjectId, { affair: 'tax' }, PAYROLL)).status).toBe(200);
    const entries = await logEntriesAbout(subjectId);
    expect(entries.map((e) => e.reason).sort()).toEqual(['affair tax', `request ${requestId}`]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        actor: PAYROLL,
        role: 'system',
        action: 'read',
        subjects: [subjectId],
        fields: ['my-number'],
        sourceIp: '203.0.113.10',
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    }
    expect(JSON.stringify(await scanAll('access-log'))).not.toContain(NUMBER);
    expect(logs.text).toContain('"route":"get-my-number"');
    expect(logs.text).not.toContain(NUMBER);
  });

  it('200 with an empty list when nothing is held, and the read is still logged', async () => {
    const subjectId = newSubject();
    const result = await read(subjectId, { requestId: await putOpenRequestFor(subjectId) });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ subjectId, documents: [] });
    expect(await logEntriesAbout(subjectId)).toHaveLength(1);
  });

  it('400 without exactly one reason; nothing read, nothing logged', async () => {
    const subjectId = newSubject();
    await registered(registration(subjectId));
    for (const query of [undefined, { requestId: 'req-1', affair: 'tax' }]) {
      const result = await read(subjectId, query);
      expectProblem(result, 400);
      expect(result.json.errors).toEqual([
        { field: 'query.requestId', message: expect.stringContaining('exactly one reason') },
      ]);
      expect(JSON.stringify(result.json)).not.toContain(NUMBER);
    }
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('when the access log cannot be written: 503 with Retry-After, the table is never read and no number is shown or logged', async () => {
    const subjectId = newSubject();
    await registered(registration(subjectId));
    const requestId = await putOpenRequestFor(subjectId);
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(PutCommand, { TableName: tableName('access-log') })
        .rejects(Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' }));
      const result = await read(subjectId, { requestId });
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
      expect(JSON.stringify(result.json)).not.toContain(NUMBER);
      expect(
        mock.commandCalls(QueryCommand).filter((c) => c.args[0].input.TableName === tableName('my-number')),
      ).toEqual([]);
    } finally {
      mock.restore();
    }
    expect(logs.text).toContain('Dependency unavailable');
    expect(logs.text).not.toContain(NUMBER);
  });

  it('401 for an unsigned call; nothing logged', async () => {
    const subjectId = newSubject();
    expectProblem(await read(subjectId, { requestId: 'req-1' }, null), 401);
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });
});
