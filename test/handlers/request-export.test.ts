// POST /v1/staff/exports, GET /v1/staff/exports and GET /v1/staff/exports/{exportId} against
// DynamoDB Local and the SES emulator: the request is stored with its e-mail to the officer and
// access-logged; special-care categories and My Number are refused by name; listing shows metadata,
// an operator only their own.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import type { ExportRequest } from '../../functions/domain/exports/rules';
import { handler as listExports } from '../../functions/handlers/list-exports';
import { handler as requestExport } from '../../functions/handlers/request-export';
import { handler as sendOutbox } from '../../functions/handlers/send-outbox';
import { handler as viewExport } from '../../functions/handlers/view-export';
import { freshTables, invoke, mailbox } from '../support/desk';
import {
  dropTables,
  expectProblem,
  getItem,
  putOpenRequestFor,
  putOpenRequests,
  putStaff,
  scanAll,
  staffClaims,
  streamEvent,
  streamRecord,
} from '../support/requests';

let prefix: string;
const run = randomUUID().slice(0, 6);
const OPERATOR = `exp-op-${run}`;
const OTHER_OPERATOR = `exp-op2-${run}`;
const OFFICER = `exp-officer-${run}`;
const AUDITOR = `exp-auditor-${run}`;
const as = (staffId: string, role: string) => staffClaims(staffId, role);

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([
    putStaff(OPERATOR, 'operator'),
    putStaff(OTHER_OPERATOR, 'operator'),
    putStaff(OFFICER, 'officer'),
    putStaff(AUDITOR, 'auditor'),
    putOpenRequests('req-77'),
  ]);
});

afterAll(() => dropTables(prefix));

const ask = (body: unknown, claims = as(OPERATOR, 'operator')) =>
  invoke(requestExport, { method: 'POST', path: '/v1/staff/exports', resource: '/v1/staff/exports', body, claims });
const list = (claims: Record<string, string>, status?: string) =>
  invoke(listExports, {
    method: 'GET',
    path: '/v1/staff/exports',
    resource: '/v1/staff/exports',
    ...(status ? { query: { status } } : {}),
    claims,
  });
const view = (exportId: string, claims: Record<string, string>) =>
  invoke(viewExport, {
    method: 'GET',
    path: `/v1/staff/exports/${exportId}`,
    resource: '/v1/staff/exports/{exportId}',
    pathParameters: { exportId },
    claims,
  });

const subjects = () => [`subject-${randomUUID()}`, `subject-${randomUUID()}`];
const logAbout = async (subjectId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.subjects.includes(subjectId));

describe('request-export', () => {
  it('202: stores the request, e-mails the officer in the same transaction, and access-logs subjects, fields and reason', async () => {
    const subjectIds = subjects();
    const result = await ask({
      subjectIds,
      categories: ['name', 'email', 'cookie-id'],
      purpose: 'service-provision',
      format: 'csv',
      note: 'For the annual audit',
    });
    expect(result.status, JSON.stringify(result.json)).toBe(202);
    expect(result.json).toEqual({ exportId: expect.any(String), status: 'requested' });
    const { exportId } = result.json;
    const stored = await getItem<ExportRequest>('exports', { exportId });
    expect(stored).toMatchObject({
      exportId,
      status: 'requested',
      version: 1,
      requestedBy: OPERATOR,
      subjectIds,
      categories: ['name', 'email', 'cookie-id'],
      reason: 'purpose service-provision',
      format: 'csv',
      note: 'For the annual audit',
    });
    expect(stored!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2 * 365 * 24 * 3600);

    const [message, ...more] = (await scanAll('outbox')).filter((m) => m.messageId === `export-requested-${exportId}`);
    expect(more).toEqual([]);
    expect(message).toMatchObject({ to: ['officer@desk.example.jp'], outboxState: 'pending' });
    expect((await sendOutbox(streamEvent(streamRecord('INSERT', { newImage: message! })))).batchItemFailures).toEqual(
      [],
    );
    const mail = (await mailbox('officer@desk.example.jp')).find((m) => m.subject.includes(exportId));
    expect(mail!.body.text).toContain(`https://desk.test/test/v1/staff/exports/${exportId}`);
    expect(mail!.body.text).toContain('Approve or refuse it by its export number');
    expect(mail!.body.text).toContain('Subjects: 2');

    const [entry, ...others] = await logAbout(subjectIds[0]!);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      actor: OPERATOR,
      role: 'operator',
      action: 'write',
      subjects: subjectIds,
      fields: ['name', 'email', 'cookie-id'],
      reason: `purpose service-provision (export ${exportId} requested)`,
      sourceIp: '203.0.113.10',
    });
  });

  it('without categories: every ordinary and access-information category; a request id is a reason too', async () => {
    const subjectIds = subjects();
    const requestId = await putOpenRequestFor(...subjectIds);
    const result = await ask({ subjectIds, requestId });
    expect(result.status).toBe(202);
    const stored = await getItem<ExportRequest>('exports', { exportId: result.json.exportId });
    expect(stored).toMatchObject({ reason: `request ${requestId}`, format: 'json' });
    expect(stored!.categories).toContain('advertising-identifier');
    expect(stored!.categories).not.toContain('medical-history');
  });

  it('an open request about other people is no reason to export these: 422 naming requestId, nothing stored', async () => {
    const result = await ask({ subjectIds: subjects(), requestId: 'req-77' });
    expectProblem(result, 422);
    expect(result.json.detail).toMatch(/^requestId: request req-77 is not about/);
    expect((await scanAll('exports')).filter((e) => e.reason === 'request req-77')).toEqual([]);
  });

  it('special-care categories and My Number → 422 naming them; nothing stored, e-mailed or logged', async () => {
    const subjectIds = subjects();
    const before = (await scanAll('exports')).length;
    for (const categories of [['name', 'medical-history', 'criminal-record'], ['my-number']]) {
      const result = await ask({ subjectIds, categories, purpose: 'service-provision' });
      expectProblem(result, 422);
      for (const named of categories.filter((c) => c !== 'name')) expect(result.json.detail).toContain(named);
    }
    expect((await scanAll('exports')).length).toBe(before);
    expect(await logAbout(subjectIds[0]!)).toEqual([]);
  });

  it('bad input → 400 or 422 naming the field, nothing stored', async () => {
    const [a, b] = subjects();
    const cases: Array<[unknown, number, string]> = [
      [{ subjectIds: [a], purpose: 'service-provision' }, 400, 'body.subjectIds'],
      [
        { subjectIds: Array.from({ length: 101 }, (_, i) => `s-${i}`), purpose: 'service-provision' },
        400,
        'body.subjectIds',
      ],
      [{ subjectIds: [a, a], purpose: 'service-provision' }, 400, 'body.subjectIds'],
      [{ subjectIds: [a, 'no spaces'], purpose: 'service-provision' }, 400, 'body.subjectIds.1'],
      [{ subjectIds: [a, b] }, 400, 'body.requestId'],
      [{ subjectIds: [a, b], purpose: 'service-provision', requestId: 'req-1' }, 400, 'body.requestId'],
      [{ subjectIds: [a, b], purpose: 'service-provision', format: 'xlsx' }, 400, 'body.format'],
      [{ subjectIds: [a, b], purpose: 'service-provision', note: 'x'.repeat(1001) }, 400, 'body.note'],
      [{ subjectIds: [a, b], purpose: 'service-provision', categories: [] }, 400, 'body.categories'],
      [{ subjectIds: [a, b], purpose: 'service-provision', extra: 1 }, 400, 'body'],
      [{ subjectIds: [a, b], purpose: 'no-such-purpose' }, 422, 'purpose'],
      [{ subjectIds: [a, b], purpose: 'service-provision', categories: ['shoe-size'] }, 422, 'categories'],
    ];
    for (const [body, status, field] of cases) {
      const result = await ask(body);
      expectProblem(result, status);
      expect(JSON.stringify(result.json), JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    expect(await logAbout(a!)).toEqual([]);
  });

  it('an auditor may not request an export', async () => {
    expectProblem(await ask({ subjectIds: subjects(), purpose: 'service-provision' }, as(AUDITOR, 'auditor')), 403);
  });
});

describe('list-exports and view-export', () => {
  it('the officer and auditors see every request, an operator only their own; no values, no token hash', async () => {
    const mine = (await ask({ subjectIds: subjects(), purpose: 'service-provision' })).json.exportId as string;
    const theirs = (await ask({ subjectIds: subjects(), purpose: 'service-provision' }, as(OTHER_OPERATOR, 'operator')))
      .json.exportId as string;
    for (const claims of [as(OFFICER, 'officer'), as(AUDITOR, 'auditor')]) {
      const result = await list(claims, 'requested');
      expect(result.status).toBe(200);
      expect(result.json.items.map((i: { exportId: string }) => i.exportId)).toEqual(
        expect.arrayContaining([mine, theirs]),
      );
    }
    const own = await list(as(OPERATOR, 'operator'));
    expect(own.json.items.map((i: { exportId: string }) => i.exportId)).toContain(mine);
    expect(own.json.items.every((i: { requestedBy: string }) => i.requestedBy === OPERATOR)).toBe(true);
    expect(own.json.items.find((i: { exportId: string }) => i.exportId === mine)).toMatchObject({
      status: 'requested',
      subjectCount: 2,
    });
    expect(
      (await list(as(OFFICER, 'officer'), 'downloaded')).json.items.map((i: { exportId: string }) => i.exportId),
    ).not.toContain(mine);

    const shown = await view(mine, as(OPERATOR, 'operator'));
    expect(shown.status).toBe(200);
    expect(shown.json).toMatchObject({
      exportId: mine,
      status: 'requested',
      subjectIds: expect.any(Array),
      requestedBy: OPERATOR,
    });
    for (const hidden of ['tokenHash', 'version', 'expiresAt']) expect(shown.json).not.toHaveProperty(hidden);
    expectProblem(await view(theirs, as(OPERATOR, 'operator')), 403);
    expect((await view(theirs, as(AUDITOR, 'auditor'))).status).toBe(200);
    expectProblem(await view('no-such-export', as(OFFICER, 'officer')), 404);
    expectProblem(await view('no such', as(OFFICER, 'officer')), 400);
    const badStatus = await list(as(OFFICER, 'officer'), 'lost');
    expectProblem(badStatus, 400);
    expect(JSON.stringify(badStatus.json)).toContain('query.status');
  });
});
