// Publishing purposes (policy §2(1), (3), (4)): each addition, change or retirement is the next
// version, put only if it does not exist yet; the registry's current version is the newest.
import { describe, expect, it } from 'vitest';
import {
  changePurpose,
  createPurpose,
  listPurposes,
  publishedView,
  purposeHistories,
  retirePurpose,
} from '../../../functions/domain/purposes/publishing';
import { POLICY_PURPOSES, registryOf } from '../../../functions/domain/purposes/registry';
import type { StaffActor } from '../../../functions/domain/staff';
import { FixedClock, problemOf } from '../doubles';
import { MemoryPurposes } from './doubles';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.8' };
const NOW = '2026-12-01T03:00:00.000Z';

function setUp() {
  const purposes = new MemoryPurposes();
  const clock = new FixedClock(NOW);
  return { purposes, clock, deps: { purposes, publisher: purposes, clock } };
}

const change = {
  ja: '当社サービスの利用料金の請求、決済及び領収書の発行のため',
  en: 'To bill and settle usage fees for our services and to issue receipts',
  relatedScope: 'Issuing receipts is part of settling the fees the customer already pays.',
};

describe('createPurpose', () => {
  it('publishes version 1 by the officer, effective now, with no rollout', async () => {
    const { deps, purposes } = setUp();
    const created = await createPurpose(deps, OFFICER, {
      purposeId: 'event-invitations',
      ja: 'イベントのご案内のため',
      en: 'To invite you to our events',
      basis: 'consent',
      achievement: { after: 'last-activity', days: 365 },
      note: 'The events business starts in January.',
    });
    expect(created).toEqual({
      purposeId: 'event-invitations',
      version: 1,
      ja: 'イベントのご案内のため',
      en: 'To invite you to our events',
      status: 'active',
      basis: 'consent',
      achievement: { after: 'last-activity', days: 365 },
      effectiveFrom: NOW,
      publishedBy: OFFICER.staffId,
      change: { kind: 'created', note: 'The events business starts in January.' },
    });
    expect(purposes.stored).toEqual([created]);
  });

  it("refuses an id that exists, the policy's own included, with 409", async () => {
    const { deps, purposes } = setUp();
    const problem = await problemOf(
      createPurpose(deps, OFFICER, {
        purposeId: 'billing',
        ja: 'x',
        en: 'x',
        basis: 'notice',
        achievement: { after: 'acquisition', days: 1 },
        note: 'A second billing purpose.',
      }),
    );
    expect(problem).toMatchObject({ kind: 'conflict', title: 'Purpose exists' });
    expect(problem.detail).toContain('PUT /v1/staff/purposes/billing');
    expect(purposes.stored).toEqual([]);
  });

  it('needs a reason', async () => {
    const { deps } = setUp();
    const problem = await problemOf(
      createPurpose(deps, OFFICER, {
        purposeId: 'event-invitations',
        ja: 'x',
        en: 'x',
        basis: 'notice',
        achievement: { after: 'acquisition', days: 1 },
        note: '   ',
      }),
    );
    expect(problem.kind).toBe('unprocessable');
  });
});

describe('changePurpose', () => {
  it('publishes the next version with the new text, the related scope as its note and a pending notify job', async () => {
    const { deps, purposes } = setUp();
    const changed = await changePurpose(deps, OFFICER, 'billing', change);
    const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    expect(changed).toEqual({
      ...billing,
      version: 2,
      ja: change.ja,
      en: change.en,
      effectiveFrom: NOW,
      publishedBy: OFFICER.staffId,
      change: { kind: 'changed', note: change.relatedScope },
    });
    expect(changed).not.toHaveProperty('rollout');
    expect(purposes.job('billing', 2)).toEqual({ kind: 'notify', state: 'pending', processed: 0 });
    expect(registryOf(await purposes.versions()).get('billing')?.version).toBe(2);
  });

  it('keeps the achievement rule unless a new one is given', async () => {
    const { deps } = setUp();
    const changed = await changePurpose(deps, OFFICER, 'usage-analysis', {
      ...change,
      achievement: { after: 'last-activity', days: 400 },
    });
    expect(changed.achievement).toEqual({ after: 'last-activity', days: 400 });
    expect(changed.basis).toBe('notice');
  });

  it('counts versions on: a second change is version 3', async () => {
    const { deps, clock } = setUp();
    await changePurpose(deps, OFFICER, 'billing', change);
    clock.set('2026-12-02T03:00:00.000Z');
    const again = await changePurpose(deps, OFFICER, 'billing', {
      ...change,
      ja: `${change.ja}。`,
      en: `${change.en}.`,
    });
    expect(again).toMatchObject({ version: 3, effectiveFrom: '2026-12-02T03:00:00.000Z' });
  });

  it('requires the related scope (APPI Art. 17(2))', async () => {
    const { deps, purposes } = setUp();
    const problem = await problemOf(changePurpose(deps, OFFICER, 'billing', { ...change, relatedScope: ' \n ' }));
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Related scope missing' });
    expect(problem.detail).toMatch(/Art\. 17\(2\)/);
    expect(purposes.stored).toEqual([]);
  });

  it('refuses a change that changes nothing', async () => {
    const { deps } = setUp();
    const billing = POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!;
    const problem = await problemOf(
      changePurpose(deps, OFFICER, 'billing', { ja: billing.ja, en: billing.en, relatedScope: change.relatedScope }),
    );
    expect(problem).toMatchObject({ kind: 'unprocessable', title: 'Nothing changed' });
  });

  it('404 for an unknown purpose, 409 for a retired one', async () => {
    const { deps } = setUp();
    expect((await problemOf(changePurpose(deps, OFFICER, 'no-such-purpose', change))).kind).toBe('not-found');
    await retirePurpose(deps, OFFICER, 'billing', {
      reason: 'business-ended',
      note: 'The paid plans were discontinued.',
    });
    expect(await problemOf(changePurpose(deps, OFFICER, 'billing', change))).toMatchObject({
      kind: 'conflict',
      title: 'Purpose retired',
    });
  });

  it('of two officers publishing at once, one wins and the other gets 409', async () => {
    const { deps, purposes } = setUp();
    // The other officer's version 2 lands between this one's read and its put.
    purposes.beforePublish = () => {
      purposes.beforePublish = undefined;
      purposes.stored.push({
        ...POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!,
        version: 2,
        publishedBy: 'staff-officer-2',
        change: { kind: 'changed', note: 'other' },
      });
    };
    const problem = await problemOf(changePurpose(deps, OFFICER, 'billing', change));
    expect(problem).toMatchObject({ kind: 'conflict', title: 'Purpose published meanwhile' });
    expect(purposes.stored.map((v) => v.publishedBy)).toEqual(['staff-officer-2']);
  });
});

describe('retirePurpose', () => {
  it('publishes a retired version, retired now, with a pending recompute job', async () => {
    const { deps, purposes } = setUp();
    const retired = await retirePurpose(deps, OFFICER, 'advertising', {
      reason: 'business-ended',
      note: 'The advertising business was closed on 30 November.',
    });
    expect(retired).toMatchObject({
      purposeId: 'advertising',
      version: 2,
      status: 'retired',
      retiredAt: NOW,
      effectiveFrom: NOW,
      publishedBy: OFFICER.staffId,
      change: { kind: 'retired', note: 'The advertising business was closed on 30 November.' },
    });
    expect(purposes.job('advertising', 2)).toEqual({ kind: 'recompute', state: 'pending', processed: 0 });
    const again = await problemOf(
      retirePurpose(deps, OFFICER, 'advertising', { reason: 'business-ended', note: 'Once more, to be sure.' }),
    );
    expect(again).toMatchObject({ kind: 'conflict', title: 'Purpose retired' });
  });
});

describe('listPurposes', () => {
  it("gives each purpose's current version and its history newest first, policy order kept, jobs stripped", async () => {
    const { deps, purposes, clock } = setUp();
    await changePurpose(deps, OFFICER, 'billing', change);
    clock.set('2026-12-03T00:00:00.000Z');
    await createPurpose(deps, OFFICER, {
      purposeId: 'event-invitations',
      ja: 'イベントのご案内のため',
      en: 'To invite you to our events',
      basis: 'consent',
      achievement: { after: 'last-activity', days: 365 },
      note: 'The events business starts in January.',
    });
    const { items } = listPurposes(await purposes.versions());
    expect(items.map((i) => i.purposeId)).toEqual([...POLICY_PURPOSES.map((p) => p.purposeId), 'event-invitations']);
    const billing = items.find((i) => i.purposeId === 'billing')!;
    expect(billing.version).toBe(2);
    expect(billing.history.map((v) => v.version)).toEqual([2, 1]);
    expect(JSON.stringify(items)).not.toContain('rollout');
  });

  it('purposeHistories and publishedView leave the stored versions as they are', async () => {
    const { deps, purposes } = setUp();
    await changePurpose(deps, OFFICER, 'billing', change);
    const versions = await purposes.versions();
    const billing = purposeHistories(versions).find((h) => h.current.purposeId === 'billing')!;
    expect(billing.current.rollout).toBeDefined();
    expect(publishedView(billing.current)).not.toHaveProperty('rollout');
  });

  it("shows every instant in UTC, as the rest of the API does, the policy's Japan-time date included", () => {
    expect(publishedView(POLICY_PURPOSES[0]!).effectiveFrom).toBe('2024-03-31T15:00:00.000Z');
    const retired = { ...POLICY_PURPOSES[0]!, retiredAt: '2026-12-01T09:00:00+09:00' };
    expect(publishedView(retired).retiredAt).toBe('2026-12-01T00:00:00.000Z');
  });
});
