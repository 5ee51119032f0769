// POST /v1/system/use-checks against DynamoDB Local: what the container keeps and what it reads on
// every call. A purpose's retirement takes effect within PURPOSE_REGISTRY_CACHE_MS (the registry is
// kept per container); a cessation flag (APPI Art. 35) and a withdrawn consent take effect on the
// very next check.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PURPOSE_REGISTRY_CACHE_MS } from '../../functions/adapters/purpose-registry-cache';
import { POLICY_PURPOSES } from '../../functions/domain/purposes/registry';
import { handler } from '../../functions/handlers/check-use';
import { freshTables, invoke } from '../support/desk';
import { dropTables, putItem, systemPrincipal } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

async function answer(subjectId: string, purpose: string) {
  const result = await invoke(handler, {
    method: 'POST',
    path: '/v1/system/use-checks',
    body: { subjectId, category: 'phone', purpose },
    principal: systemPrincipal(),
  });
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return result.json as { allowed: boolean; reason: string };
}

async function holding(purposes: string[]) {
  const subjectId = `subject-${randomUUID()}`;
  await putItem('personal-data', {
    subjectId,
    recordId: `rec-${randomUUID()}`,
    category: 'phone',
    value: '03-1234-5678',
    source: 'from-customer',
    purposes,
    acquiredAt: '2026-01-01T00:00:00.000Z',
    lookupKey: `subject#${subjectId}`,
  });
  return subjectId;
}

const consentEvent = (subjectId: string, eventId: string, action: 'given' | 'withdrawn', at: string) =>
  putItem('consents', {
    subjectId,
    eventId,
    action,
    purpose: 'advertising',
    noticeVersion: '2024-04-01',
    method: 'web-button',
    at,
  });

describe('check-use: what takes effect when', () => {
  it('a cessation flag, on the very next check', async () => {
    const subjectId = await holding(['service-provision']);
    expect(await answer(subjectId, 'service-provision')).toMatchObject({ allowed: true, reason: 'within-purpose' });
    await putItem('subjects', { subjectId, cessationOfUse: { requestId: 'req-1', at: '2026-11-01T00:00:00.000Z' } });
    expect(await answer(subjectId, 'service-provision')).toMatchObject({
      allowed: false,
      reason: 'cessation-of-use-requested',
    });
  });

  it('a withdrawn consent, on the very next check', async () => {
    const subjectId = await holding(['advertising']);
    await consentEvent(subjectId, 'e1', 'given', '2026-01-01T00:00:00.000Z');
    expect(await answer(subjectId, 'advertising')).toMatchObject({ allowed: true, reason: 'within-purpose' });
    await consentEvent(subjectId, 'e2', 'withdrawn', '2026-02-01T00:00:00.000Z');
    expect(await answer(subjectId, 'advertising')).toMatchObject({ allowed: false, reason: 'consent-withdrawn' });
  });

  // Last in the file: the retirement stays in this file's purposes table.
  it('a retirement, once the registry the container keeps is older than its bound, and not before', async () => {
    // Past any registry an earlier check kept, so the first check below reads it at `start`.
    const start = Date.now() + 2 * PURPOSE_REGISTRY_CACHE_MS;
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    try {
      const subjectId = await holding(['usage-analysis']);
      expect(await answer(subjectId, 'usage-analysis')).toMatchObject({ allowed: true, reason: 'within-purpose' });
      const usageAnalysis = POLICY_PURPOSES.find((p) => p.purposeId === 'usage-analysis')!;
      await putItem('purposes', {
        ...usageAnalysis,
        version: 2,
        status: 'retired',
        retiredAt: '2026-10-01T00:00:00.000Z',
        effectiveFrom: '2026-10-01T00:00:00.000Z',
        publishedBy: 'officer',
        change: { kind: 'retired', note: 'The analysis ended' },
      });
      // Within the bound the kept registry answers: the retirement is not yet seen.
      vi.setSystemTime(start + PURPOSE_REGISTRY_CACHE_MS - 1_000);
      expect(await answer(subjectId, 'usage-analysis')).toMatchObject({ allowed: true, reason: 'within-purpose' });
      // Past it the registry is read again, and the use is refused.
      vi.setSystemTime(start + PURPOSE_REGISTRY_CACHE_MS);
      expect(await answer(subjectId, 'usage-analysis')).toMatchObject({
        allowed: false,
        reason: 'purpose-not-active',
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
