// GET /v1/staff/provisions against DynamoDB Local: officers and auditors read a subject's records of
// provision and receipt; the read is access-logged with its reason; operators may not.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/list-provisions';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, putItem, scanAll, staffClaims } from '../support/requests';

let prefix: string;
const subjectId = `subject-${randomUUID()}`;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  const expiresAt = Math.floor(Date.now() / 1000) + 86_400;
  await putItem('provision-records', { subjectId, recordId: 'provided#p-1', direction: 'provided', counterparty: 'Partner, Tokyo (CEO)', items: ['name'], basis: 'consent', date: '2026-10-01', recipientId: 'partner', expiresAt });
  await putItem('provision-records', { subjectId, recordId: 'received#r-1', direction: 'received', counterparty: 'Provider, Osaka (CEO)', items: ['phone'], basis: 'opt-out', date: '2026-11-01', providerId: 'provider', expiresAt });
});

afterAll(() => dropTables(prefix));

const list = (query: Record<string, string>, claims = staffClaims('auditor')) =>
  invoke(handler, { method: 'GET', path: '/v1/staff/provisions', resource: '/v1/staff/provisions', query, claims });

describe('list-provisions', () => {
  it('200 for an auditor with the records, latest first, and the read access-logged with its reason', async () => {
    const result = await list({ subjectId, reason: 'Quarterly audit of provision records' });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json.items.map((r: { recordId: string }) => r.recordId)).toEqual(['received#r-1', 'provided#p-1']);
    const logged = (await scanAll('access-log')).filter((e) => e.subjects?.includes(subjectId));
    expect(logged).toEqual([expect.objectContaining({ actor: 'auditor', role: 'auditor', action: 'read', fields: ['provision-records'], reason: 'audit: Quarterly audit of provision records' })]);
  });

  it('filters for an officer; 400 without a reason; 403 for an operator', async () => {
    const result = await list({ subjectId, reason: 'PPC inquiry of 2026-11-20', direction: 'provided' }, staffClaims('officer'));
    expect(result.json.items.map((r: { recordId: string }) => r.recordId)).toEqual(['provided#p-1']);
    expectProblem(await list({ subjectId }), 400);
    expectProblem(await list({ subjectId, reason: 'Quarterly audit of provision records' }, staffClaims('operator')), 403);
  });
});
