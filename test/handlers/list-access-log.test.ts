// GET /v1/staff/access-log against DynamoDB Local: newest first, filtered by actor and subject within
// a bounded window (the last 24 hours by default), page by page across Japan days with an opaque cursor.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoAccessLog } from '../../functions/adapters/access-log-repository';
import { handler } from '../../functions/handlers/list-access-log';
import { seedDemoStaff } from '../../local/seed';
import { logEntry } from '../support/access-log';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, staffClaims } from '../support/requests';

let prefix: string;
const HOUR = 3_600_000;
const now = Date.now();
const hoursAgo = (h: number) => new Date(now - h * HOUR).toISOString();

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('test-password');
  // 30 entries an hour apart over the last 30 hours (spanning two or three Japan days), and one of 10 days ago.
  for (let n = 0; n < 30; n += 1) await dynamoAccessLog.append(logEntry(n, { at: hoursAgo(n + 0.5) }));
  await dynamoAccessLog.append(logEntry(99, { at: hoursAgo(240), actor: 'old-actor' }));
});

afterAll(() => dropTables(prefix));

const list = (query: Record<string, string> = {}, claims = staffClaims('auditor')) =>
  invoke(handler, {
    method: 'GET',
    path: '/v1/staff/access-log',
    resource: '/v1/staff/access-log',
    query,
    claims,
  });

const reasons = (json: Record<string, any>) => (json.items as Array<{ reason: string }>).map((i) => i.reason);

describe('list-access-log', () => {
  it('by default lists the last 24 hours, newest first, without hashes', async () => {
    const result = await list();
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(reasons(result.json)).toEqual(Array.from({ length: 24 }, (_, n) => `test ${n}`));
    expect(result.json.items[0]).toEqual({
      chainId: expect.stringMatching(/^chain-\d+$/),
      seq: expect.any(Number),
      actor: 'staff-0',
      role: 'operator',
      action: 'read',
      subjects: ['subject-0'],
      fields: ['email'],
      reason: 'test 0',
      sourceIp: '203.0.113.10',
      at: hoursAgo(0.5),
    });
    expect(result.json.nextCursor).toBeUndefined();
    expect(Date.parse(result.json.to) - Date.parse(result.json.from)).toBe(24 * HOUR);
  });

  it('filters by actor and by subject, and by both', async () => {
    const window = { from: hoursAgo(31), to: new Date(now).toISOString() };
    expect(reasons((await list({ ...window, actor: 'staff-1' })).json)).toEqual(
      [1, 4, 7, 10, 13, 16, 19, 22, 25, 28].map((n) => `test ${n}`),
    );
    expect(reasons((await list({ ...window, subject: 'subject-2' })).json)).toEqual(
      [2, 7, 12, 17, 22, 27].map((n) => `test ${n}`),
    );
    expect(reasons((await list({ ...window, actor: 'staff-1', subject: 'subject-2' })).json)).toEqual(
      [7, 22].map((n) => `test ${n}`),
    );
    expect((await list({ from: hoursAgo(241), to: hoursAgo(239), actor: 'old-actor' })).json.items).toHaveLength(1);
  });

  it('pages through every entry across days with the cursor, none twice and none left out', async () => {
    const window = { from: hoursAgo(31), to: new Date(now).toISOString() };
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const result = await list({ ...window, limit: '7', ...(cursor ? { cursor } : {}) });
      expect(result.status, JSON.stringify(result.json)).toBe(200);
      expect(result.json.items.length).toBeLessThanOrEqual(7);
      seen.push(...reasons(result.json));
      cursor = result.json.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, n) => `test ${n}`));
    expect(pages).toBe(5);
  });

  it('a filtered listing pages by cursor, the cursor carrying its filters', async () => {
    const first = await list({ from: hoursAgo(31), actor: 'staff-2', limit: '4' });
    expect(reasons(first.json)).toEqual([2, 5, 8, 11].map((n) => `test ${n}`));
    const second = await list({ cursor: first.json.nextCursor, limit: '4' });
    expect(reasons(second.json)).toEqual([14, 17, 20, 23].map((n) => `test ${n}`));
    const sameFilters = await list({ actor: 'staff-2', cursor: second.json.nextCursor });
    expect(reasons(sameFilters.json)).toEqual([26, 29].map((n) => `test ${n}`));
  });

  it('refuses a cursor sent with other filters, and a cursor it did not give out: 422', async () => {
    const first = await list({ limit: '2' });
    expectProblem(await list({ cursor: first.json.nextCursor, actor: 'staff-1' }), 422);
    expectProblem(await list({ cursor: 'not-a-cursor' }), 422);
    const forged = Buffer.from(
      JSON.stringify({
        from: hoursAgo(2),
        to: hoursAgo(1),
        day: '2020-01-01',
        after: { day: '2020-01-01', at: '2020-01-01T00:00:00.000Z', chainId: 'chain-0', seq: 1 },
      }),
    ).toString('base64url');
    expectProblem(await list({ cursor: forged }), 422);
  });

  it('refuses a window wider than 31 days, or an empty one: 422; one that ends before it starts, or a malformed one: 400', async () => {
    expectProblem(await list({ from: hoursAgo(32 * 24) }), 422);
    expectProblem(await list({ from: hoursAgo(1), to: hoursAgo(1) }), 422);
    expectProblem(await list({ from: hoursAgo(1), to: hoursAgo(2) }), 400);
    expectProblem(await list({ from: 'yesterday' }), 400);
    expectProblem(await list({ limit: '0' }), 400);
  });

  it('an entry past its retention is not listed, even before the TTL sweep removes it', async () => {
    const longAgo = new Date(now - 6 * 365 * 24 * HOUR);
    await dynamoAccessLog.append(logEntry(500, { at: longAgo.toISOString(), actor: 'expired-actor' }));
    const window = {
      from: new Date(longAgo.getTime() - HOUR).toISOString(),
      to: new Date(longAgo.getTime() + HOUR).toISOString(),
    };
    expect((await list({ ...window, actor: 'expired-actor' })).json.items).toEqual([]);
  });

  it('the officer may list too; an operator may not', async () => {
    expect((await list({}, staffClaims('officer'))).status).toBe(200);
    expectProblem(await list({}, staffClaims('operator')), 403);
  });
});
