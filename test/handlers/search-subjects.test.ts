// GET /v1/staff/subjects?email=…|customerId=… against DynamoDB Local: subjects found through the
// lookup index with categories and counts but no value, never through an expired record; each
// search access-logged with what it found and its reason; one reason and one key required.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../functions/adapters/system';
import type { ChainedAccessLogEntry } from '../../functions/domain/access-log/entry';
import { lookupKeyOf } from '../../functions/domain/holdings';
import { handler } from '../../functions/handlers/search-subjects';
import { seedDemoStaff } from '../../local/seed';
import { freshTables, invoke, uniqueEmail } from '../support/desk';
import {
  dropTables,
  expectProblem,
  putItem,
  putOpenRequestAbout,
  putOpenRequests,
  scanAll,
  staffClaims,
} from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await Promise.all([
    seedDemoStaff('test-password'),
    putOpenRequests('req-search-1', 'req-search-2', 'req-search-3', 'req-search-4'),
  ]);
});

afterEach(() => vi.restoreAllMocks());

afterAll(() => dropTables(prefix));

const DAY = 86_400;
const inSeconds = (s: number) => Math.floor(Date.now() / 1000) + s;
/** "Expired" by a clock ten days ahead for items expiring in five: DynamoDB Local TTL-deletes items expired in real time. */
const clockTenDaysAhead = () => vi.spyOn(systemClock, 'now').mockReturnValue(new Date(Date.now() + 10 * DAY * 1000));

const search = (
  query: Record<string, string> | undefined,
  claims: Record<string, string> | null = staffClaims('operator'),
) =>
  invoke(handler, {
    method: 'GET',
    path: '/v1/staff/subjects',
    resource: '/v1/staff/subjects',
    ...(query ? { query } : {}),
    ...(claims ? { claims } : {}),
  });

const logEntriesFor = async (reason: string) =>
  (await scanAll<ChainedAccessLogEntry>('access-log')).filter((e) => e.reason === reason);

async function putRecord(subjectId: string, category: string, value: string, expiresAt?: number) {
  const item = {
    subjectId,
    recordId: `rec-${randomUUID().slice(0, 8)}`,
    category,
    value,
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2025-04-01T00:00:00.000Z',
    ...(expiresAt ? { expiresAt } : {}),
  };
  await putItem('personal-data', { ...item, lookupKey: lookupKeyOf(item) });
}

/** Two subjects sharing an address; the first also has a customer number; a third known only through expiring records. */
async function seedSubjects() {
  const email = uniqueEmail('searched');
  const customerId = `C-${randomUUID().slice(0, 8)}`;
  const [a, b, gone] = ['a', 'b', 'gone'].map((s) => `subject-${s}-${randomUUID()}`) as [string, string, string];
  await Promise.all([
    putRecord(a, 'email', email),
    putRecord(a, 'customer-id', customerId),
    putRecord(a, 'name', '検索 太郎'),
    putRecord(a, 'phone', '03-1111-2222', inSeconds(5 * DAY)),
    putRecord(b, 'email', email.toUpperCase()),
    putRecord(gone, 'email', email, inSeconds(5 * DAY)),
    putRecord(gone, 'customer-id', customerId, inSeconds(5 * DAY)),
  ]);
  return { email, customerId, a, b, gone };
}

describe('search-subjects', () => {
  it('by e-mail: each live subject with its categories and number of records, no values, nothing through an expired record', async () => {
    const { email, a, b } = await seedSubjects();
    const requestId = await putOpenRequestAbout(`req-search-1-${a.slice(10, 18)}`, email);
    clockTenDaysAhead();
    const result = await search({ email: email.toUpperCase(), requestId });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toEqual({
      items: [
        { subjectId: a, categories: ['customer-id', 'email', 'name'], records: 3 },
        { subjectId: b, categories: ['email'], records: 1 },
      ].sort((x, y) => x.subjectId.localeCompare(y.subjectId)),
    });
    const text = JSON.stringify(result.json);
    for (const value of [email, '検索 太郎', '03-1111-2222']) expect(text).not.toContain(value);
  });

  it('by customer number', async () => {
    const { customerId, a, gone } = await seedSubjects();
    expect(
      (await search({ customerId, purpose: 'billing' })).json.items.map((i: { subjectId: string }) => i.subjectId),
    ).toEqual([a, gone].sort());
    clockTenDaysAhead();
    const result = await search({ customerId, purpose: 'billing' });
    expect(result.json).toEqual({
      items: [{ subjectId: a, categories: ['customer-id', 'email', 'name'], records: 3 }],
    });
  });

  it('access-logs each search with the subjects found, the key searched by and the reason', async () => {
    const { email, customerId, a, b } = await seedSubjects();
    const requestId = await putOpenRequestAbout(`req-search-2-${a.slice(10, 18)}`, email);
    clockTenDaysAhead();
    expect((await search({ email, requestId }, staffClaims('officer'))).status).toBe(200);
    expect(await logEntriesFor(`request ${requestId}`)).toEqual([
      expect.objectContaining({
        actor: 'officer',
        role: 'officer',
        action: 'read',
        subjects: [a, b].sort(),
        fields: ['email'],
        sourceIp: '203.0.113.10',
      }),
    ]);
    expect((await search({ customerId, purpose: 'usage-analysis' })).status).toBe(200);
    expect(await logEntriesFor('purpose usage-analysis')).toEqual([
      expect.objectContaining({ actor: 'operator', role: 'operator', subjects: [a], fields: ['customer-id'] }),
    ]);
  });

  it('finding nobody → 200 with no items, and the search is logged with no subjects', async () => {
    const result = await search({ email: uniqueEmail('nobody'), requestId: 'req-search-3' });
    expect(result.status).toBe(200);
    expect(result.json).toEqual({ items: [] });
    expect(await logEntriesFor('request req-search-3')).toEqual([
      expect.objectContaining({ subjects: [], fields: ['email'] }),
    ]);
  });

  it('an open request about someone else → 422 naming requestId, nothing counted or logged', async () => {
    const { email } = await seedSubjects();
    const result = await search({ email, requestId: 'req-search-3' });
    expectProblem(result, 422);
    expect(result.json.title).toBe('Request about someone else');
    expect(result.json.detail).toMatch(/^requestId: /);
    expect(
      (await logEntriesFor('request req-search-3')).filter((e) => e.fields.includes('email') && e.subjects.length > 0),
    ).toEqual([]);
  });

  it.each([
    ['no reason', { email: 'someone@example.jp' }, /^query\.requestId$/],
    [
      'both reasons',
      { email: 'someone@example.jp', requestId: 'req-search-4', purpose: 'billing' },
      /^query\.requestId$/,
    ],
    ['no key', { requestId: 'req-search-4' }, /^query\.email$/],
    ['both keys', { email: 'someone@example.jp', customerId: 'C-1', requestId: 'req-search-4' }, /^query\.email$/],
    ['an address that is not one', { email: 'not-an-address', requestId: 'req-search-4' }, /^query\.email$/],
  ])('%s → 400 naming the field, nothing logged', async (_name, query, field) => {
    const result = await search(query);
    expectProblem(result, 400);
    expect(result.json.errors.map((e: { field: string }) => e.field)).toContainEqual(expect.stringMatching(field));
    expect(await logEntriesFor('request req-search-4')).toEqual([]);
  });

  it('an auditor → 403, no claims → 401; nothing logged', async () => {
    const { email } = await seedSubjects();
    const refused = await search({ email, requestId: 'req-search-5' }, staffClaims('auditor'));
    expectProblem(refused, 403);
    expect(refused.json.type).toBe('urn:appi-desk:problem:forbidden-role');
    expectProblem(await search({ email, requestId: 'req-search-5' }, null), 401);
    expect(await logEntriesFor('request req-search-5')).toEqual([]);
  });
});
