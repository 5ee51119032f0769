// The holder registry's use cases with in-memory ports: versions kept, conflicts on a stale version,
// a processor needs its contract, discovery faults name the field, every read and write is logged,
// and an overdue review reminds the officer once per due day.
import { describe, expect, it } from 'vitest';
import { HolderAnswerError, HolderUnavailableError } from '../../../functions/domain/fulfilment/ports';
import type { HolderEndpoint } from '../../../functions/domain/holders/holder';
import type { HolderDiscovery, ReviewReminders } from '../../../functions/domain/holders/ports';
import {
  changeHolder,
  HolderDiscoveryUnavailable,
  type HolderRegistration,
  listHolders,
  recordHolderReview,
  registerHolder,
  retireHolder,
  viewHolder,
} from '../../../functions/domain/holders/registry';
import { remindHolderReviews } from '../../../functions/domain/holders/review-reminders';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import { POLICY_PURPOSES } from '../../../functions/domain/purposes/registry';
import type { StaffActor } from '../../../functions/domain/staff';
import { FixedClock, problemOf, RecordingAccessLog } from '../doubles';
import { MemoryHolders, PROCESSOR } from './doubles';

const OFFICER: StaffActor = { staffId: 'staff-officer-1', role: 'officer', sourceIp: '203.0.113.7' };
const { endpoint: ENDPOINT } = PROCESSOR;

function setup(discovered: (url: string) => HolderEndpoint = (baseUrl) => ({ ...ENDPOINT, baseUrl })) {
  const holders = new MemoryHolders();
  const accessLog = new RecordingAccessLog();
  const discovery: HolderDiscovery = { discover: async (url) => discovered(url) };
  const deps = {
    holders,
    accessLog,
    discovery,
    purposes: { versions: async () => [...POLICY_PURPOSES] },
    clock: new FixedClock('2026-11-26T01:00:00.000Z'),
    allowPlainHttp: false,
  };
  return { holders, accessLog, deps };
}

const { holderId, kind, name, owner, categories, contract } = PROCESSOR;
const REGISTRATION: HolderRegistration = {
  holderId,
  kind,
  name,
  owner,
  categories,
  purposes: [POLICY_PURPOSES[0]!.purposeId],
  baseUrl: ENDPOINT.baseUrl,
  understandsDeskExtension: false,
  contract: contract!,
};

describe('the holder registry', () => {
  it('registers version 1 with the discovered endpoint, keeps every version, and logs each access', async () => {
    const { holders, accessLog, deps } = setup();
    const view = await registerHolder(deps, OFFICER, REGISTRATION);
    expect(view).toMatchObject({ version: 1, endpoint: ENDPOINT, supervisionEveryMonths: 12, contractInForce: true });
    expect(view.nextReviewDue).toBe('2027-01-10');
    const changed = await changeHolder(deps, OFFICER, holderId, {
      ...REGISTRATION,
      name: 'Mail House Co.',
      version: 1,
      reason: 'Renamed',
    });
    expect(changed).toMatchObject({ version: 2, name: 'Mail House Co.', changedBy: 'staff-officer-1' });
    expect((await holders.versions(holderId)).map((h) => h.name)).toEqual(['Mail House K.K.', 'Mail House Co.']);
    const stale = await problemOf(changeHolder(deps, OFFICER, holderId, { ...REGISTRATION, version: 1, reason: 'x' }));
    expect(stale.kind).toBe('conflict');
    await viewHolder(deps, OFFICER, holderId);
    await listHolders(deps, OFFICER);
    expect(accessLog.entries.map((e) => `${e.action} ${e.fields} ${e.subjects.length}`)).toEqual([
      'write holders 0',
      'write holders 0',
      'read holders 0',
      'read holders 0',
    ]);
  });

  it('asks a processor for its contract, and an internal system for none (422 naming the field)', async () => {
    const { deps } = setup();
    const { contract: _c, ...withoutContract } = REGISTRATION;
    expect((await problemOf(registerHolder(deps, OFFICER, withoutContract))).detail).toMatch(/^contract: /);
    expect(
      (await problemOf(registerHolder(deps, OFFICER, { ...REGISTRATION, kind: 'internal-system' }))).detail,
    ).toMatch(/^contract: /);
    expect(
      (await problemOf(registerHolder(deps, OFFICER, { ...REGISTRATION, baseUrl: 'http://crm.example/v2' }))).detail,
    ).toMatch(/^baseUrl: must be an https:\/\/ URL/);
    expect((await problemOf(registerHolder(deps, OFFICER, { ...REGISTRATION, purposes: ['nope'] }))).detail).toMatch(
      /^purposes: /,
    );
  });

  it('refuses a fingerprint that differs, a bad discovery (422) and passes on an unreachable one', async () => {
    const mismatch = await problemOf(
      registerHolder(setup().deps, OFFICER, { ...REGISTRATION, confirmFingerprint: 'aa:bc' }),
    );
    expect(mismatch).toMatchObject({ kind: 'unprocessable', title: 'Certificate fingerprint differs' });
    expect(await registerHolder(setup().deps, OFFICER, { ...REGISTRATION, confirmFingerprint: 'aabb' })).toMatchObject({
      version: 1,
    });
    const bad = setup(() => {
      throw new HolderAnswerError('the certificate expired on Jan 1 2026');
    });
    expect((await problemOf(registerHolder(bad.deps, OFFICER, REGISTRATION))).detail).toMatch(
      /^baseUrl: the certificate expired/,
    );
    const down = setup(() => {
      throw new HolderUnavailableError('no answer');
    });
    await expect(registerHolder(down.deps, OFFICER, REGISTRATION)).rejects.toBeInstanceOf(HolderDiscoveryUnavailable);
    expect(await down.holders.all()).toEqual([]);
  });

  it('retires a holder, which then takes no change and no review (409)', async () => {
    const { deps } = setup();
    await registerHolder(deps, OFFICER, REGISTRATION);
    expect(await retireHolder(deps, OFFICER, holderId, { version: 1, reason: 'Contract ended' })).toMatchObject({
      version: 2,
      retiredBy: 'staff-officer-1',
    });
    const review = { reviewedOn: '2026-11-20', findings: 'Fine', outcome: 'adequate' as const };
    expect((await problemOf(recordHolderReview(deps, OFFICER, holderId, review))).kind).toBe('conflict');
    expect(
      (await problemOf(changeHolder(deps, OFFICER, holderId, { ...REGISTRATION, version: 2, reason: 'x' }))).kind,
    ).toBe('conflict');
  });

  it('records reviews, moves the due day, and reminds the officer once per overdue due day', async () => {
    const { holders, deps } = setup();
    await registerHolder(deps, OFFICER, REGISTRATION);
    const sent: OutboxMessage[] = [];
    const reminded = new Set<string>();
    const reminders: ReviewReminders = {
      remind: async (id, dueOn, message) => {
        if (reminded.has(`${id}#${dueOn}`)) return false;
        reminded.add(`${id}#${dueOn}`);
        sent.push(message);
        return true;
      },
    };
    const clock = new FixedClock('2027-01-11T01:00:00.000Z');
    const remind = () => remindHolderReviews({ holders, reminders, clock, officerEmail: 'officer@example.jp' });
    expect(await remind()).toEqual({ overdue: 1, reminded: 1 });
    expect(await remind()).toEqual({ overdue: 1, reminded: 0 });
    expect(sent[0]).toMatchObject({ to: ['officer@example.jp'], messageId: `holder-review-${holderId}-2027-01-10` });
    expect(sent[0]!.text).toContain('2027-01-10');
    const future = await problemOf(
      recordHolderReview(deps, OFFICER, holderId, { reviewedOn: '2026-12-01', findings: 'x', outcome: 'adequate' }),
    );
    expect(future.detail).toMatch(/^reviewedOn: /);
    const dossier = await recordHolderReview(deps, OFFICER, holderId, {
      reviewedOn: '2026-11-20',
      findings: 'Access logs checked; no findings.',
      outcome: 'adequate',
    });
    expect(dossier.holder.nextReviewDue).toBe('2027-11-20');
    expect(dossier.reviews).toHaveLength(1);
    expect(await remind()).toEqual({ overdue: 0, reminded: 0 });
  });
});
