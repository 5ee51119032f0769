// GET /v1/staff/provisions against DynamoDB Local: officers and auditors read a subject's records of
// provision and receipt; the read is access-logged with its reason; operators may not.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/list-provisions';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putItem, putOpenRequestFor, scanAll, staffClaims } from '../support/requests';

let prefix: string;
const subjectId = `subject-${randomUUID()}`;
let requestId: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  requestId = await putOpenRequestFor(subjectId);
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  await putItem('provision-records', {
    subjectId,
    recordId: 'provided#p-1',
    direction: 'provided',
    counterparty: 'Partner, Tokyo (CEO)',
    items: ['name'],
    basis: 'consent',
    date: '2026-10-01',
    counterpartyId: 'partner',
    recipientId: 'partner',
    expiresAt,
  });
  await putItem('provision-records', {
    subjectId,
    recordId: 'received#r-1',
    direction: 'received',
    counterparty: 'Provider, Osaka (CEO)',
    items: ['phone'],
    basis: 'opt-out',
    date: '2026-11-01',
    counterpartyId: 'provider',
    providerId: 'provider',
    expiresAt,
  });
});

afterAll(() => dropTables(prefix));

const list = (query: Record<string, string>, claims = staffClaims('auditor')) =>
  invoke(handler, { method: 'GET', path: '/v1/staff/provisions', resource: '/v1/staff/provisions', query, claims });

describe('list-provisions', () => {
  it('200 for an auditor with the records, latest first, and the read access-logged with the request it serves', async () => {
    const result = await list({ subjectId, requestId });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.items.map((r: { recordId: string }) => r.recordId)).toEqual(['received#r-1', 'provided#p-1']);
    const logged = (await scanAll('access-log')).filter((e) => e.subjects?.includes(subjectId));
    expect(logged).toEqual([
      expect.objectContaining({
        actor: 'auditor',
        role: 'auditor',
        action: 'read',
        fields: ['provision-records'],
        reason: `request ${requestId}`,
      }),
    ]);
  });

  it("lists a recipient's records across people through the index, each with its subject; 400 when neither is named", async () => {
    const other = `subject-${randomUUID()}`;
    await putItem('provision-records', {
      subjectId: other,
      recordId: 'provided#p-9',
      direction: 'provided',
      counterparty: 'Partner, Tokyo (CEO)',
      items: ['email'],
      basis: 'consent',
      date: '2026-09-01',
      counterpartyId: 'partner',
      recipientId: 'partner',
      expiresAt: Math.floor(Date.now() / 1000) + 86_400,
    });
    const result = await list({ counterparty: 'partner', reason: 'PPC inquiry about Partner' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.items.map((r: { subjectId: string; recordId: string }) => [r.subjectId, r.recordId])).toEqual([
      [subjectId, 'provided#p-1'],
      [other, 'provided#p-9'],
    ]);
    const logged = (await scanAll('access-log')).filter((e) => e.reason === 'audit: PPC inquiry about Partner');
    expect(logged.map((e) => [...e.subjects].sort())).toEqual([[subjectId, other].sort()]);
    const since = await list({ counterparty: 'partner', reason: 'PPC inquiry about Partner', from: '2026-09-15' });
    expect(since.json.items.map((r: { recordId: string }) => r.recordId)).toEqual(['provided#p-1']);
    const neither = await list({ reason: 'Quarterly audit of provision records' });
    expectProblem(neither, 400);
    expect(neither.json.errors).toEqual([
      { field: 'query.subjectId', message: 'give subjectId, counterparty or both: which records to read' },
    ]);
  });

  it("filters for an officer; 422 naming requestId for one person's records read with a free reason or no request; 403 for an operator", async () => {
    const result = await list({ subjectId, requestId, direction: 'provided' }, staffClaims('officer'));
    expect(result.json.items.map((r: { recordId: string }) => r.recordId)).toEqual(['provided#p-1']);
    for (const query of [{ subjectId }, { subjectId, reason: 'Quarterly audit of provision records' }] as Record<
      string,
      string
    >[]) {
      const refused = await list(query);
      expectProblem(refused, 422);
      expect(refused.json.detail).toMatch(/^requestId: /);
    }
    expectProblem(await list({ counterparty: 'partner' }), 422);
    expect(
      (await scanAll('access-log')).filter((e) => e.reason === 'audit: Quarterly audit of provision records'),
    ).toEqual([]);
    expectProblem(await list({ subjectId, requestId }, staffClaims('operator')), 403);
  });

  it('400 naming the field for a reversed date range, by subject or by counterparty, never reaching DynamoDB', async () => {
    for (const who of [{ subjectId }, { counterparty: 'partner' }] as Record<string, string>[]) {
      const reversed = await list({
        ...who,
        reason: 'Quarterly audit of provision records',
        from: '2026-11-02',
        to: '2026-11-01',
      });
      expectProblem(reversed, 400);
      expect(reversed.json.errors).toEqual([{ field: 'query.to', message: 'must be on or after from (2026-11-02)' }]);
    }
    const oneDay = await list({
      counterparty: 'partner',
      reason: 'Quarterly audit of provision records',
      from: '2026-10-01',
      to: '2026-10-01',
    });
    expect(oneDay.json.items.map((r: { recordId: string }) => r.recordId)).toEqual(['provided#p-1']);
  });
});
