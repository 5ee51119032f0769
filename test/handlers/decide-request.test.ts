// POST /v1/staff/requests/{requestId}/decision against DynamoDB Local: a fulfilled disclosure writes
// the dossier, the result e-mail and the decided request in one transaction; a failed transaction
// leaves nothing behind; two deciders cannot both win; the staff table decides who may decide.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { hashSecret } from '../../functions/domain/kernel/secrets';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import type { StoredDisclosure } from '../../functions/domain/requests/types/disclosure/disclosure-dossier';
import { handler } from '../../functions/handlers/decide-request';
import { DEMO_CUSTOMER, DEMO_RECORDS, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import {
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  putItem,
  putStaff,
  requestBody,
  scanAll,
  setAttributes,
  staffClaims,
  submit,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password'), putStaff('operator-2', 'operator')]);
});

afterAll(() => dropTables(prefix));

/** Staff claims default to the demo operator; `null` sends none. */
const decide = (requestId: string, body: unknown, claims: Record<string, string> | null = staffClaims('operator')) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/decision`,
    resource: '/v1/staff/requests/{requestId}/decision',
    pathParameters: { requestId },
    body,
    ...(claims ? { claims } : {}),
  });

const disclosuresOf = async (requestId: string) =>
  (await scanAll<StoredDisclosure>('disclosures')).filter((d) => d.requestId === requestId);
const decisionMessagesOf = async (requestId: string) =>
  (await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'));

const demoRequest = () =>
  submitAndVerify(requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language: 'en' }));

/** Nothing of a decision was written: the request is as verified, no dossier, no result e-mail. */
async function expectUndecided(requestId: string) {
  expect(await getItem('requests', { requestId })).toMatchObject({ status: 'received', version: 2 });
  expect((await getItem('requests', { requestId }))!.decision).toBeUndefined();
  expect(await disclosuresOf(requestId)).toEqual([]);
  expect(await decisionMessagesOf(requestId)).toEqual([]);
}

describe('decide-request: fulfilled', () => {
  it('writes the decided request, the dossier and the e-mail with its link together', async () => {
    const { requestId } = await demoRequest();
    const result = await decide(requestId, { outcome: 'fulfilled' });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ requestId, status: 'fulfilled', decidedAt: expect.any(String) });

    const stored = await getItem('requests', { requestId });
    expect(stored).toMatchObject({
      status: 'fulfilled',
      version: 3,
      decision: { outcome: 'fulfilled', grounds: [], decidedAt: result.json.decidedAt, decidedBy: 'operator' },
    });
    expect(stored!.history.at(-1)).toEqual({ at: result.json.decidedAt, event: 'fulfilled', by: 'operator' });
    // Closed requests are kept for the retention period, then left to TTL.
    expect(stored!.expiresAt).toBeGreaterThan(Date.now() / 1000 + 2 * 365 * 24 * 3600);

    const [message, ...moreMessages] = await decisionMessagesOf(requestId);
    expect(moreMessages).toEqual([]);
    expect(message).toMatchObject({ to: [DEMO_CUSTOMER.email], topic: 'decision-fulfilled', outboxState: 'pending' });
    const token = /https:\/\/desk\.test\/test\/v1\/disclosures\/([A-Za-z0-9_-]+)/.exec(message!.text)?.[1];
    expect(token, message!.text).toBeDefined();

    const [disclosure, ...moreDisclosures] = await disclosuresOf(requestId);
    expect(moreDisclosures).toEqual([]);
    expect(disclosure!.tokenHash).toBe(hashSecret(token!));
    expect(JSON.stringify(disclosure)).not.toContain(token);
    expect(disclosure!.dossier.records).toHaveLength(DEMO_RECORDS.length);
    expect(disclosure!.dossier.nothingHeld).toBe(false);
    const days = (disclosure!.expiresAt - Date.now() / 1000) / 86_400;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
  });

  it('access-logs the read of the holdings, with the subject ids and the categories read', async () => {
    const { requestId } = await demoRequest();
    expect((await decide(requestId, { outcome: 'fulfilled' }, staffClaims('operator-2', 'operator'))).status).toBe(200);
    const entries = (await scanAll<ChainedAccessLogEntry>('access-log')).filter(
      (e) => e.reason === `disclosure ${requestId}`,
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'operator-2',
      role: 'operator',
      action: 'read',
      subjects: ['subject-demo-hanako'],
      fields: expect.arrayContaining(['email', 'address', 'consents', 'provision-records']),
    });
  });

  it('marks the linked access information and the special care-required records, with the purposes each serves', async () => {
    const { requestId } = await demoRequest();
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const [disclosure] = await disclosuresOf(requestId);
    const adId = disclosure!.dossier.records!.find((r) => r.category === 'advertising-identifier')!;
    expect(adId).toMatchObject({ linkedAccessInformation: true, specialCare: false });
    expect(adId.purposes.map((p) => p.id)).toEqual(['advertising', 'usage-analysis']);
    expect(disclosure!.dossier.records!.find((r) => r.category === 'email')).toMatchObject({
      linkedAccessInformation: false,
      specialCare: false,
    });
  });

  it('describes purposes by their current version in the purpose registry, and never includes an Individual Number', async () => {
    const email = uniqueEmail('registry');
    const subjectId = `subject-${randomUUID()}`;
    const base = { ...POLICY_PURPOSES[0]!, purposeId: 'loyalty-programme', publishedBy: 'officer' };
    const record = {
      subjectId,
      recordId: 'rec-email',
      category: 'email',
      value: email,
      source: 'from-customer',
      purposes: ['loyalty-programme'],
      acquiredAt: '2025-04-01T00:00:00.000Z',
    };
    const health = {
      ...record,
      recordId: 'rec-health',
      category: 'health-check-result',
      value: 'fit for work',
      purposes: ['service-provision'],
      basis: { kind: 'consent', consentId: 'ev-health' },
    };
    await Promise.all([
      putItem('purposes', {
        ...base,
        version: 1,
        ja: 'ポイントの付与のため',
        en: 'To award points',
        change: { kind: 'created', note: 'Points programme launched.' },
      }),
      putItem('purposes', {
        ...base,
        version: 2,
        ja: 'ポイントの付与及び特典の提供のため',
        en: 'To award points and offer rewards',
        change: { kind: 'changed', note: 'Rewards belong to the programme.' },
      }),
      putItem('personal-data', { ...record, lookupKey: lookupKeyOf(record) }),
      putItem('personal-data', { ...health, lookupKey: lookupKeyOf(health) }),
      putItem('my-number', {
        subjectId,
        documentId: 'dependant-deduction-declaration#2026-01-05',
        affair: 'tax',
        document: 'dependant-deduction-declaration',
        documentDate: '2026-01-05',
        taxYear: 2026,
        number: '123456789018',
        registeredBy: 'payroll',
        registeredAt: '2026-01-05T00:00:00.000Z',
        expiresAt: Date.parse('2034-01-11T00:00:00+09:00') / 1000,
      }),
    ]);
    const { requestId } = await submitAndVerify(requestBody({ requesterEmail: email, language: 'en' }));
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const [disclosure] = await disclosuresOf(requestId);
    const byCategory = (category: string) => disclosure!.dossier.records!.find((r) => r.category === category)!;
    expect(byCategory('email').purposes).toEqual([
      { id: 'loyalty-programme', description: 'To award points and offer rewards' },
    ]);
    expect(disclosure!.dossier.purposesOfUse).toContainEqual({
      id: 'loyalty-programme',
      description: 'To award points and offer rewards',
    });
    expect(byCategory('health-check-result')).toMatchObject({ specialCare: true, linkedAccessInformation: false });
    // The document is listed with its last day (My Number Act Art. 20); its number never is.
    expect(disclosure!.dossier.myNumberDocuments).toMatchObject([
      { document: 'dependant-deduction-declaration', taxYear: 2026, keptUntil: '2034-01-10' },
    ]);
    expect(JSON.stringify(disclosure)).not.toContain('123456789018');
  });

  it('for someone the desk holds nothing about, the dossier says so', async () => {
    const { requestId } = await submitAndVerify();
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const [disclosure] = await disclosuresOf(requestId);
    expect(disclosure!.dossier).toMatchObject({ records: [], consents: [], provisionRecords: [], nothingHeld: true });
  });

  it('a decided request cannot be decided again: 409', async () => {
    const { requestId } = await submitAndVerify();
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    const again = await decide(requestId, {
      outcome: 'refused',
      grounds: ['violation-of-law'],
      reason: 'Changed my mind.',
    });
    expectProblem(again, 409);
    expect(await disclosuresOf(requestId)).toHaveLength(1);
    expect(await decisionMessagesOf(requestId)).toHaveLength(1);
  });
});

describe('decide-request: refused', () => {
  it('with grounds and a reason → 200, the reason e-mailed, no dossier', async () => {
    const { requestId } = await submitAndVerify(requestBody({ language: 'en' }));
    const result = await decide(requestId, {
      outcome: 'refused',
      grounds: ['violation-of-law'],
      reason: 'A court order forbids it.',
    });
    expect(result.status).toBe(200);
    expect(result.json.status).toBe('refused');
    expect(await getItem('requests', { requestId })).toMatchObject({
      status: 'refused',
      decision: { outcome: 'refused', grounds: ['violation-of-law'], reason: 'A court order forbids it.' },
    });
    const [message] = await decisionMessagesOf(requestId);
    expect(message).toMatchObject({ topic: 'decision-refused' });
    expect(message!.text).toContain('A court order forbids it.');
    expect(message!.text).toMatch(/Art\. 33\(2\)\(iii\)/);
    expect(await disclosuresOf(requestId)).toEqual([]);
  });

  it('without grounds, without a reason, with unknown grounds, or with an outcome the type lacks → 422, nothing written', async () => {
    const { requestId } = await submitAndVerify();
    const attempts = [
      { outcome: 'refused', reason: 'No grounds given.' },
      { outcome: 'refused', grounds: [], reason: 'Empty grounds.' },
      { outcome: 'refused', grounds: ['violation-of-law'] },
      { outcome: 'refused', grounds: ['too-busy'], reason: 'Not a ground.' },
      { outcome: 'fulfilled', grounds: ['violation-of-law'] },
      { outcome: 'partially-fulfilled', grounds: ['violation-of-law'], reason: 'Only part.' },
    ];
    for (const body of attempts) {
      const result = await decide(requestId, body);
      expectProblem(result, 422);
    }
    await expectUndecided(requestId);
  });

  it('each 422 names the fields to fix, as a form places them', async () => {
    const { requestId } = await submitAndVerify();
    const fieldsOf = async (body: unknown) => {
      const result = await decide(requestId, body);
      expectProblem(result, 422);
      return (result.json.errors as Array<{ field: string }>).map((e) => e.field);
    };
    expect(await fieldsOf({ outcome: 'refused' })).toEqual(['body.grounds', 'body.reason']);
    expect(await fieldsOf({ outcome: 'refused', grounds: ['violation-of-law'] })).toEqual(['body.reason']);
    expect(await fieldsOf({ outcome: 'refused', grounds: ['violation-of-law', 'too-busy'], reason: 'x' })).toEqual([
      'body.grounds.1',
    ]);
    expect(await fieldsOf({ outcome: 'fulfilled', grounds: ['violation-of-law'] })).toEqual(['body.grounds']);
    expect(await fieldsOf({ outcome: 'fulfilled', details: { withheld: ['name'] } })).toEqual(['body.details']);
    expect(
      await fieldsOf({
        outcome: 'partially-fulfilled',
        grounds: ['violation-of-law'],
        reason: 'Only part.',
        details: { withheld: [''] },
      }),
    ).toEqual(['body.details.withheld.0']);
    await expectUndecided(requestId);
  });

  it('a body the contract does not allow → 400 naming the field', async () => {
    const { requestId } = await submitAndVerify();
    const result = await decide(requestId, { outcome: 'maybe' });
    expectProblem(result, 400);
    expect(result.json.errors[0].field).toBe('body.outcome');
    const extra = await decide(requestId, { outcome: 'fulfilled', notify: false });
    expect(extra.json.errors).toEqual([{ field: 'body', message: 'unknown field "notify": remove it' }]);
    await expectUndecided(requestId);
  });
});

describe('decide-request: who may decide', () => {
  it('no claims → 401', async () => {
    const { requestId } = await submitAndVerify();
    expectProblem(await decide(requestId, { outcome: 'fulfilled' }, null), 401);
    await expectUndecided(requestId);
  });

  it('an officer or an auditor → 403', async () => {
    const { requestId } = await submitAndVerify();
    expectProblem(await decide(requestId, { outcome: 'fulfilled' }, staffClaims('officer')), 403);
    expectProblem(await decide(requestId, { outcome: 'fulfilled' }, staffClaims('auditor')), 403);
    await expectUndecided(requestId);
  });

  it('a role changed in the staff table (operator → auditor) is refused on the next decision, the claims unchanged', async () => {
    await putStaff('demoted', 'operator');
    const claims = staffClaims('demoted', 'operator');
    const first = await submitAndVerify();
    expect((await decide(first.requestId, { outcome: 'fulfilled' }, claims)).status).toBe(200);
    await setAttributes('staff', { staffId: 'demoted' }, { role: 'auditor' });
    const { requestId } = await submitAndVerify();
    const refused = await decide(requestId, { outcome: 'fulfilled' }, claims);
    expectProblem(refused, 403);
    expect(refused.json.type).toBe('urn:appi-desk:problem:forbidden-role');
    await expectUndecided(requestId);
  });

  it('a staff member disabled in the table → 403 on the very next call', async () => {
    await putStaff('leaver', 'operator');
    const claims = staffClaims('leaver', 'operator');
    const { requestId } = await submitAndVerify();
    await setAttributes('staff', { staffId: 'leaver' }, { status: 'disabled' });
    const refused = await decide(requestId, { outcome: 'fulfilled' }, claims);
    expectProblem(refused, 403);
    expect(refused.json.type).toBe('urn:appi-desk:problem:account-disabled');
    await expectUndecided(requestId);
  });

  it('an unknown id or an unverified request → 404', async () => {
    expectProblem(await decide(randomUUID(), { outcome: 'fulfilled' }), 404);
    expectProblem(await decide(await submit(), { outcome: 'fulfilled' }), 404);
  });
});

describe('decide-request: all or nothing', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  /** Fails every transaction; every other command goes to DynamoDB Local (see test/support/faults.ts). */
  function failTransactions(error: Error) {
    const { mock } = mockDocumentClient();
    mock.on(TransactWriteCommand).rejects(error);
    restore = () => mock.restore();
    return mock;
  }

  // DynamoDB's own InternalServerError is a dependency down (503, test/http/unavailable.test.ts); a
  // transaction DynamoDB refuses as malformed is the desk's mistake.
  it('a failed transaction → 500 problem without a stack trace; the request stays open, no dossier, no e-mail', async () => {
    const { requestId } = await demoRequest();
    const fault = Object.assign(new Error('Validation error at /var/task/functions/adapters/desk-writer.ts:45'), {
      name: 'ValidationException',
    });
    const mock = failTransactions(fault);
    const result = await decide(requestId, { outcome: 'fulfilled' });
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(1);
    expectProblem(result, 500);
    expect(result.json.type).toBe('urn:appi-desk:problem:internal');
    expect(result.json.detail).toMatch(/nothing was changed/);
    const text = JSON.stringify(result.json);
    expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|\/var\/task|ValidationException|stack/);
    expect(Object.keys(result.json).sort()).toEqual(['detail', 'instance', 'status', 'title', 'type']);
    restore!();
    restore = undefined;
    await expectUndecided(requestId);
    // Once DynamoDB is back, the same decision goes through.
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
  });

  it('a mocked DynamoDBClient does not reach the document client (why the fault is injected there)', async () => {
    const raw = mockClient(DynamoDBClient);
    raw.on(TransactWriteItemsCommand).rejects(new Error('never seen'));
    try {
      const { requestId } = await submitAndVerify();
      expect((await decide(requestId, { outcome: 'refused', grounds: ['violation-of-law'], reason: 'r' })).status).toBe(
        200,
      );
      expect(raw.calls()).toHaveLength(0);
    } finally {
      raw.restore();
    }
  });

  it('two operators deciding at once: exactly one 200 and one 409, one dossier, one e-mail', async () => {
    const { requestId } = await demoRequest();
    const results = await Promise.all([
      decide(requestId, { outcome: 'fulfilled' }, staffClaims('operator')),
      decide(requestId, { outcome: 'fulfilled' }, staffClaims('operator-2', 'operator')),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expectProblem(loser, 409);
    const winner = results.findIndex((r) => r.status === 200) === 0 ? 'operator' : 'operator-2';
    expect(await getItem('requests', { requestId })).toMatchObject({
      status: 'fulfilled',
      version: 3,
      decision: { decidedBy: winner },
    });
    expect(await disclosuresOf(requestId)).toHaveLength(1);
    expect(await decisionMessagesOf(requestId)).toHaveLength(1);
  });

  it('the loser is stopped by the version condition: a decision committed between its read and its write → 409', async () => {
    const { requestId } = await demoRequest();
    const { mock, passThrough } = mockDocumentClient();
    restore = () => mock.restore();
    let meanwhile: Awaited<ReturnType<typeof decide>> | undefined;
    // The first decider has read version 2 and is about to commit; the second decides in full now.
    mock
      .on(TransactWriteCommand)
      .callsFakeOnce(async (input, getClient) => {
        meanwhile = await decide(
          requestId,
          { outcome: 'refused', grounds: ['violation-of-law'], reason: 'Court order.' },
          staffClaims('operator-2', 'operator'),
        );
        return passThrough(getClient(), new TransactWriteCommand(input));
      })
      .callsFake((input, getClient) => passThrough(getClient(), new TransactWriteCommand(input)));
    const first = await decide(requestId, { outcome: 'fulfilled' }, staffClaims('operator'));
    expect(meanwhile!.status).toBe(200);
    expectProblem(first, 409);
    expect(first.json.title).toBe('Decided meanwhile');
    expect(await getItem('requests', { requestId })).toMatchObject({
      status: 'refused',
      version: 3,
      decision: { decidedBy: 'operator-2' },
    });
    expect(await disclosuresOf(requestId)).toEqual([]);
    expect((await decisionMessagesOf(requestId)).map((m) => m.topic)).toEqual(['decision-refused']);
  });

  it("a fulfilment and a refusal racing: one wins, and what is stored is the winner's", async () => {
    const { requestId } = await demoRequest();
    const results = await Promise.all([
      decide(requestId, { outcome: 'fulfilled' }, staffClaims('operator')),
      decide(
        requestId,
        { outcome: 'refused', grounds: ['violation-of-law'], reason: 'Court order.' },
        staffClaims('operator-2', 'operator'),
      ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const fulfilled = results[0]!.status === 200;
    expect((await getItem('requests', { requestId }))!.status).toBe(fulfilled ? 'fulfilled' : 'refused');
    expect(await disclosuresOf(requestId)).toHaveLength(fulfilled ? 1 : 0);
    expect((await decisionMessagesOf(requestId)).map((m) => m.topic)).toEqual([
      fulfilled ? 'decision-fulfilled' : 'decision-refused',
    ]);
  });
});
