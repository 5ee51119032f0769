// The audit register's use cases against in-memory ports: who may do what, bad input refused naming
// the field with nothing written, two at once (one wins, the other is told), the report and reminders.
import { describe, expect, it } from 'vitest';
import { CHECKLIST_ITEM_IDS } from '../../../functions/domain/audits/checklist';
import {
  type AuditDeps,
  addAuditFinding,
  changeCorrectiveAction,
  closeAudit,
  planAudit,
  recordAuditResult,
  viewAuditReport,
} from '../../../functions/domain/audits/register';
import { remindOverdueActions } from '../../../functions/domain/audits/reminders';
import { overdueCorrectiveActions } from '../../../functions/domain/audits/report';
import { DeskProblem } from '../../../functions/domain/kernel/problems';
import type { StaffActor, StaffMember } from '../../../functions/domain/staff';
import { DEMO_DESK } from '../../support/company';
import { FixedClock, RecordingAccessLog } from '../doubles';
import { MemoryAudits } from './memory-audits';

const member = (staffId: string, role: StaffMember['role'], status: StaffMember['status'] = 'active'): StaffMember => ({
  staffId,
  displayName: staffId,
  email: `${staffId}@desk.example.jp`,
  role,
  status,
  passwordChangedAt: '2026-01-01T00:00:00.000Z',
});
const STAFF = new Map(
  [
    member('officer', 'officer'),
    member('auditor', 'auditor'),
    member('auditor-2', 'auditor'),
    member('operator', 'operator'),
    member('gone', 'auditor', 'disabled'),
  ].map((m) => [m.staffId, m]),
);
const actor = (staffId: string): StaffActor => ({ staffId, role: STAFF.get(staffId)!.role, sourceIp: '192.0.2.1' });
const OFFICER = actor('officer');
const AUDITOR = actor('auditor');

function setup(now = '2026-12-07T01:00:00.000Z') {
  const audits = new MemoryAudits();
  const accessLog = new RecordingAccessLog();
  const clock = new FixedClock(now);
  let n = 0;
  const deps: AuditDeps = {
    audits,
    accessLog,
    clock,
    staff: { get: async (id) => STAFF.get(id) },
    randomSuffix: () => `ABC${String(++n).padStart(3, '0')}`,
  };
  return { deps, audits, accessLog, clock };
}

const PLAN = {
  title: '2026年度 個人データ取扱い監査',
  scope: 'The privacy desk and its console',
  period: { from: '2026-04-01', to: '2026-09-30' },
  plannedOn: '2026-12-10',
  auditor: 'auditor',
};

async function problemOf(promise: Promise<unknown>): Promise<DeskProblem> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeskProblem);
  return error as DeskProblem;
}

describe('planning an audit', () => {
  it('covers every checklist item unless some are chosen, in checklist order, and logs the write', async () => {
    const { deps, accessLog } = setup();
    const all = await planAudit(deps, OFFICER, PLAN);
    expect(all).toMatchObject({
      auditId: 'AUD-2026-12-07-ABC001',
      version: 1,
      state: 'planned',
      items: CHECKLIST_ITEM_IDS,
    });
    const some = await planAudit(deps, OFFICER, { ...PLAN, items: ['human-training', 'basic-policy', 'basic-policy'] });
    expect(some.items).toEqual(['basic-policy', 'human-training']);
    expect(accessLog.entries.map((e) => [e.actor, e.action, e.fields])).toEqual([
      ['officer', 'write', ['audits']],
      ['officer', 'write', ['audits']],
    ]);
  });

  it('refuses unknown items, a period backwards and an auditor who is not an active auditor, naming each, writing nothing', async () => {
    const { deps, audits } = setup();
    const bad = await problemOf(
      planAudit(deps, OFFICER, {
        ...PLAN,
        period: { from: '2026-09-30', to: '2026-04-01' },
        items: ['basic-policy', 'door-locks'],
      }),
    );
    expect(bad.kind).toBe('unprocessable');
    expect(bad.errors?.map((e) => e.field)).toEqual(['body.items.1', 'body.period.to']);
    expect(bad.errors?.[0]?.message).toContain('"door-locks"');
    for (const auditor of ['officer', 'operator', 'gone', 'nobody']) {
      const refused = await problemOf(planAudit(deps, OFFICER, { ...PLAN, auditor }));
      expect(
        refused.errors?.map((e) => e.field),
        auditor,
      ).toEqual(['body.auditor']);
    }
    expect(audits.writes).toBe(0);
  });
});

describe('results, findings and closing', () => {
  it('lets only the assigned auditor answer, refuses an item the audit does not cover, and one of two answers at once wins', async () => {
    const { deps, audits } = setup();
    const plan = await planAudit(deps, OFFICER, { ...PLAN, items: ['basic-policy', 'human-training'] });
    const other = await problemOf(
      recordAuditResult(deps, actor('auditor-2'), plan.auditId, {
        itemId: 'basic-policy',
        outcome: 'conforms',
        note: '',
        version: 0,
      }),
    );
    expect(other.kind).toBe('forbidden');
    const unknown = await problemOf(
      recordAuditResult(deps, AUDITOR, plan.auditId, {
        itemId: 'door-locks',
        outcome: 'conforms',
        note: '',
        version: 0,
      }),
    );
    expect(unknown.errors).toEqual([{ field: 'body.itemId', message: expect.stringContaining('"door-locks"') }]);
    const uncovered = await problemOf(
      recordAuditResult(deps, AUDITOR, plan.auditId, {
        itemId: 'physical-areas',
        outcome: 'conforms',
        note: '',
        version: 0,
      }),
    );
    expect(uncovered.errors?.[0]?.field).toBe('body.itemId');
    const noNote = await problemOf(
      recordAuditResult(deps, AUDITOR, plan.auditId, {
        itemId: 'basic-policy',
        outcome: 'does-not-conform',
        note: ' ',
        version: 0,
      }),
    );
    expect(noNote.errors?.[0]?.field).toBe('body.note');
    expect(await audits.results(plan.auditId)).toEqual([]);

    const both = await Promise.allSettled([
      recordAuditResult(deps, AUDITOR, plan.auditId, {
        itemId: 'basic-policy',
        outcome: 'conforms',
        note: 'a',
        version: 0,
      }),
      recordAuditResult(deps, AUDITOR, plan.auditId, {
        itemId: 'basic-policy',
        outcome: 'not-applicable',
        note: 'b',
        version: 0,
      }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((lost.reason as DeskProblem).kind).toBe('conflict');
    const corrected = await recordAuditResult(deps, AUDITOR, plan.auditId, {
      itemId: 'basic-policy',
      outcome: 'conforms',
      note: 'Published on the website.',
      version: 1,
    });
    expect(corrected.version).toBe(2);
  });

  it('records a finding with its action, refusing an unknown, disabled or auditing owner', async () => {
    const { deps, audits } = setup();
    const plan = await planAudit(deps, OFFICER, PLAN);
    const finding = {
      itemId: 'human-training',
      description: 'Two operators have no training this year.',
      action: { description: 'Train them.', owner: 'officer', dueOn: '2026-12-20' },
    };
    for (const owner of ['nobody', 'gone', 'auditor']) {
      const refused = await problemOf(
        addAuditFinding(deps, AUDITOR, plan.auditId, { ...finding, action: { ...finding.action, owner } }),
      );
      expect(
        refused.errors?.map((e) => e.field),
        owner,
      ).toEqual(['body.owner']);
    }
    expect(await audits.allFindings()).toEqual([]);
    const raised = await addAuditFinding(deps, AUDITOR, plan.auditId, finding);
    expect(raised).toMatchObject({ findingId: 'F-ABC002', version: 1, action: { status: 'open', owner: 'officer' } });
  });

  it('moves an action forward only, done with what was done, and refuses a stale version', async () => {
    const { deps, clock } = setup();
    const plan = await planAudit(deps, OFFICER, PLAN);
    const raised = await addAuditFinding(deps, AUDITOR, plan.auditId, {
      itemId: 'human-training',
      description: 'Two operators have no training this year.',
      action: { description: 'Train them.', owner: 'operator', dueOn: '2026-12-20' },
    });
    const started = await changeCorrectiveAction(deps, OFFICER, plan.auditId, raised.findingId, {
      version: 1,
      status: 'in-progress',
    });
    expect(started.action.status).toBe('in-progress');
    const stale = await problemOf(
      changeCorrectiveAction(deps, OFFICER, plan.auditId, raised.findingId, {
        version: 1,
        status: 'done',
        outcome: 'x',
      }),
    );
    expect(stale.kind).toBe('conflict');
    const back = await problemOf(
      changeCorrectiveAction(deps, OFFICER, plan.auditId, raised.findingId, { version: 2, status: 'open' }),
    );
    expect(back.errors?.[0]?.field).toBe('body.status');
    const bare = await problemOf(
      changeCorrectiveAction(deps, OFFICER, plan.auditId, raised.findingId, { version: 2, status: 'done' }),
    );
    expect(bare.errors?.[0]?.field).toBe('body.outcome');
    clock.set('2026-12-18T03:00:00.000Z');
    const done = await changeCorrectiveAction(deps, OFFICER, plan.auditId, raised.findingId, {
      version: 2,
      status: 'done',
      outcome: 'Both trained on 2026-12-17.',
    });
    expect(done.action).toMatchObject({ status: 'done', doneOn: '2026-12-18', outcome: 'Both trained on 2026-12-17.' });
  });

  it('closes only when every item is answered, and then takes no more results or findings', async () => {
    const { deps } = setup();
    const plan = await planAudit(deps, OFFICER, { ...PLAN, items: ['basic-policy', 'human-training'] });
    await recordAuditResult(deps, AUDITOR, plan.auditId, {
      itemId: 'basic-policy',
      outcome: 'conforms',
      note: '',
      version: 0,
    });
    const early = await problemOf(closeAudit(deps, AUDITOR, plan.auditId, { version: 1, conclusion: 'Fine.' }));
    expect(early).toMatchObject({ kind: 'conflict', specifics: { slug: 'audit-items-unanswered' } });
    expect(early.detail).toContain('human-training');
    await recordAuditResult(deps, AUDITOR, plan.auditId, {
      itemId: 'human-training',
      outcome: 'conforms',
      note: '',
      version: 0,
    });
    expect((await problemOf(closeAudit(deps, OFFICER, plan.auditId, { version: 1, conclusion: 'Fine.' }))).kind).toBe(
      'forbidden',
    );
    const closed = await closeAudit(deps, AUDITOR, plan.auditId, { version: 1, conclusion: 'The measures conform.' });
    expect(closed).toMatchObject({ state: 'closed', version: 2, closedBy: 'auditor' });
    const after = await problemOf(
      recordAuditResult(deps, AUDITOR, plan.auditId, {
        itemId: 'basic-policy',
        outcome: 'conforms',
        note: '',
        version: 1,
      }),
    );
    expect(after.specifics.slug).toBe('audit-closed');
  });
});

describe('the report and overdue actions', () => {
  it('marks an action overdue from the day after its due day (Japan time), lists it and e-mails the officer once per due day', async () => {
    const { deps, audits, clock } = setup('2026-12-01T01:00:00.000Z');
    const plan = await planAudit(deps, OFFICER, { ...PLAN, items: ['basic-policy', 'human-training'] });
    await recordAuditResult(deps, AUDITOR, plan.auditId, {
      itemId: 'human-training',
      outcome: 'does-not-conform',
      note: 'Lapsed.',
      version: 0,
    });
    const raised = await addAuditFinding(deps, AUDITOR, plan.auditId, {
      itemId: 'human-training',
      description: 'Training lapsed.',
      action: { description: 'Train.', owner: 'operator', dueOn: '2026-12-10' },
    });
    const remind = () =>
      remindOverdueActions({
        audits,
        reminders: audits,
        clock,
        officerEmail: 'officer@desk.example.jp',
        desk: DEMO_DESK,
      });

    clock.set('2026-12-10T14:59:59.000Z'); // 23:59:59 on the due day in Japan
    expect((await viewAuditReport(audits, plan.auditId, clock.now())).findings[0]?.overdue).toBe(false);
    expect(await remind()).toEqual({ overdue: 0, reminded: 0 });

    clock.set('2026-12-10T15:00:00.000Z'); // 00:00 the next day in Japan
    const report = await viewAuditReport(audits, plan.auditId, clock.now());
    expect(report.findings[0]).toMatchObject({ overdue: true, daysOverdue: 1 });
    expect(report.tally).toMatchObject({ 'does-not-conform': 1, unanswered: 1, openActions: 1, overdueActions: 1 });
    expect(report.items.map((i) => i.id)).toEqual(['basic-policy', 'human-training']);
    expect(overdueCorrectiveActions(await audits.allFindings(), clock.now())).toEqual([
      { auditId: plan.auditId, findingId: raised.findingId, owner: 'operator', dueOn: '2026-12-10', daysOverdue: 1 },
    ]);

    expect(await remind()).toEqual({ overdue: 1, reminded: 1 });
    expect(await remind()).toEqual({ overdue: 1, reminded: 0 });
    expect(audits.outbox[0]).toMatchObject({ to: ['officer@desk.example.jp'], topic: 'audit-action-overdue' });
    expect(audits.outbox[0]?.text).toContain(raised.findingId);

    // A new due day is a new reminder once it too has passed; a done action is no longer overdue.
    await changeCorrectiveAction(deps, OFFICER, plan.auditId, raised.findingId, {
      version: 1,
      status: 'in-progress',
      dueOn: '2026-12-12',
    });
    expect(await remind()).toEqual({ overdue: 0, reminded: 0 });
    clock.set('2026-12-13T01:00:00.000Z');
    expect(await remind()).toEqual({ overdue: 1, reminded: 1 });
    await changeCorrectiveAction(deps, OFFICER, plan.auditId, raised.findingId, {
      version: 2,
      status: 'done',
      outcome: 'Trained.',
    });
    expect(await remind()).toEqual({ overdue: 0, reminded: 0 });
    expect(audits.outbox).toHaveLength(2);
  });
});
