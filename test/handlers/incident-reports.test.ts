// The reports to the PPC against DynamoDB Local: the officer and auditors read the preliminary and
// final report prepared from the stored incident; the officer records a submission as a new version,
// once (of two at once one is 409); bad input names the field and writes nothing; DynamoDB down is
// 503 with Retry-After; every call is access-logged once, naming the incident and no subject.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dynamoIncidents } from '../../functions/adapters/incident-repository';
import type { Incident } from '../../functions/domain/incidents/incident';
import { handler as record } from '../../functions/handlers/record-report-submission';
import { handler as view } from '../../functions/handlers/view-incident-report';
import { seedDemoStaff } from '../../local/seed';
import { completeIncident, incident, subject } from '../domain/incidents/report-fixtures';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { bothReadBeforeEitherWrites, dropTables, expectProblem, scanAll, staffClaims } from '../support/requests';

let prefix: string;
let restore: (() => void) | undefined;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(async () => {
  await dropTables(prefix);
});

afterEach(() => {
  restore?.();
  restore = undefined;
});

let serial = 0;
/** Stores an incident under a fresh id (as version 1, then its later versions), with two linked subjects. */
async function stored(versions: Incident[]): Promise<string> {
  serial += 1;
  const incidentId = `INC-2026-12-01-TEST${String(serial).padStart(2, '0')}`;
  const [first, ...later] = versions.map((v, i) => ({ ...v, incidentId, version: i + 1 }));
  await dynamoIncidents.add(first!, [
    { ...subject('subject-a'), incidentId },
    { ...subject('subject-b'), incidentId },
  ]);
  for (const v of later) await dynamoIncidents.replace(v, []);
  return incidentId;
}

const getReport = (incidentId: string, kind: string, claims = staffClaims('officer'), query?: Record<string, string>) =>
  invoke(view, {
    method: 'GET',
    path: `/v1/staff/incidents/${incidentId}/reports/${kind}`,
    resource: '/v1/staff/incidents/{incidentId}/reports/{kind}',
    pathParameters: { incidentId, kind },
    ...(query ? { query } : {}),
    claims,
  });

const recordSubmission = (incidentId: string, kind: string, body: unknown, claims = staffClaims('officer')) =>
  invoke(record, {
    method: 'POST',
    path: `/v1/staff/incidents/${incidentId}/reports/${kind}/submission`,
    resource: '/v1/staff/incidents/{incidentId}/reports/{kind}/submission',
    pathParameters: { incidentId, kind },
    body,
    claims,
  });

const itemsOf = async (incidentId: string) =>
  (await scanAll('incidents'))
    .filter((i) => i.incidentId === incidentId)
    .map((i) => i.itemKey)
    .sort();
const logged = async (incidentId: string) => (await scanAll('access-log')).filter((e) => e.incidentId === incidentId);

// Submitted after awareness (2026-12-01 10:00 JST) and before now.
const submission = (fromVersion: number, extra: Record<string, unknown> = {}) => ({
  fromVersion,
  submittedAt: '2026-12-03T02:00:00.000Z',
  receiptReference: 'PPC-2026-0042',
  ...extra,
});

describe('reading a report', () => {
  it('the officer and auditors get the preliminary report in Japanese; logged once, naming no subject', async () => {
    const id = await stored([incident()]);
    const result = await getReport(id, 'preliminary', staffClaims('auditor'));
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toMatchObject({
      kind: 'preliminary',
      title: '漏えい等報告（速報）',
      business: { name: 'メカラ合同会社' },
      incidentId: id,
      version: 1,
      notices: { linked: 2, notYetNotified: 2 },
      underInvestigation: [4, 5, 6, 7, 8, 9],
      complete: false,
    });
    expect(result.json.items).toHaveLength(9);
    expect(result.json.items[0].heading).toBe('概要');
    expect(await logged(id)).toEqual([
      expect.objectContaining({
        actor: 'auditor',
        action: 'read',
        subjects: [],
        fields: ['incidents'],
        incidentId: id,
        incidentVersion: 1,
      }),
    ]);
    expect((await getReport(id, 'preliminary', staffClaims('officer'))).status).toBe(200);
  });

  it('operators may not read it (403); unknown incident 404; a bad kind or version 400 naming the field', async () => {
    const id = await stored([incident()]);
    expectProblem(await getReport(id, 'preliminary', staffClaims('operator')), 403);
    expectProblem(await getReport('INC-2026-12-01-NOSUCH', 'preliminary'), 404);
    const kind = await getReport(id, 'interim');
    expectProblem(kind, 400);
    expect(JSON.stringify(kind.json.errors)).toContain('kind');
    const version = await getReport(id, 'preliminary', staffClaims('officer'), { version: 'two' });
    expectProblem(version, 400);
    expect(JSON.stringify(version.json.errors)).toContain('version');
    expectProblem(await getReport(id, 'preliminary', staffClaims('officer'), { version: '5' }), 422);
    expect(await logged(id)).toEqual([]);
  });

  it('the final report: 422 naming each empty item; from a complete version 200', async () => {
    const id = await stored([incident(), completeIncident()]);
    const early = await getReport(id, 'final', staffClaims('officer'), { version: '1' });
    expectProblem(early, 422);
    expect(early.json.errors.map((e: { field: string }) => e.field)).toEqual([
      'cause',
      'secondaryDamage',
      'measuresTaken',
      'publication',
      'recurrencePrevention',
    ]);
    const final = await getReport(id, 'final');
    expect(final.status).toBe(200);
    expect(final.json).toMatchObject({ kind: 'final', version: 2, complete: true, underInvestigation: [] });
  });

  it('no report for an incident not reportable (422 naming reportability)', async () => {
    const id = await stored([incident({ reportability: { ...incident().reportability, reportable: false } })]);
    const result = await getReport(id, 'preliminary');
    expectProblem(result, 422);
    expect(result.json.errors).toEqual([expect.objectContaining({ field: 'reportability' })]);
  });
});

describe('recording a submission', () => {
  it('201 with the new version carrying the record; the report then shows it; the same kind again 409', async () => {
    const id = await stored([incident()]);
    const result = await recordSubmission(id, 'preliminary', submission(1));
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json).toMatchObject({
      incidentId: id,
      version: 2,
      reports: {
        preliminary: { kind: 'preliminary', receiptReference: 'PPC-2026-0042', fromVersion: 1, recordedBy: 'officer' },
      },
    });
    expect(await itemsOf(id)).toEqual([
      'incident',
      'subject#subject-a',
      'subject#subject-b',
      'version#0001',
      'version#0002',
    ]);
    const stored2 = await dynamoIncidents.get(id);
    expect(stored2?.reports.preliminary?.submittedAt).toBe('2026-12-03T02:00:00.000Z');
    const report = await getReport(id, 'preliminary');
    expect(report.json.submission).toMatchObject({ receiptReference: 'PPC-2026-0042' });
    expectProblem(await recordSubmission(id, 'preliminary', submission(2)), 409);
    expect(await itemsOf(id)).toHaveLength(5);
    expect((await logged(id)).filter((e) => e.action === 'write')).toHaveLength(1);
  });

  it('only the officer records (403); bad input 400 or 422 naming the field; nothing written', async () => {
    const id = await stored([completeIncident()]);
    expectProblem(await recordSubmission(id, 'preliminary', submission(1), staffClaims('auditor')), 403);
    expectProblem(await recordSubmission(id, 'preliminary', submission(1), staffClaims('operator')), 403);
    const cases: [unknown, number, string][] = [
      [submission(1, { receiptReference: '  ' }), 400, 'receiptReference'],
      [submission(1, { submittedAt: 'yesterday' }), 400, 'submittedAt'],
      [{ submittedAt: '2026-12-03T02:00:00.000Z', receiptReference: 'x' }, 400, 'fromVersion'],
      [submission(1, { submittedAt: '2099-01-01T00:00:00.000Z' }), 422, 'submittedAt'],
      [submission(1, { submittedAt: '2026-11-30T00:00:00.000Z' }), 422, 'submittedAt'],
      [submission(4), 422, 'fromVersion'],
      [submission(1, { servesAsPreliminary: true }), 422, 'servesAsPreliminary'],
    ];
    for (const [body, status, field] of cases) {
      const result = await recordSubmission(id, 'preliminary', body);
      expectProblem(result, status);
      expect(JSON.stringify(result.json.errors), JSON.stringify(body)).toContain(field);
    }
    const finalAlone = await recordSubmission(id, 'final', submission(1));
    expectProblem(finalAlone, 422);
    expect(finalAlone.json.errors[0].field).toBe('servesAsPreliminary');
    expect(await itemsOf(id)).toEqual(['incident', 'subject#subject-a', 'subject#subject-b', 'version#0001']);
  });

  it('a final report serving both records the two at once', async () => {
    const id = await stored([completeIncident()]);
    const result = await recordSubmission(id, 'final', submission(1, { servesAsPreliminary: true }));
    expect(result.status, JSON.stringify(result.json)).toBe(201);
    expect(result.json.reports).toMatchObject({
      preliminary: { kind: 'preliminary', servesBoth: true },
      final: { kind: 'final', servesBoth: true },
    });
  });

  it('two records at once: one 201, the other 409, one version written', async () => {
    const id = await stored([incident()]);
    bothReadBeforeEitherWrites(dynamoIncidents, 'get');
    const results = await Promise.all([
      recordSubmission(id, 'preliminary', submission(1)),
      recordSubmission(id, 'preliminary', submission(1, { receiptReference: 'PPC-OTHER' })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await itemsOf(id)).toEqual([
      'incident',
      'subject#subject-a',
      'subject#subject-b',
      'version#0001',
      'version#0002',
    ]);
  });

  it('DynamoDB down: 503 with Retry-After, nothing recorded', async () => {
    const id = await stored([incident()]);
    const { mock } = mockDocumentClient();
    restore = () => mock.restore();
    mock.on(TransactWriteCommand).rejects(
      Object.assign(new Error('ServiceUnavailable'), {
        name: 'ServiceUnavailable',
        $fault: 'server',
        $metadata: { httpStatusCode: 503 },
      }),
    );
    const result = await recordSubmission(id, 'preliminary', submission(1));
    expectProblem(result, 503);
    expect(result.headers['retry-after']).toBeDefined();
    restore();
    restore = undefined;
    expect(await itemsOf(id)).toEqual(['incident', 'subject#subject-a', 'subject#subject-b', 'version#0001']);
  });
});
