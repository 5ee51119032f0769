// POST /v1/staff/requests/{requestId}/decision-preview against DynamoDB Local: the e-mail a decision
// would send and a disclosure's dossier in outline, from the same fulfilment as deciding, with nothing
// written but one access-log entry of the read; then deciding sends exactly that text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { handler } from '../../functions/handlers/preview-decision';
import { DEMO_CUSTOMER, seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import {
  decide,
  dropTables,
  expectProblem,
  getItem,
  outboxAbout,
  requestBody,
  scanAll,
  staffClaims,
  submitAndVerify,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([seedDemoCustomer(), seedDemoStaff('test-password')]);
});

afterAll(() => dropTables(prefix));

const preview = (requestId: string, body: unknown, claims: Record<string, string> | null = staffClaims('operator')) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/staff/requests/${requestId}/decision-preview`,
    resource: '/v1/staff/requests/{requestId}/decision-preview',
    pathParameters: { requestId },
    body,
    ...(claims ? { claims } : {}),
  });

const demoRequest = (language: 'ja' | 'en' = 'en', extra: Record<string, unknown> = {}) =>
  submitAndVerify({
    ...requestBody({ requesterEmail: DEMO_CUSTOMER.email, name: DEMO_CUSTOMER.name, language }),
    ...extra,
  } as ReturnType<typeof requestBody>);

const entriesFor = async (requestId: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason.endsWith(` ${requestId}`));

/** The request as verified, nothing decided, no dossier, no result e-mail. */
async function expectNothingWritten(requestId: string) {
  expect(await getItem('requests', { requestId })).toMatchObject({ status: 'received', version: 2 });
  expect((await scanAll('disclosures')).filter((d) => d.requestId === requestId)).toEqual([]);
  expect((await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'))).toEqual([]);
}

describe('preview-decision', () => {
  it("shows a disclosure's e-mail with the link to be made, and the dossier per category, writing nothing but the log", async () => {
    const { requestId } = await demoRequest('ja');
    const result = await preview(requestId, { outcome: 'fulfilled' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    const json = result.json;
    expect(json.message).toMatchObject({
      to: DEMO_CUSTOMER.email,
      language: 'ja',
      subject: '保有個人データの開示のご用意ができました',
    });
    expect(json.message.text).toContain(`受付番号 ${requestId}`);
    expect(json.linkPlaceholder).toBe('[link]');
    expect(json.message.text).toContain('[link]');
    expect(json.message.text).not.toContain('preview');
    expect(json.dossier.categories).toEqual(
      expect.arrayContaining([{ category: 'email', label: { ja: 'メールアドレス', en: 'E-mail address' }, count: 1 }]),
    );
    expect(json.dossier.records.length).toBe(
      json.dossier.categories.reduce((n: number, c: { count: number }) => n + c.count, 0),
    );
    expect(json.dossier.consents).toBeGreaterThan(0);
    expect(json.dossier.provisionRecords).toBeGreaterThan(0);

    await expectNothingWritten(requestId);
    const entries = await entriesFor(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: 'operator',
      action: 'read',
      subjects: [`request:${requestId}`, DEMO_CUSTOMER.subjectId],
      fields: expect.arrayContaining(['answer-address', 'email', 'consents']),
    });
  });

  it('previews exactly the text deciding then sends, but for the link', async () => {
    const { requestId } = await demoRequest('en');
    const decision = {
      outcome: 'partially-fulfilled',
      grounds: ['hindrance-to-business'],
      reason: 'The call recording names the agent who took the call.',
      details: { withheld: ['recorded-call'] },
    };
    const shown = await preview(requestId, decision);
    expect(shown.status, JSON.stringify(shown.json)).toBe(200);
    expect(shown.json.dossier.withheld).toEqual([
      { category: 'recorded-call', label: expect.objectContaining({ en: expect.any(String) }) },
    ]);
    expect(shown.json.dossier.categories.map((c: { category: string }) => c.category)).not.toContain('recorded-call');
    expect((await decide(requestId, decision)).status).toBe(200);
    const [sent] = (await outboxAbout(requestId)).filter((m) => m.topic.startsWith('decision-'));
    const [before, after] = shown.json.message.text.split('[link]');
    expect(sent!.subject).toBe(shown.json.message.subject);
    expect(sent!.text.startsWith(before)).toBe(true);
    expect(sent!.text.endsWith(after)).toBe(true);
  });

  it('previews a refusal without reading the person’s data', async () => {
    const { requestId } = await demoRequest('en');
    const result = await preview(requestId, {
      outcome: 'refused',
      grounds: ['violation-of-law'],
      reason: 'Another law forbids it.',
    });
    expect(result.status).toBe(200);
    expect(result.json.message.text).toContain('Another law forbids it.');
    expect(result.json.dossier).toBeUndefined();
    expect(result.json.linkPlaceholder).toBeUndefined();
    const entries = await entriesFor(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.subjects).toEqual([`request:${requestId}`]);
  });

  it("previews a correction's changes without writing them or logging a write", async () => {
    const { requestId } = await demoRequest('en', {
      type: 'correction',
      details: {
        items: [{ change: 'correct', category: 'phone', description: 'old number', content: '03-0000-0000' }],
      },
    });
    const result = await preview(requestId, {
      outcome: 'fulfilled',
      details: {
        investigation: 'Checked the sign-up form.',
        changes: [
          { action: 'correct', subjectId: DEMO_CUSTOMER.subjectId, recordId: 'rec-phone', value: '03-0000-0000' },
        ],
      },
    });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.message.text).toContain('"03-0000-0000"');
    const phone = await getItem('personal-data', { subjectId: DEMO_CUSTOMER.subjectId, recordId: 'rec-phone' });
    expect(phone!.value).not.toBe('03-0000-0000');
    const entries = await entriesFor(requestId);
    expect(entries.map((e) => e.action)).toEqual(['read']);
  });

  it('answers as deciding would: 422 for a bad decision, 409 once decided, 404 for an unknown id', async () => {
    const { requestId } = await demoRequest('en');
    const bad = await preview(requestId, { outcome: 'refused', grounds: ['violation-of-law'] });
    expectProblem(bad, 422);
    expect(bad.json.errors).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    expect((await decide(requestId, { outcome: 'fulfilled' })).status).toBe(200);
    expectProblem(await preview(requestId, { outcome: 'fulfilled' }), 409);
    expectProblem(await preview('00000000-0000-4000-8000-000000000000', { outcome: 'fulfilled' }), 404);
  });

  it('is for operators: an officer, an auditor and no token are refused, and nothing is logged', async () => {
    const { requestId } = await demoRequest('en');
    expectProblem(await preview(requestId, { outcome: 'fulfilled' }, staffClaims('officer')), 403);
    expectProblem(await preview(requestId, { outcome: 'fulfilled' }, staffClaims('auditor')), 403);
    expect((await preview(requestId, { outcome: 'fulfilled' }, null)).status).toBe(401);
    expect(await entriesFor(requestId)).toEqual([]);
  });

  it('can be asked twice at once: two reads logged, still nothing written', async () => {
    const { requestId } = await demoRequest('en');
    const [a, b] = await Promise.all([
      preview(requestId, { outcome: 'fulfilled' }),
      preview(requestId, { outcome: 'fulfilled' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await expectNothingWritten(requestId);
    expect(await entriesFor(requestId)).toHaveLength(2);
  });
});
