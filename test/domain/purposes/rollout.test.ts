// Carrying a change or retirement to the records (policy §2(3), (4)): notices only to people with a
// live record carrying the purpose, once each, at most the batch per run with the cursor going on;
// after a retirement, records held only for retired purposes expire now, the rest are recomputed.

import { describe, expect, it } from 'vitest';
import { personalDataExpiresAt } from '../../../functions/domain/personal-data/expiry';
import { purposeChangeMessageId } from '../../../functions/domain/purposes/notifications';
import { changePurpose, retirePurpose } from '../../../functions/domain/purposes/publishing';
import { POLICY_PURPOSES, registryOf } from '../../../functions/domain/purposes/registry';
import {
  advanceRollouts,
  messagesPerRun,
  ROLLOUT_PAGES_PER_RUN,
  ROLLOUT_SCAN_PAGE_SIZE,
  type RolloutLimits,
  recomputedExpiry,
  SES_MAX_SEND_RATE_PER_SECOND,
  sendRatePerSecond,
} from '../../../functions/domain/purposes/rollout';
import type { StaffActor } from '../../../functions/domain/staff';
import { DEMO_COMPANY } from '../../support/company';
import { FixedClock } from '../doubles';
import { emailRecord, MapLifecycles, MemoryOutbox, MemoryPurposes, MemoryRecords, record } from './doubles';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.8' };
const PUBLISHED = '2026-12-01T03:00:00.000Z';
const NOW_SECONDS = Math.floor(Date.parse(PUBLISHED) / 1000);
const DAY = 24 * 60 * 60;
const WIDE: RolloutLimits = { messages: 100, pages: 100, pageSize: 10 };

function setUp(items: ReturnType<typeof record>[], lifecycles: MapLifecycles = new MapLifecycles()) {
  const purposes = new MemoryPurposes();
  const records = new MemoryRecords(items);
  const outbox = new MemoryOutbox();
  const clock = new FixedClock(PUBLISHED);
  const deps = { purposes, rollouts: purposes, records, lifecycles, outbox, clock, company: DEMO_COMPANY };
  return {
    purposes,
    records,
    outbox,
    clock,
    deps,
    publishing: { purposes, publisher: purposes, clock, company: DEMO_COMPANY },
  };
}

const billingChange = {
  ja: '当社サービスの利用料金の請求、決済及び領収書の発行のため',
  en: 'To bill and settle usage fees for our services and to issue receipts',
  relatedScope: 'Issuing receipts is part of settling the fees the customer already pays.',
};

describe('the SES sending rate (law as data)', () => {
  it("defaults to SES's production quota of 14 per second, a minute's worth per run", () => {
    expect(SES_MAX_SEND_RATE_PER_SECOND).toBe(14);
    expect(sendRatePerSecond(undefined)).toBe(14);
    expect(sendRatePerSecond('')).toBe(14);
    expect(messagesPerRun(sendRatePerSecond(undefined), 60)).toBe(840);
  });

  it('is overridden by the desk setting, and a nonsense setting is refused', () => {
    expect(sendRatePerSecond('50')).toBe(50);
    expect(messagesPerRun(sendRatePerSecond('0.5'), 60)).toBe(30);
    for (const bad of ['0', '-3', 'fast', 'Infinity'])
      expect(() => sendRatePerSecond(bad)).toThrow(/DESK_SES_MAX_SEND_RATE/);
  });

  it('bounds each run by pages of a fixed size', () => {
    expect(ROLLOUT_SCAN_PAGE_SIZE).toBeGreaterThan(0);
    expect(ROLLOUT_PAGES_PER_RUN).toBeGreaterThan(0);
  });
});

describe('recomputedExpiry', () => {
  const registry = registryOf([
    ...POLICY_PURPOSES,
    {
      ...POLICY_PURPOSES.find((p) => p.purposeId === 'advertising')!,
      version: 2,
      status: 'retired',
      retiredAt: PUBLISHED,
    },
  ]);
  const now = new Date(PUBLISHED);

  it('expires a record held only for retired purposes now, for that reason', () => {
    expect(
      recomputedExpiry({ purposes: ['advertising'], acquiredAt: '2026-01-01T00:00:00.000Z' }, registry, undefined, now),
    ).toEqual({ expiresAt: NOW_SECONDS, erasureReason: 'purpose-retired' });
  });

  it('gives any other record the latest achievement date, or none while a purpose is not achieved', () => {
    const mixed = { purposes: ['advertising', 'registration-screening'], acquiredAt: '2026-11-01T00:00:00.000Z' };
    expect(recomputedExpiry(mixed, registry, undefined, now)).toEqual({
      expiresAt: personalDataExpiresAt(mixed, registry, undefined),
    });
    expect(
      recomputedExpiry(
        { purposes: ['advertising', 'billing'], acquiredAt: '2026-11-01T00:00:00.000Z' },
        registry,
        undefined,
        now,
      ),
    ).toEqual({});
  });
});

describe('advanceRollouts: a change', () => {
  it('e-mails, through the outbox, each person with a live record carrying the purpose, once, in Japanese and English', async () => {
    const { deps, publishing, outbox, purposes } = setUp([
      record('s-1', 'r-1', ['billing']),
      record('s-1', 'r-2', ['billing', 'service-provision']),
      emailRecord('s-1', 'one@example.jp'),
      emailRecord('s-1', 'one-work@example.jp'),
      record('s-2', 'r-1', ['billing'], { expiresAt: NOW_SECONDS - DAY }),
      emailRecord('s-2', 'expired-record@example.jp'),
      record('s-3', 'r-1', ['service-provision']),
      emailRecord('s-3', 'other-purpose@example.jp'),
      record('s-4', 'r-1', ['billing']),
      emailRecord('s-4', 'old-address@example.jp', { expiresAt: NOW_SECONDS - DAY }),
      record('s-5', 'r-1', ['billing']),
      emailRecord('s-5', 'five@example.jp'),
    ]);
    await changePurpose(publishing, OFFICER, 'billing', billingChange);
    const tally = await advanceRollouts(deps, WIDE);
    expect(outbox.messages.map((m) => m.to)).toEqual([['one@example.jp', 'one-work@example.jp'], ['five@example.jp']]);
    expect(tally).toMatchObject({ jobs: 1, finished: 1, messages: 2, unreachable: 1, records: 4 });
    const [message] = outbox.messages;
    expect(message).toMatchObject({
      messageId: purposeChangeMessageId('billing', 2, 's-1'),
      topic: 'purpose-change',
      createdAt: PUBLISHED,
    });
    expect(message!.subject).toMatch(/利用目的の変更/);
    expect(message!.subject).toMatch(/purpose of use/);
    expect(message!.text).toContain(`変更前: ${POLICY_PURPOSES.find((p) => p.purposeId === 'billing')!.ja}`);
    expect(message!.text).toContain(`変更後: ${billingChange.ja}`);
    expect(message!.text).toContain(`After: ${billingChange.en}`);
    expect(message!.text).toMatch(/2026年12月1日/);
    expect(message!.text).not.toContain('s-1');
    expect(purposes.job('billing', 2)).toEqual({ kind: 'notify', state: 'done', processed: 4 });
  });

  it('sends at most the batch per run, the cursor carrying on, and never twice', async () => {
    const subjects = ['a', 'b', 'c', 'd', 'e'];
    const { deps, publishing, outbox, purposes } = setUp(
      subjects.flatMap((s) => [
        record(s, 'r-1', ['billing']),
        record(s, 'r-2', ['billing']),
        emailRecord(s, `${s}@example.jp`),
      ]),
    );
    await changePurpose(publishing, OFFICER, 'billing', billingChange);
    const limits = { ...WIDE, messages: 2 };
    expect((await advanceRollouts(deps, limits)).messages).toBe(2);
    expect(purposes.job('billing', 2)).toMatchObject({
      state: 'pending',
      cursor: { subjectId: 'b', recordId: 'r-2' },
      processed: 4,
    });
    expect((await advanceRollouts(deps, limits)).messages).toBe(2);
    expect((await advanceRollouts(deps, limits)).messages).toBe(1);
    expect(purposes.job('billing', 2)).toEqual({ kind: 'notify', state: 'done', processed: 10 });
    expect(outbox.messages.map((m) => m.to[0])).toEqual(subjects.map((s) => `${s}@example.jp`));
    // A rerun from the start finds every message already in the outbox.
    purposes.job('billing', 2)!.state = 'pending';
    delete purposes.job('billing', 2)!.cursor;
    purposes.job('billing', 2)!.processed = 0;
    expect((await advanceRollouts(deps, limits)).messages).toBe(0);
    expect(outbox.messages).toHaveLength(5);
    expect(await advanceRollouts(deps, limits)).toMatchObject({ jobs: 0, messages: 0 });
  });

  it('stops at the page budget and goes on from its cursor next run', async () => {
    const { deps, publishing, outbox, purposes, records } = setUp(
      ['a', 'b', 'c'].flatMap((s) => [record(s, 'r-1', ['billing']), emailRecord(s, `${s}@example.jp`)]),
    );
    await changePurpose(publishing, OFFICER, 'billing', billingChange);
    await advanceRollouts(deps, { messages: 100, pages: 1, pageSize: 2 });
    expect(records.pagesRead).toEqual([2]);
    expect(purposes.job('billing', 2)).toMatchObject({ state: 'pending', cursor: { subjectId: 'a', recordId: 'r-1' } });
    expect(outbox.messages).toHaveLength(1);
    await advanceRollouts(deps, { messages: 100, pages: 5, pageSize: 2 });
    expect(purposes.job('billing', 2)!.state).toBe('done');
    expect(outbox.messages).toHaveLength(3);
  });

  it('recomputes the expiry of the records it passes when the achievement rule changed', async () => {
    const { deps, publishing, records } = setUp([
      record('s-1', 'r-1', ['registration-screening'], {
        acquiredAt: '2026-11-01T00:00:00.000Z',
        expiresAt: Math.ceil(Date.parse('2026-11-01T00:00:00.000Z') / 1000) + 180 * DAY,
      }),
      emailRecord('s-1', 'one@example.jp'),
    ]);
    await changePurpose(publishing, OFFICER, 'registration-screening', {
      ...billingChange,
      achievement: { after: 'acquisition', days: 90 },
    });
    expect(await advanceRollouts(deps, WIDE)).toMatchObject({ recomputed: 1, messages: 1 });
    expect(records.get('s-1', 'r-1')!.expiresAt).toBe(
      Math.ceil(Date.parse('2026-11-01T00:00:00.000Z') / 1000) + 90 * DAY,
    );
  });

  it('leaves the job to another run that saved its progress first', async () => {
    const { deps, publishing, outbox, purposes } = setUp([
      record('a', 'r-1', ['billing']),
      emailRecord('a', 'a@example.jp'),
    ]);
    await changePurpose(publishing, OFFICER, 'billing', billingChange);
    deps.rollouts = { save: async () => false } as unknown as MemoryPurposes;
    expect(await advanceRollouts(deps, WIDE)).toMatchObject({ jobs: 1, finished: 0 });
    expect(purposes.job('billing', 2)).toEqual({ kind: 'notify', state: 'pending', processed: 0 });
    expect(outbox.messages).toHaveLength(1);
  });
});

describe('advanceRollouts: a retirement', () => {
  it('expires records held only for retired purposes now with the reason, recomputes the rest, e-mails no one', async () => {
    const contractEnded = '2026-11-20T00:00:00.000Z';
    const lifecycles = new MapLifecycles({
      's-2': { subjectId: 's-2', contractEndedAt: contractEnded, lastActivityAt: '2026-11-15T00:00:00.000Z' },
    });
    const { deps, publishing, records, outbox, purposes } = setUp(
      [
        record('s-1', 'r-1', ['advertising'], { expiresAt: NOW_SECONDS + 300 * DAY }),
        emailRecord('s-1', 'one@example.jp'),
        record('s-2', 'r-1', ['advertising', 'service-provision'], { expiresAt: NOW_SECONDS + 350 * DAY }),
        record('s-3', 'r-1', ['advertising', 'billing'], { expiresAt: NOW_SECONDS + 10 * DAY }),
        record('s-4', 'r-1', ['service-provision']),
      ],
      lifecycles,
    );
    await retirePurpose(publishing, OFFICER, 'advertising', {
      reason: 'business-ended',
      note: 'The advertising business was closed.',
    });
    const tally = await advanceRollouts(deps, { ...WIDE, messages: 0 });
    expect(tally).toMatchObject({ finished: 1, records: 3, recomputed: 3, messages: 0 });
    expect(records.get('s-1', 'r-1')).toMatchObject({ expiresAt: NOW_SECONDS, erasureReason: 'purpose-retired' });
    expect(records.get('s-2', 'r-1')!.expiresAt).toBe(Math.ceil(Date.parse(contractEnded) / 1000) + 90 * DAY);
    expect(records.get('s-2', 'r-1')!.erasureReason).toBeUndefined();
    // Billing is not achieved while the contract runs: no expiry.
    expect(records.get('s-3', 'r-1')).not.toHaveProperty('expiresAt');
    expect(records.get('s-4', 'r-1')).not.toHaveProperty('expiresAt');
    expect(records.get('s-1', 'email-one@example.jp')).not.toHaveProperty('expiresAt');
    expect(outbox.messages).toEqual([]);
    expect(purposes.job('advertising', 2)).toEqual({ kind: 'recompute', state: 'done', processed: 3 });
  });

  it('never moves an expiry someone else set since the Scan read it', async () => {
    const { deps, publishing, records } = setUp([
      record('s-1', 'r-1', ['advertising'], { expiresAt: NOW_SECONDS + DAY }),
    ]);
    await retirePurpose(publishing, OFFICER, 'advertising', {
      reason: 'business-ended',
      note: 'The advertising business was closed.',
    });
    const page = records.page.bind(records);
    records.page = async (...args) => {
      const read = await page(...args);
      records.get('s-1', 'r-1')!.expiresAt = NOW_SECONDS + 2 * DAY;
      return read;
    };
    expect(await advanceRollouts(deps, WIDE)).toMatchObject({ records: 1, recomputed: 0 });
    expect(records.get('s-1', 'r-1')!.expiresAt).toBe(NOW_SECONDS + 2 * DAY);
  });
});
