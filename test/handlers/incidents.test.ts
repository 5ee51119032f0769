// The incident register's routes against DynamoDB Local: an operator opens a draft, the officer takes
// it on, links registry subjects and changes it (versions, conditional on the version read); bad input
// is a 4xx naming the field with nothing written; two changes at once give one 409; DynamoDB down is
// 503 with Retry-After; every read and write is access-logged once.
import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoIncidents } from '../../functions/adapters/incident-repository';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler as change } from '../../functions/handlers/change-incident';
import { handler as close } from '../../functions/handlers/close-incident';
import { handler as link } from '../../functions/handlers/link-incident-subjects';
import { handler as list } from '../../functions/handlers/list-incidents';
import { handler as open } from '../../functions/handlers/open-incident';
import { handler as override } from '../../functions/handlers/override-reportability';
import { handler as register } from '../../functions/handlers/register-incident';
import { handler as view } from '../../functions/handlers/view-incident';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  bothReadBeforeEitherWrites,
  dropTables,
  expectProblem,
  putItem,
  scanAll,
  staffClaims,
} from '../support/requests';

let prefix: string;
const OFFICER = staffClaims('officer');
const OPERATOR = staffClaims('operator');
const AUDITOR = staffClaims('auditor');

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});

afterAll(() => dropTables(prefix));

const RESOURCE = '/v1/staff/incidents';
const call = (
  handler: Parameters<typeof invoke>[0],
  method: 'GET' | 'POST' | 'PUT',
  rest: string,
  opts: { id?: string; body?: unknown; claims?: Record<string, string> } = {},
) =>
  invoke(handler, {
    method,
    path: `${RESOURCE}${opts.id ? `/${opts.id}` : ''}${rest}`,
    resource: `${RESOURCE}${opts.id !== undefined ? '/{incidentId}' : ''}${rest}`,
    ...(opts.id !== undefined ? { pathParameters: { incidentId: opts.id } } : {}),
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    claims: opts.claims ?? OFFICER,
  });

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const draft = (fields: Record<string, unknown> = {}) => ({
  kinds: ['leak'],
  awareAt: hourAgo(),
  awareHow: 'A customer phoned: they had received another customer’s order confirmation.',
  summary: 'An order confirmation e-mail went to the wrong customer.',
  categories: ['name', 'email'],
  persons: { estimated: 1 },
  factors: {
    specialCareRequired: false,
    financialLoss: false,
    wrongfulPurpose: false,
    individualNumbers: false,
    publiclyViewable: false,
    advancedEncryption: false,
  },
  ...fields,
});

async function registeredSubject(): Promise<string> {
  const subjectId = `subject-${randomUUID()}`;
  await putItem('personal-data', {
    subjectId,
    recordId: 'rec-name',
    category: 'name',
    value: '山田 花子',
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2025-04-01T00:00:00.000Z',
    lookupKey: `subject#${subjectId}`,
    expiresAt: Math.floor(Date.now() / 1000) + 86_400,
  });
  return subjectId;
}

const itemsOf = async (incidentId: string) =>
  (await scanAll('incidents'))
    .filter((i) => i.incidentId === incidentId)
    .map((i) => i.itemKey as string)
    .sort();
const logOf = async (reason: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason.includes(reason));

async function openRegistered(fields: Record<string, unknown> = {}): Promise<string> {
  const opened = await call(open, 'POST', '', { body: draft(fields), claims: OPERATOR });
  expect(opened.status, JSON.stringify(opened.json)).toBe(201);
  const id = opened.json.incidentId as string;
  const taken = await call(register, 'POST', '/registration', { id, body: { version: 1 } });
  expect(taken.status, JSON.stringify(taken.json)).toBe(200);
  return id;
}

describe('the register, from a draft to a closed incident', () => {
  it('operator opens, officer takes on and links, auditor reads: each step a version, each call logged once', async () => {
    const opened = await call(open, 'POST', '', { body: draft(), claims: OPERATOR });
    expect(opened.status, JSON.stringify(opened.json)).toBe(201);
    const id = opened.json.incidentId as string;
    expect(id).toMatch(/^INC-\d{4}-\d{2}-\d{2}-[0-9A-Z]{6}$/);
    expect(opened.json).toMatchObject({
      state: 'draft',
      version: 1,
      createdBy: 'operator',
      reportable: false,
      deadlines: { finalDays: 30 },
      persons: { estimated: 1, linked: 0 },
    });

    expectProblem(await call(register, 'POST', '/registration', { id, body: { version: 1 }, claims: OPERATOR }), 403);
    const taken = await call(register, 'POST', '/registration', { id, body: { version: 1 } });
    expect(taken.json).toMatchObject({ state: 'open', version: 2, changedBy: 'officer' });

    const subject = await registeredSubject();
    const linked = await call(link, 'POST', '/subjects', { id, body: { version: 2, subjectIds: [subject] } });
    expect(linked.status, JSON.stringify(linked.json)).toBe(200);
    expect(linked.json.incident.persons).toEqual({ estimated: 1, linked: 1 });
    expect(linked.json.subjects).toEqual([
      expect.objectContaining({ incidentId: id, subjectId: subject, linkedBy: 'officer' }),
    ]);
    expect((await dynamoIncidents.incidentsOf(subject)).map((s) => s.incidentId)).toEqual([id]);

    const seen = await call(view, 'GET', '', { id, claims: AUDITOR });
    expect(seen.status).toBe(200);
    expect(seen.json.versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    const listed = await call(list, 'GET', '', { claims: OPERATOR });
    expect(listed.json.items.map((i: { incidentId: string }) => i.incidentId)).toContain(id);

    const closed = await call(close, 'POST', '/closure', {
      id,
      body: { version: 3, reason: 'The recipient deleted the e-mail and confirmed it in writing.' },
    });
    expect(closed.json).toMatchObject({ state: 'closed', version: 4, closedBy: 'officer' });
    expect(await itemsOf(id)).toEqual([
      'incident',
      `subject#${subject}`,
      'version#0001',
      'version#0002',
      'version#0003',
      'version#0004',
    ]);
    const entries = await logOf(`incident ${id}`);
    expect(entries.map((e) => [e.actor, e.action])).toEqual(
      expect.arrayContaining([
        ['operator', 'write'],
        ['officer', 'write'],
        ['auditor', 'read'],
      ]),
    );
    expect(entries).toHaveLength(5);
    expect(entries.find((e) => e.actor === 'auditor')?.subjects).toEqual([subject]);
  });

  it("the officer's override needs a written reason, and is kept with who and when", async () => {
    const id = await openRegistered();
    const bare = await call(override, 'POST', '/reportability', { id, body: { version: 2, reportable: true } });
    expectProblem(bare, 400);
    expect(bare.json.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    const done = await call(override, 'POST', '/reportability', {
      id,
      body: {
        version: 2,
        reportable: true,
        reason: 'The wrong recipient is a competitor and will not confirm deletion.',
      },
    });
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    expect(done.json).toMatchObject({
      reportable: true,
      reportability: { reportable: false, override: { by: 'officer' } },
    });
  });
});

describe('bad input: a 4xx naming the field, nothing written', () => {
  it('awareness in the future, an estimate below the confirmed count, a missing factor', async () => {
    const before = (await scanAll('incidents')).length;
    const future = await call(open, 'POST', '', {
      body: draft({ awareAt: new Date(Date.now() + 86_400_000).toISOString() }),
      claims: OPERATOR,
    });
    expectProblem(future, 422);
    expect(future.json.errors.map((e: { field: string }) => e.field)).toEqual(['body.awareAt']);
    const counts = await call(open, 'POST', '', { body: draft({ persons: { estimated: 2, confirmed: 5 } }) });
    expectProblem(counts, 422);
    expect(counts.json.errors.map((e: { field: string }) => e.field)).toEqual(['body.persons.estimated']);
    const missing = await call(open, 'POST', '', { body: { ...draft(), factors: { specialCareRequired: false } } });
    expectProblem(missing, 400);
    expect(missing.json.errors.map((e: { field: string }) => e.field)).toContain('body.factors.financialLoss');
    expect((await scanAll('incidents')).length).toBe(before);
  });

  it('unknown subjects are named; more links than confirmed persons refused; nothing linked', async () => {
    const id = await openRegistered({ persons: { confirmed: 1 } });
    const known = await registeredSubject();
    const ghost = `subject-ghost-${randomUUID()}`;
    const unknown = await call(link, 'POST', '/subjects', { id, body: { version: 2, subjectIds: [known, ghost] } });
    expectProblem(unknown, 422);
    expect(unknown.json.errors).toEqual([{ field: 'body.subjectIds', message: expect.stringContaining(ghost) }]);
    const other = await registeredSubject();
    const over = await call(link, 'POST', '/subjects', { id, body: { version: 2, subjectIds: [known, other] } });
    expectProblem(over, 422);
    expect(await itemsOf(id)).toEqual(['incident', 'version#0001', 'version#0002']);
  });

  it('an incident id that is not one is 400; an unknown one 404', async () => {
    expectProblem(await call(view, 'GET', '', { id: 'not-an-id' }), 400);
    expectProblem(await call(view, 'GET', '', { id: 'INC-2026-12-07-ZZZZZZ' }), 404);
  });
});

describe('at once, and with DynamoDB down', () => {
  it('two changes on the same version: one is stored, the other 409', async () => {
    const id = await openRegistered();
    bothReadBeforeEitherWrites(dynamoIncidents, 'get');
    const changeTo = (cause: string) =>
      call(change, 'PUT', '', { id, body: { ...draft({ cause }), version: 2, reason: `found: ${cause}` } });
    const results = await Promise.all([changeTo('wrong row'), changeTo('wrong template')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expectProblem(results.find((r) => r.status === 409)!, 409);
    expect(await itemsOf(id)).toEqual(['incident', 'version#0001', 'version#0002', 'version#0003']);
  });

  it('503 with Retry-After when the write cannot reach DynamoDB; nothing stored', async () => {
    const id = await openRegistered();
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(TransactWriteCommand)
        .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
      const result = await call(change, 'PUT', '', { id, body: { ...draft(), version: 2, reason: 'more known' } });
      expectProblem(result, 503);
      expect(result.headers['retry-after']).toBeDefined();
    } finally {
      mock.restore();
    }
    expect(await itemsOf(id)).toEqual(['incident', 'version#0001', 'version#0002']);
  });
});
