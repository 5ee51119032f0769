// POST /v1/system/subjects/{subjectId}/events against DynamoDB Local: the lifecycle is saved and the
// expiry of every live record of the subject recomputed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredPersonalDataRecord } from '../../functions/domain/holdings';
import { japanDateOf } from '../../functions/domain/kernel/calendar';
import { DEFAULT_FISCAL_YEAR, taxBooksRetention } from '../../functions/domain/purposes/tax-books';
import { handler } from '../../functions/handlers/record-subject-event';
import { freshTables, invoke } from '../support/desk';
import { dropTables, expectProblem, getItem, putItem, scanAll, systemPrincipal } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const DAY_S = 86_400;
const report = (subjectId: string, body: unknown, signed = true) =>
  invoke(handler, {
    method: 'POST',
    path: `/v1/system/subjects/${subjectId}/events`,
    resource: '/v1/system/subjects/{subjectId}/events',
    pathParameters: { subjectId },
    body,
    ...(signed ? { principal: systemPrincipal() } : {}),
  });

const subject = () => `subject-${randomUUID()}`;
const seconds = (iso: string) => Math.ceil(Date.parse(iso) / 1000);
const recordsOf = async (subjectId: string) =>
  (await scanAll<StoredPersonalDataRecord>('personal-data')).filter((r) => r.subjectId === subjectId);

const record = (subjectId: string, recordId: string, purposes: string[], expiresAt?: number) => ({
  subjectId,
  recordId,
  category: 'phone',
  value: '03-1234-5678',
  source: 'from-customer',
  purposes,
  acquiredAt: new Date(Date.now() - 30 * DAY_S * 1000).toISOString(),
  lookupKey: `subject#${subjectId}`,
  ...(expiresAt ? { expiresAt } : {}),
});

describe('record-subject-event', () => {
  it('contract-ended: saves the date and gives each record the expiry of its purposes', async () => {
    const s = subject();
    await Promise.all([
      putItem('personal-data', record(s, 'rec-service', ['service-provision'])),
      putItem('personal-data', record(s, 'rec-billing', ['billing'])),
    ]);
    const endedAt = new Date(Date.now() - DAY_S * 1000).toISOString();
    const result = await report(s, { event: 'contract-ended', at: endedAt });
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(result.json).toEqual({ subjectId: s, recordsRecomputed: 2 });
    expect(await getItem('subjects', { subjectId: s })).toEqual({ subjectId: s, contractEndedAt: endedAt });
    const byId = Object.fromEntries((await recordsOf(s)).map((r) => [r.recordId, r.expiresAt]));
    expect(byId).toEqual({
      'rec-service': seconds(endedAt) + 90 * DAY_S,
      // Kept with the books of the fiscal year the contract ended in (tax-books.ts, default April-March).
      'rec-billing': seconds(
        taxBooksRetention(japanDateOf(new Date(endedAt)), DEFAULT_FISCAL_YEAR).endsAt.toISOString(),
      ),
    });
  });

  it('activity: pushes last-activity purposes out, and removes an expiry its purposes no longer give', async () => {
    const s = subject();
    const soon = Math.floor(Date.now() / 1000) + 3_600;
    await Promise.all([
      putItem('personal-data', record(s, 'rec-inquiry', ['information-and-inquiries'], soon)),
      // No contract end on file: service-provision gives no expiry.
      putItem('personal-data', record(s, 'rec-service', ['service-provision'], soon)),
    ]);
    const at = new Date().toISOString();
    const result = await report(s, { event: 'activity', at });
    expect(result.json).toEqual({ subjectId: s, recordsRecomputed: 2 });
    const stored = Object.fromEntries((await recordsOf(s)).map((r) => [r.recordId, r]));
    expect(stored['rec-inquiry']!.expiresAt).toBe(seconds(at) + 3 * 365 * DAY_S);
    expect(stored['rec-service']).not.toHaveProperty('expiresAt');
    // An older activity changes nothing.
    expect((await report(s, { event: 'activity', at: '2025-01-01T00:00:00.000Z' })).json).toEqual({
      subjectId: s,
      recordsRecomputed: 0,
    });
    expect((await getItem('subjects', { subjectId: s }))!.lastActivityAt).toBe(at);
  });

  it('422 naming body.at for an event dated in the future; nothing saved, no expiry moved', async () => {
    const s = subject();
    const soon = Math.floor(Date.now() / 1000) + 3_600;
    await putItem('personal-data', record(s, 'rec-inquiry', ['information-and-inquiries'], soon));
    for (const body of [
      { event: 'activity', at: '2199-01-01T00:00:00.000Z' },
      { event: 'contract-ended', at: '2099-06-30T00:00:00.000Z' },
    ]) {
      const result = await report(s, body);
      expectProblem(result, 422);
      expect(result.json.errors).toEqual([
        { field: 'body.at', message: expect.stringContaining(`${body.at} is in the future`) },
      ]);
    }
    expect(await getItem('subjects', { subjectId: s })).toBeUndefined();
    expect((await recordsOf(s))[0]!.expiresAt).toBe(soon);
  });

  it('400 for an unknown event; 401 unsigned; nothing saved', async () => {
    const s = subject();
    expectProblem(await report(s, { event: 'birthday', at: new Date().toISOString() }), 400);
    expectProblem(await report(s, { event: 'activity', at: new Date().toISOString() }, false), 401);
    expect(await getItem('subjects', { subjectId: s })).toBeUndefined();
  });
});
