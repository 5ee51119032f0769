// The audit routes against DynamoDB Local: the officer plans, the assigned auditor answers items and
// closes, findings carry corrective actions the officer follows; roles enforced; bad input is a 4xx
// naming the field with nothing written; two answers at once give one 409; DynamoDB down is 503 with
// Retry-After; every write is access-logged once.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoAudits } from '../../functions/adapters/audit-repository';
import { CHECKLIST_ITEM_IDS } from '../../functions/domain/audits/checklist';
import { handler as addFinding } from '../../functions/handlers/add-audit-finding';
import { handler as changeAction } from '../../functions/handlers/change-corrective-action';
import { handler as close } from '../../functions/handlers/close-audit';
import { handler as list } from '../../functions/handlers/list-audits';
import { handler as plan } from '../../functions/handlers/plan-audit';
import { handler as record } from '../../functions/handlers/record-audit-result';
import { handler as view } from '../../functions/handlers/view-audit';
import { handler as report } from '../../functions/handlers/view-audit-report';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  putStaff,
  scanAll,
  staffClaims,
} from '../support/requests';

let prefix: string;
const OFFICER = staffClaims('officer');
const OPERATOR = staffClaims('operator');
const AUDITOR = staffClaims('auditor');
const OTHER_AUDITOR = staffClaims('auditor-b', 'auditor');

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  await putStaff('auditor-b', 'auditor');
});

afterAll(() => dropTables(prefix));

const RESOURCE = '/v1/staff/audits';
const call = (
  handler: Parameters<typeof invoke>[0],
  method: 'GET' | 'POST' | 'PUT',
  opts: { id?: string; findingId?: string; rest?: string; body?: unknown; claims?: Record<string, string> } = {},
) => {
  const rest = opts.rest ?? '';
  const findingPath = opts.findingId !== undefined ? `/findings/${opts.findingId}/action` : '';
  const findingResource = opts.findingId !== undefined ? '/findings/{findingId}/action' : '';
  return invoke(handler, {
    method,
    path: `${RESOURCE}${opts.id ? `/${opts.id}` : ''}${rest}${findingPath}`,
    resource: `${RESOURCE}${opts.id !== undefined ? '/{auditId}' : ''}${rest}${findingResource}`,
    ...(opts.id !== undefined
      ? { pathParameters: { auditId: opts.id, ...(opts.findingId !== undefined ? { findingId: opts.findingId } : {}) } }
      : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    claims: opts.claims ?? OFFICER,
  });
};

const PLAN = {
  title: '2026年度 上期 個人データ取扱い監査',
  scope: 'The privacy desk, its console and the staff who use it',
  period: { from: '2026-04-01', to: '2026-09-30' },
  plannedOn: '2026-12-10',
  auditor: 'auditor',
};

async function planned(items?: string[]): Promise<string> {
  const result = await call(plan, 'POST', { body: { ...PLAN, ...(items ? { items } : {}) } });
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json.auditId as string;
}

const itemsOf = async (auditId: string) =>
  (await scanAll('audits'))
    .filter((i) => i.auditId === auditId)
    .map((i) => String(i.itemKey))
    .sort();

const auditLogEntries = async () => (await scanAll('access-log')).filter((e) => String(e.fields) === 'audits');

describe('planning and reading audits', () => {
  it('the officer plans an audit of every item; officer and auditor read it; an operator may not', async () => {
    const before = (await auditLogEntries()).length;
    const auditId = await planned();
    expect(auditId).toMatch(/^AUD-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/);
    expect((await auditLogEntries()).length).toBe(before + 1);
    const seen = await call(view, 'GET', { id: auditId, claims: AUDITOR });
    expect(seen.status).toBe(200);
    expect(seen.json.audit).toMatchObject({
      state: 'planned',
      version: 1,
      auditor: 'auditor',
      items: CHECKLIST_ITEM_IDS,
    });
    const listed = await call(list, 'GET', { claims: AUDITOR });
    expect(listed.json.audits.map((a: { auditId: string }) => a.auditId)).toContain(auditId);
    expectProblem(await call(list, 'GET', { claims: OPERATOR }), 403);
    expectProblem(await call(plan, 'POST', { body: PLAN, claims: AUDITOR }), 403);
    expectProblem(await call(view, 'GET', { id: 'AUD-2000-01-01-NONE00' }), 404);
  });

  it('refuses an unknown item, an officer as auditor and a missing field, naming the field; nothing written', async () => {
    const before = (await scanAll('audits')).length;
    const unknown = await call(plan, 'POST', { body: { ...PLAN, items: ['basic-policy', 'door-locks'] } });
    expectProblem(unknown, 422);
    expect(unknown.json.errors).toEqual([{ field: 'body.items.1', message: expect.stringContaining('"door-locks"') }]);
    const officer = await call(plan, 'POST', { body: { ...PLAN, auditor: 'officer' } });
    expectProblem(officer, 422);
    expect(officer.json.errors.map((e: { field: string }) => e.field)).toEqual(['body.auditor']);
    const { title: _title, ...untitled } = PLAN;
    const missing = await call(plan, 'POST', { body: untitled });
    expect(missing.status).toBeGreaterThanOrEqual(400);
    expect(missing.status).toBeLessThan(500);
    expect(JSON.stringify(missing.json.errors)).toContain('body.title');
    expect((await scanAll('audits')).length).toBe(before);
  });
});

describe('results, findings, actions and closing', () => {
  it('the assigned auditor answers; another auditor, the officer or an unknown item are refused with nothing written', async () => {
    const auditId = await planned(['basic-policy', 'human-training']);
    const answer = { itemId: 'basic-policy', outcome: 'conforms', note: 'Published.', version: 0 };
    expectProblem(
      await call(record, 'POST', { id: auditId, rest: '/results', body: answer, claims: OTHER_AUDITOR }),
      403,
    );
    expectProblem(await call(record, 'POST', { id: auditId, rest: '/results', body: answer, claims: OFFICER }), 403);
    const unknown = await call(record, 'POST', {
      id: auditId,
      rest: '/results',
      body: { ...answer, itemId: 'door-locks' },
      claims: AUDITOR,
    });
    expectProblem(unknown, 422);
    expect(unknown.json.errors).toEqual([{ field: 'body.itemId', message: expect.stringContaining('"door-locks"') }]);
    const badOutcome = await call(record, 'POST', {
      id: auditId,
      rest: '/results',
      body: { ...answer, outcome: 'fine' },
      claims: AUDITOR,
    });
    expect(JSON.stringify(badOutcome.json.errors)).toContain('body.outcome');
    expect(await itemsOf(auditId)).toEqual(['plan']);
    const stored = await call(record, 'POST', { id: auditId, rest: '/results', body: answer, claims: AUDITOR });
    expect(stored.status).toBe(201);
    expect(await itemsOf(auditId)).toEqual(['plan', 'result#basic-policy']);
  });

  it('two answers to the same item on the same version: one is stored, the other 409', async () => {
    const auditId = await planned(['basic-policy']);
    bothReadBeforeEitherWrites(dynamoAudits, 'get');
    const answer = (outcome: string) =>
      call(record, 'POST', {
        id: auditId,
        rest: '/results',
        body: { itemId: 'basic-policy', outcome, note: outcome, version: 0 },
        claims: AUDITOR,
      });
    const results = await Promise.all([answer('conforms'), answer('not-applicable')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(results.find((r) => r.status === 409)!, 409);
    const dossier = await call(view, 'GET', { id: auditId });
    expect(dossier.json.results).toHaveLength(1);
    expect(dossier.json.results[0].version).toBe(1);
  });

  it('a finding with an unknown owner is refused naming the owner; the officer moves its action to done; the report shows it', async () => {
    const auditId = await planned(['basic-policy', 'human-training']);
    const finding = {
      itemId: 'human-training',
      description: 'One operator has no training this year.',
      action: { description: 'Train the operator.', owner: 'nobody-here', dueOn: '2026-12-20' },
    };
    const unknownOwner = await call(addFinding, 'POST', {
      id: auditId,
      rest: '/findings',
      body: finding,
      claims: AUDITOR,
    });
    expectProblem(unknownOwner, 422);
    expect(unknownOwner.json.errors.map((e: { field: string }) => e.field)).toEqual(['body.owner']);
    expect(await itemsOf(auditId)).toEqual(['plan']);
    const raised = await call(addFinding, 'POST', {
      id: auditId,
      rest: '/findings',
      body: { ...finding, action: { ...finding.action, owner: 'operator' } },
      claims: AUDITOR,
    });
    expect(raised.status).toBe(201);
    const findingId = raised.json.findingId as string;
    expectProblem(
      await call(changeAction, 'PUT', {
        id: auditId,
        findingId,
        body: { version: 1, status: 'in-progress' },
        claims: AUDITOR,
      }),
      403,
    );
    const noOutcome = await call(changeAction, 'PUT', { id: auditId, findingId, body: { version: 1, status: 'done' } });
    expectProblem(noOutcome, 422);
    expect(noOutcome.json.errors.map((e: { field: string }) => e.field)).toEqual(['body.outcome']);
    const done = await call(changeAction, 'PUT', {
      id: auditId,
      findingId,
      body: { version: 1, status: 'done', outcome: 'Trained on 2026-12-15.' },
    });
    expect(done.status).toBe(200);
    expect(done.json.action).toMatchObject({ status: 'done', outcome: 'Trained on 2026-12-15.' });

    for (const itemId of ['basic-policy', 'human-training'])
      await call(record, 'POST', {
        id: auditId,
        rest: '/results',
        body: {
          itemId,
          outcome: itemId === 'basic-policy' ? 'conforms' : 'does-not-conform',
          note: 'Seen.',
          version: 0,
        },
        claims: AUDITOR,
      });
    const closed = await call(close, 'POST', {
      id: auditId,
      rest: '/closure',
      body: { version: 1, conclusion: 'Conforms but for training, now corrected.' },
      claims: AUDITOR,
    });
    expect(closed.status).toBe(200);
    expect(closed.json.state).toBe('closed');
    const after = await call(addFinding, 'POST', {
      id: auditId,
      rest: '/findings',
      body: { ...finding, action: { ...finding.action, owner: 'operator' } },
      claims: AUDITOR,
    });
    expectProblem(after, 409);

    const printed = await call(report, 'GET', { id: auditId, rest: '/report', claims: AUDITOR });
    expect(printed.status).toBe(200);
    expect(printed.json.items.map((i: { section: string }) => i.section)).toEqual(['10-1', '10-4']);
    expect(printed.json.tally).toMatchObject({ conforms: 1, 'does-not-conform': 1, unanswered: 0, openActions: 0 });
    expect(printed.json.findings[0]).toMatchObject({ findingId, overdue: false });
  });

  it('closing with an item unanswered is 409 naming it; nothing changes', async () => {
    const auditId = await planned(['basic-policy']);
    const early = await call(close, 'POST', {
      id: auditId,
      rest: '/closure',
      body: { version: 1, conclusion: 'x' },
      claims: AUDITOR,
    });
    expectProblem(early, 409);
    expect(early.json.detail).toContain('basic-policy');
    expect((await dynamoAudits.get(auditId))?.state).toBe('planned');
  });

  it('503 with Retry-After when a result cannot reach DynamoDB; nothing stored', async () => {
    const auditId = await planned(['basic-policy']);
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(TransactWriteCommand)
        .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
      const result = await call(record, 'POST', {
        id: auditId,
        rest: '/results',
        body: { itemId: 'basic-policy', outcome: 'conforms', note: '', version: 0 },
        claims: AUDITOR,
      });
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      mock.restore();
    }
    expect(await itemsOf(auditId)).toEqual(['plan']);
  });
});
