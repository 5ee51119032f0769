// GET /v1/staff/subjects/{subjectId}/my-number against DynamoDB Local: only the Information
// Security Officer may read Individual Numbers, and each read is access-logged first with its reason.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/view-my-number';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  dropTables,
  expectProblem,
  putOpenRequestFor,
  putOpenRequests,
  putStaff,
  scanAll,
  staffClaims,
} from '../support/requests';
import { captureLogs, NUMBER, registered, registration } from './my-number-fixtures';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoStaff('test-password'), putOpenRequests('req-1')]);
});

afterAll(() => dropTables(prefix));

const logs = captureLogs();
const newSubject = () => `employee-${randomUUID().slice(0, 8)}`;

const view = (
  subjectId: string,
  claims: Record<string, string> | undefined,
  query: Record<string, string> = { requestId: 'req-1' },
) =>
  invoke(handler, {
    method: 'GET',
    path: `/v1/staff/subjects/${subjectId}/my-number`,
    resource: '/v1/staff/subjects/{subjectId}/my-number',
    pathParameters: { subjectId },
    query,
    ...(claims ? { claims } : {}),
  });

const logEntriesAbout = async (subjectId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.subjects.includes(subjectId));

describe('view-my-number', () => {
  it('the officer sees the documents and numbers; the read is logged with staff id, role and reason, without the number', async () => {
    const subjectId = newSubject();
    const tax = await registered(registration(subjectId));
    const result = await view(subjectId, staffClaims('officer'), { affair: 'tax' });
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
      ],
    });
    expect(await logEntriesAbout(subjectId)).toMatchObject([
      {
        actor: 'officer',
        role: 'officer',
        action: 'read',
        subjects: [subjectId],
        fields: ['my-number'],
        reason: 'affair tax',
        sourceIp: '203.0.113.10',
      },
    ]);
    expect(JSON.stringify(await scanAll('access-log'))).not.toContain(NUMBER);
    expect(logs.text).toContain('"route":"view-my-number"');
    expect(logs.text).not.toContain(NUMBER);
  });

  it('403 for an operator and an auditor: nothing shown, nothing logged', async () => {
    const subjectId = newSubject();
    await registered(registration(subjectId));
    for (const role of ['operator', 'auditor']) {
      const result = await view(subjectId, staffClaims(role));
      expectProblem(result, 403);
      expect(JSON.stringify(result.json)).not.toContain(NUMBER);
    }
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('403 for a disabled officer; 401 without sign-in', async () => {
    const subjectId = newSubject();
    await registered(registration(subjectId));
    await putStaff('officer-disabled', 'officer', 'disabled');
    expectProblem(await view(subjectId, staffClaims('officer-disabled', 'officer')), 403);
    expectProblem(await view(subjectId, undefined), 401);
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('400 without a reason for reading', async () => {
    const subjectId = newSubject();
    const result = await view(subjectId, staffClaims('officer'), {});
    expectProblem(result, 400);
    expect(result.json.errors).toEqual([
      { field: 'query.requestId', message: expect.stringContaining('exactly one reason') },
    ]);
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('an open request about someone else → 422 naming requestId; nothing shown or logged', async () => {
    const subjectId = newSubject();
    await registered(registration(subjectId));
    const result = await view(subjectId, staffClaims('officer'), { requestId: 'req-1' });
    expectProblem(result, 422);
    expect(result.json.title).toBe('Request about someone else');
    expect(JSON.stringify(result.json)).not.toContain(NUMBER);
    expect(await logEntriesAbout(subjectId)).toEqual([]);
  });

  it('200 with an empty list when nothing is held; the read is still logged', async () => {
    const subjectId = newSubject();
    const result = await view(subjectId, staffClaims('officer'), { requestId: await putOpenRequestFor(subjectId) });
    expect(result.json).toEqual({ subjectId, documents: [] });
    expect(await logEntriesAbout(subjectId)).toHaveLength(1);
  });
});
