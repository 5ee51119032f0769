// The internal rules' routes against DynamoDB Local: only the officer publishes; two publications of
// one version at once give one 201 and one 409; every staff role reads and acknowledges their own;
// unknown rules or versions are a 422 naming the field with nothing written; the officer and auditors
// see who has not acknowledged (the read access-logged once); DynamoDB down is 503 with Retry-After.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSafeguards } from '../../functions/adapters/safeguards-repository';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { japanDay } from '../../functions/domain/kernel/calendar';
import { handler as acknowledge } from '../../functions/handlers/acknowledge-rule';
import { handler as list } from '../../functions/handlers/list-internal-rules';
import { handler as unacknowledged } from '../../functions/handlers/list-unacknowledged-rules';
import { handler as publish } from '../../functions/handlers/publish-rule-version';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { bothReadBeforeEitherWrites, dropTables, expectProblem, scanAll, staffClaims } from '../support/requests';

let prefix: string;
const OFFICER = staffClaims('officer');
const OPERATOR = staffClaims('operator');
const AUDITOR = staffClaims('auditor');

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
});
afterAll(() => dropTables(prefix));

const PATH = '/v1/staff/internal-rules';
const call = (
  handler: Parameters<typeof invoke>[0],
  method: 'GET' | 'POST',
  rest: string,
  opts: { body?: unknown; claims?: Record<string, string> } = {},
) =>
  invoke(handler, {
    method,
    path: `${PATH}${rest}`,
    resource: `${PATH}${rest}`,
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    claims: opts.claims ?? OFFICER,
  });

const today = () => japanDay(new Date());
const draft = (ruleId: string, fields: Record<string, unknown> = {}) => ({
  ruleId,
  version: 1,
  kind: 'rules',
  title: { ja: '個人データ取扱規程', en: 'Personal data handling rules' },
  effectiveFrom: today(),
  text: '個人データは通知した利用目的の範囲でのみ取り扱う。',
  ...fields,
});
const versionsOf = async (ruleId: string) =>
  (await scanAll('safeguards')).filter((i) => i.pk === 'rules' && i.ruleId === ruleId).map((i) => i.sk);
const acksOf = async (staffId: string) =>
  (await scanAll('safeguards')).filter((i) => i.pk === `staff#${staffId}`).map((i) => i.sk);

describe('publishing', () => {
  it('the officer publishes version 1 and a scheduled version 2; everyone lists them', async () => {
    const first = await call(publish, 'POST', '', { body: draft('handling') });
    expect(first.status, JSON.stringify(first.json)).toBe(201);
    expect(first.json).toMatchObject({ ruleId: 'handling', version: 1, publishedBy: 'officer' });
    const next = await call(publish, 'POST', '', {
      body: draft('handling', { version: 2, effectiveFrom: '2999-04-01', text: undefined, reference: 'Intranet 4-2' }),
    });
    expect(next.status, JSON.stringify(next.json)).toBe(201);
    for (const claims of [OPERATOR, OFFICER, AUDITOR]) {
      const listed = await call(list, 'GET', '', { claims });
      expect(listed.status).toBe(200);
      const rule = listed.json.items.find((r: { ruleId: string }) => r.ruleId === 'handling');
      expect(rule.inForce.version).toBe(1);
      expect(rule.scheduled.map((v: { version: number }) => v.version)).toEqual([2]);
    }
  });

  it('refuses the operator and the auditor (403); nothing written', async () => {
    for (const claims of [OPERATOR, AUDITOR]) {
      expectProblem(await call(publish, 'POST', '', { body: draft('not-theirs'), claims }), 403);
    }
    expect(await versionsOf('not-theirs')).toEqual([]);
  });

  it.each([
    [{ effectiveFrom: '2020-01-01' }, 422, 'effectiveFrom'],
    [{ text: undefined }, 400, 'text'],
    [{ effectiveFrom: '2026-02-30' }, 400, 'effectiveFrom'],
    [{ kind: 'policy' }, 400, 'kind'],
    [{ ruleId: 'Bad Id' }, 400, 'ruleId'],
    [{ version: 2 }, 422, 'version'],
    [{ title: { ja: '', en: 'x' } }, 400, 'title.ja'],
  ])('refuses %j with %i naming the field; nothing written', async (fields, status, field) => {
    const ruleId = 'bad-input';
    const result = await call(publish, 'POST', '', { body: draft(ruleId, fields) });
    expectProblem(result, status);
    expect(JSON.stringify(result.json.errors ?? result.json.detail)).toContain(field);
    expect(await versionsOf(ruleId)).toEqual([]);
  });

  it('of two officers publishing version 1 at once, one gets 201 and the other 409', async () => {
    bothReadBeforeEitherWrites(dynamoSafeguards, 'ruleVersions');
    const results = await Promise.all([
      call(publish, 'POST', '', { body: draft('race', { text: 'one' }) }),
      call(publish, 'POST', '', { body: draft('race', { text: 'two' }) }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expectProblem(results.find((r) => r.status === 409)!, 409);
    expect(await versionsOf('race')).toEqual(['rule#race#v#0001']);
  });

  it('503 with Retry-After when DynamoDB cannot be reached; nothing stored', async () => {
    const { mock } = mockDocumentClient();
    try {
      mock.on(PutCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
      const result = await call(publish, 'POST', '', { body: draft('down') });
      expectProblem(result, 503);
      expect(result.headers['retry-after'] ?? result.headers['Retry-After']).toBeDefined();
    } finally {
      mock.restore();
    }
    expect(await versionsOf('down')).toEqual([]);
  });
});

describe('acknowledging', () => {
  it("every role acknowledges for themselves alone, once; the list shows each caller's own", async () => {
    await call(publish, 'POST', '', { body: draft('ack-rule') });
    for (const [claims, staffId] of [
      [OPERATOR, 'operator'],
      [AUDITOR, 'auditor'],
      [OFFICER, 'officer'],
    ] as const) {
      const first = await call(acknowledge, 'POST', '/acknowledgements', {
        body: { ruleId: 'ack-rule', version: 1 },
        claims,
      });
      expect(first.status, JSON.stringify(first.json)).toBe(200);
      expect(first.json).toMatchObject({ staffId, ruleId: 'ack-rule', version: 1 });
      const again = await call(acknowledge, 'POST', '/acknowledgements', {
        body: { ruleId: 'ack-rule', version: 1 },
        claims,
      });
      expect(again.json).toEqual(first.json);
      expect((await acksOf(staffId)).filter((k) => k.includes('ack-rule'))).toEqual(['ack#ack-rule#v#0001']);
    }
    const listed = await call(list, 'GET', '', { claims: OPERATOR });
    expect(
      listed.json.acknowledgements
        .filter((a: { ruleId: string }) => a.ruleId === 'ack-rule')
        .map((a: { staffId: string }) => a.staffId),
    ).toEqual(['operator']);
  });

  it('refuses another member in the body (400) and unknown rules or versions (422 naming the field); nothing written', async () => {
    const before = await acksOf('operator');
    const other = await call(acknowledge, 'POST', '/acknowledgements', {
      body: { ruleId: 'handling', version: 1, staffId: 'auditor' },
      claims: OPERATOR,
    });
    expectProblem(other, 400);
    const rule = await call(acknowledge, 'POST', '/acknowledgements', {
      body: { ruleId: 'no-such-rule', version: 1 },
      claims: OPERATOR,
    });
    expectProblem(rule, 422);
    expect(rule.json.errors).toEqual([expect.objectContaining({ field: 'ruleId' })]);
    const version = await call(acknowledge, 'POST', '/acknowledgements', {
      body: { ruleId: 'handling', version: 7 },
      claims: OPERATOR,
    });
    expectProblem(version, 422);
    expect(version.json.errors).toEqual([expect.objectContaining({ field: 'version' })]);
    expect(await acksOf('operator')).toEqual(before);
  });
});

describe('the unacknowledged list', () => {
  it('the officer and auditors see who has not acknowledged a version in force; each read logged once; operators refused', async () => {
    await call(publish, 'POST', '', { body: draft('pending-rule') });
    await call(acknowledge, 'POST', '/acknowledgements', {
      body: { ruleId: 'pending-rule', version: 1 },
      claims: OPERATOR,
    });
    const logged = async () =>
      (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason === 'internal rule acknowledgements');
    const before = (await logged()).length;
    for (const claims of [OFFICER, AUDITOR]) {
      const result = await call(unacknowledged, 'GET', '/unacknowledged', { claims });
      expect(result.status, JSON.stringify(result.json)).toBe(200);
      const pending = (staffId: string) =>
        result.json.items
          .find((i: { staffId: string }) => i.staffId === staffId)
          ?.missing.map((m: { ruleId: string }) => m.ruleId) ?? [];
      expect(pending('auditor')).toContain('pending-rule');
      expect(pending('operator')).not.toContain('pending-rule');
      // A scheduled version is not yet due.
      expect(pending('operator')).not.toContain('handling@2');
    }
    expect((await logged()).length).toBe(before + 2);
    expectProblem(await call(unacknowledged, 'GET', '/unacknowledged', { claims: OPERATOR }), 403);
  });
});
