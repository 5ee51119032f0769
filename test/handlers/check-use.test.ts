// POST /v1/system/use-checks against DynamoDB Local: each answer with its reason, a denial being an
// answer (200), and an exception recorded as evidence.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVIDENCE_RETENTION_SECONDS } from '../../functions/domain/kernel/law';
import { handler } from '../../functions/handlers/check-use';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, getItem, putItem, scanAll, systemPrincipal } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const check = (body: Record<string, unknown>, signed = true) =>
  invoke(handler, {
    method: 'POST',
    path: '/v1/system/use-checks',
    body,
    ...(signed ? { principal: systemPrincipal() } : {}),
  });

const subject = () => `subject-${randomUUID()}`;
const VALUE = '03-1234-5678';

async function holding(purposes: string[], fields: Record<string, unknown> = {}) {
  const subjectId = subject();
  await putItem('personal-data', {
    subjectId,
    recordId: `rec-${randomUUID()}`,
    category: 'phone',
    value: VALUE,
    source: 'from-customer',
    purposes,
    acquiredAt: '2026-01-01T00:00:00.000Z',
    lookupKey: `subject#${subjectId}`,
    ...fields,
  });
  return subjectId;
}

const consentEvent = (subjectId: string, eventId: string, action: 'given' | 'withdrawn', purpose: string, at: string) =>
  putItem('consents', { subjectId, eventId, action, purpose, noticeVersion: '2024-04-01', method: 'web-button', at });

async function expectAnswer(body: Record<string, unknown>, allowed: boolean, reason: string) {
  const result = await check(body);
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  expect(result.json).toMatchObject({ allowed, reason, detail: expect.any(String), checkedAt: expect.any(String) });
  expect(result.json.detail).not.toContain(VALUE);
  return result.json;
}

const exception = {
  kind: 'required-by-law',
  justification: 'Tax office inquiry under the Act on General Rules for National Taxes',
};

describe('check-use', () => {
  it('within-purpose', async () => {
    await expectAnswer(
      { subjectId: await holding(['service-provision']), category: 'phone', purpose: 'service-provision' },
      true,
      'within-purpose',
    );
  });

  it('no-record', async () => {
    await expectAnswer({ subjectId: subject(), category: 'phone', purpose: 'service-provision' }, false, 'no-record');
  });

  it('record-expired', async () => {
    // Expired to the handler's clock (an hour ahead) but not to DynamoDB Local's TTL sweep (the real
    // clock), which would otherwise delete the item before the check reads it.
    const subjectId = await holding(['service-provision'], { expiresAt: Math.floor(Date.now() / 1000) + 600 });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      await expectAnswer({ subjectId, category: 'phone', purpose: 'service-provision' }, false, 'record-expired');
    } finally {
      vi.useRealTimers();
    }
  });

  it('cessation-of-use-requested, even with an exception', async () => {
    const subjectId = await holding(['service-provision']);
    await putItem('subjects', { subjectId, cessationOfUse: { requestId: 'req-1', at: '2026-11-01T00:00:00.000Z' } });
    await expectAnswer(
      { subjectId, category: 'phone', purpose: 'service-provision' },
      false,
      'cessation-of-use-requested',
    );
    await expectAnswer(
      { subjectId, category: 'phone', purpose: 'usage-analysis', exception },
      false,
      'cessation-of-use-requested',
    );
  });

  it('purpose-not-active', async () => {
    await expectAnswer(
      { subjectId: await holding(['service-provision']), category: 'phone', purpose: 'no-such-purpose' },
      false,
      'purpose-not-active',
    );
  });

  it('consent-withdrawn, and allowed again after a new consent', async () => {
    const subjectId = await holding(['advertising']);
    await expectAnswer({ subjectId, category: 'phone', purpose: 'advertising' }, false, 'consent-withdrawn');
    await consentEvent(subjectId, 'e1', 'given', 'advertising', '2026-01-01T00:00:00.000Z');
    await expectAnswer({ subjectId, category: 'phone', purpose: 'advertising' }, true, 'within-purpose');
    await consentEvent(subjectId, 'e2', 'withdrawn', 'advertising', '2026-02-01T00:00:00.000Z');
    await expectAnswer({ subjectId, category: 'phone', purpose: 'advertising' }, false, 'consent-withdrawn');
  });

  it('purpose-not-among-record-purposes; nothing recorded', async () => {
    const subjectId = await holding(['service-provision']);
    await expectAnswer(
      { subjectId, category: 'phone', purpose: 'usage-analysis' },
      false,
      'purpose-not-among-record-purposes',
    );
    expect((await scanAll('evidence')).filter((e) => e.subjectId === subjectId)).toEqual([]);
  });

  it('exception: allowed and recorded as evidence', async () => {
    const subjectId = await holding(['service-provision']);
    const answer = await expectAnswer(
      { subjectId, category: 'phone', purpose: 'usage-analysis', exception },
      true,
      'exception',
    );
    expect(answer.exceptionRecordId).toMatch(/^use-exception-/);
    const evidence = await getItem('evidence', { evidenceId: answer.exceptionRecordId });
    expect(evidence).toEqual({
      evidenceId: answer.exceptionRecordId,
      kind: 'use-exception',
      subjectId,
      category: 'phone',
      purpose: 'usage-analysis',
      exception: 'required-by-law',
      justification: exception.justification,
      principal: systemPrincipal(),
      at: answer.checkedAt,
      expiresAt: Math.floor(Date.parse(answer.checkedAt) / 1000) + EVIDENCE_RETENTION_SECONDS,
    });
  });

  it('422 for a consent exception citing no consent on file; nothing recorded', async () => {
    const subjectId = await holding(['service-provision']);
    const result = await check({
      subjectId,
      category: 'phone',
      purpose: 'usage-analysis',
      exception: { kind: 'consent', justification: 'The customer agreed on the phone', consentId: 'c-none' },
    });
    expectProblem(result, 422);
    expect(result.json.detail).toContain('exception.consentId: "c-none"');
    expect((await scanAll('evidence')).filter((e) => e.subjectId === subjectId)).toEqual([]);
  });

  it('400 for an unknown category or an exception without justification; 401 unsigned', async () => {
    const subjectId = await holding(['service-provision']);
    expectProblem(await check({ subjectId, category: 'shoe-size', purpose: 'service-provision' }), 400);
    const unjustified = await check({
      subjectId,
      category: 'phone',
      purpose: 'usage-analysis',
      exception: { kind: 'required-by-law', justification: 'law' },
    });
    expectProblem(unjustified, 400);
    expect(unjustified.json.errors[0].field).toBe('body.exception.justification');
    expectProblem(await check({ subjectId, category: 'phone', purpose: 'service-provision' }, false), 401);
  });
});
