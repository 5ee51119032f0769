// Publishing internal rule versions (never retroactive, numbered in order), the version in force and
// those scheduled, acknowledging one's own (only a published version), and who has not acknowledged.
import { describe, expect, it } from 'vitest';
import {
  acknowledgeRule,
  listRules,
  listUnacknowledged,
  publishRuleVersion,
  rulesAsOf,
} from '../../../functions/domain/safeguards/rule-register';
import type { StaffActor, StaffMember } from '../../../functions/domain/staff';
import { FixedClock, problemOf, RecordingAccessLog } from '../doubles';
import { MemorySafeguards } from './memory-store';

const OFFICER: StaffActor = { staffId: 'officer-1', role: 'officer', sourceIp: '203.0.113.7' };
const OPERATOR: StaffActor = { staffId: 'operator-1', role: 'operator', sourceIp: '203.0.113.8' };
// 2026-12-07 10:00 in Japan.
const NOW = '2026-12-07T01:00:00.000Z';

function setup() {
  const safeguards = new MemorySafeguards();
  const accessLog = new RecordingAccessLog();
  const clock = new FixedClock(NOW);
  return { safeguards, accessLog, clock };
}

const draft = (overrides: Record<string, unknown> = {}) => ({
  ruleId: 'handling-rules',
  version: 1,
  kind: 'rules' as const,
  title: { ja: '個人データ取扱規程', en: 'Personal data handling rules' },
  effectiveFrom: '2026-12-07',
  text: 'Personal data is handled only for the purposes notified.',
  ...overrides,
});

const member = (staffId: string, status: 'active' | 'disabled' = 'active'): StaffMember => ({
  staffId,
  displayName: `Name ${staffId}`,
  email: `${staffId}@example.jp`,
  role: 'operator',
  status,
  passwordChangedAt: NOW,
});

describe('publishing a rule version', () => {
  it('publishes version 1 today and version 2 for a later day, by the officer', async () => {
    const deps = setup();
    const v1 = await publishRuleVersion(deps, OFFICER, draft());
    expect(v1).toMatchObject({ version: 1, publishedBy: 'officer-1', publishedAt: NOW, effectiveFrom: '2026-12-07' });
    await publishRuleVersion(
      deps,
      OFFICER,
      draft({ version: 2, effectiveFrom: '2027-01-01', text: undefined, reference: 'Intranet: rules/2027' }),
    );
    const [rule] = rulesAsOf(deps.safeguards.versions, '2026-12-07');
    expect(rule?.inForce?.version).toBe(1);
    expect(rule?.scheduled.map((v) => v.version)).toEqual([2]);
    const [later] = rulesAsOf(deps.safeguards.versions, '2027-01-01');
    expect(later?.inForce?.version).toBe(2);
    expect(later?.scheduled).toEqual([]);
  });

  it('refuses a past effective day (a rule never binds retroactively), naming effectiveFrom; nothing stored', async () => {
    const deps = setup();
    const problem = await problemOf(publishRuleVersion(deps, OFFICER, draft({ effectiveFrom: '2026-12-06' })));
    expect(problem.kind).toBe('unprocessable');
    expect(problem.errors?.[0]?.field).toBe('effectiveFrom');
    expect(deps.safeguards.versions).toEqual([]);
  });

  it('takes today in Japan: at 23:30 UTC on the 6th it is already the 7th', async () => {
    const deps = setup();
    deps.clock.set('2026-12-06T23:30:00.000Z');
    expect((await publishRuleVersion(deps, OFFICER, draft())).effectiveFrom).toBe('2026-12-07');
  });

  it('answers a version already published with a conflict, and a skipped number or a changed kind with 422', async () => {
    const deps = setup();
    await publishRuleVersion(deps, OFFICER, draft());
    const again = await problemOf(publishRuleVersion(deps, OFFICER, draft({ text: 'other' })));
    expect(again.kind).toBe('conflict');
    const skipped = await problemOf(publishRuleVersion(deps, OFFICER, draft({ version: 3 })));
    expect([skipped.kind, skipped.errors?.[0]?.field]).toEqual(['unprocessable', 'version']);
    const fresh = await problemOf(publishRuleVersion(deps, OFFICER, draft({ ruleId: 'new-rule', version: 2 })));
    expect(fresh.errors?.[0]?.field).toBe('version');
    const kind = await problemOf(publishRuleVersion(deps, OFFICER, draft({ version: 2, kind: 'manual' })));
    expect(kind.errors?.[0]?.field).toBe('kind');
    expect(deps.safeguards.versions).toHaveLength(1);
  });

  it('refuses a new version taking effect before the one it follows', async () => {
    const deps = setup();
    await publishRuleVersion(deps, OFFICER, draft({ effectiveFrom: '2027-02-01' }));
    const problem = await problemOf(
      publishRuleVersion(deps, OFFICER, draft({ version: 2, effectiveFrom: '2027-01-01' })),
    );
    expect(problem.errors?.[0]?.field).toBe('effectiveFrom');
  });
});

describe('acknowledging', () => {
  it("records the caller's own acknowledgement once; the first stands", async () => {
    const deps = setup();
    await publishRuleVersion(deps, OFFICER, draft());
    const first = await acknowledgeRule(deps, OPERATOR, { ruleId: 'handling-rules', version: 1 });
    expect(first).toEqual({ staffId: 'operator-1', ruleId: 'handling-rules', version: 1, acknowledgedAt: NOW });
    deps.clock.set('2026-12-08T01:00:00.000Z');
    expect(await acknowledgeRule(deps, OPERATOR, { ruleId: 'handling-rules', version: 1 })).toEqual(first);
    expect(deps.safeguards.acks).toHaveLength(1);
    const listed = await listRules(deps, OPERATOR);
    expect(listed.acknowledgements).toEqual([first]);
  });

  it('refuses an unknown rule (ruleId) or version (version), and a superseded one; nothing written', async () => {
    const deps = setup();
    await publishRuleVersion(deps, OFFICER, draft());
    const rule = await problemOf(acknowledgeRule(deps, OPERATOR, { ruleId: 'nope', version: 1 }));
    expect([rule.kind, rule.errors?.[0]?.field]).toEqual(['unprocessable', 'ruleId']);
    const version = await problemOf(acknowledgeRule(deps, OPERATOR, { ruleId: 'handling-rules', version: 2 }));
    expect([version.kind, version.errors?.[0]?.field]).toEqual(['unprocessable', 'version']);
    await publishRuleVersion(deps, OFFICER, draft({ version: 2 }));
    const old = await problemOf(acknowledgeRule(deps, OPERATOR, { ruleId: 'handling-rules', version: 1 }));
    expect(old.detail).toContain('superseded');
    expect(deps.safeguards.acks).toEqual([]);
  });

  it('accepts a scheduled version ahead of its day', async () => {
    const deps = setup();
    await publishRuleVersion(deps, OFFICER, draft({ effectiveFrom: '2027-04-01' }));
    expect((await acknowledgeRule(deps, OPERATOR, { ruleId: 'handling-rules', version: 1 })).version).toBe(1);
  });
});

describe('the unacknowledged list', () => {
  it('names each active member missing a version in force, not scheduled ones, and logs the read once', async () => {
    const deps = setup();
    await publishRuleVersion(deps, OFFICER, draft());
    await publishRuleVersion(deps, OFFICER, draft({ ruleId: 'manual', kind: 'manual', effectiveFrom: '2027-01-01' }));
    await acknowledgeRule(deps, { ...OPERATOR, staffId: 'done' }, { ruleId: 'handling-rules', version: 1 });
    const staff = { list: async () => [member('done'), member('pending'), member('gone', 'disabled')] };
    const answer = await listUnacknowledged({ ...deps, staff }, OFFICER);
    expect(answer.items.map((i) => [i.staffId, i.missing.map((m) => `${m.ruleId}@${m.version}`)])).toEqual([
      ['pending', ['handling-rules@1']],
    ]);
    expect(deps.accessLog.entries).toHaveLength(1);
    expect(deps.accessLog.entries[0]).toMatchObject({ actor: 'officer-1', action: 'read' });
  });
});
