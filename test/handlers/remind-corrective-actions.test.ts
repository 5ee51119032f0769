// The officer's reminders of overdue corrective actions against DynamoDB Local: the marker and the
// outbox message commit together, so two runs at once mail once; with the outbox unreachable nothing
// is marked and the next run mails; nothing for actions done or not yet due.
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoAudits } from '../../functions/adapters/audit-repository';
import type { AuditFinding, AuditPlan } from '../../functions/domain/audits/audit';
import { japanDay } from '../../functions/domain/kernel/calendar';
import { handler as remind } from '../../functions/handlers/remind-corrective-actions';
import { freshTables } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const DAY = 86_400_000;
const dayFromNow = (days: number) => japanDay(new Date(Date.now() + days * DAY));

const plan = (auditId: string): AuditPlan => ({
  auditId,
  version: 1,
  state: 'planned',
  title: 'Audit',
  scope: 'Desk',
  period: { from: '2026-01-01', to: '2026-06-30' },
  plannedOn: '2026-07-10',
  auditor: 'auditor',
  items: ['human-training'],
  plannedBy: 'officer',
  plannedAt: new Date().toISOString(),
});

const finding = (
  auditId: string,
  findingId: string,
  dueOn: string,
  status: 'open' | 'done' = 'open',
): AuditFinding => ({
  auditId,
  findingId,
  version: 1,
  itemId: 'human-training',
  description: 'Training lapsed.',
  action: { description: 'Train.', owner: 'operator', dueOn, status },
  raisedBy: 'auditor',
  raisedAt: new Date().toISOString(),
});

const reminderMails = async () => (await scanAll('outbox')).filter((m) => m.topic === 'audit-action-overdue');

describe('remind-corrective-actions', () => {
  it('e-mails the officer once per overdue action, however often and however concurrently it runs', async () => {
    const auditId = 'AUD-2026-07-01-RMD001';
    await dynamoAudits.add(plan(auditId));
    await dynamoAudits.addFinding(finding(auditId, 'F-LATE01', dayFromNow(-3)));
    await dynamoAudits.addFinding(finding(auditId, 'F-DONE01', dayFromNow(-3), 'done'));
    await dynamoAudits.addFinding(finding(auditId, 'F-TODAY1', dayFromNow(0)));

    const runs = await Promise.all([remind(), remind()]);
    expect(runs.map((r) => r.reminded).reduce((a, b) => a + b)).toBe(1);
    expect(await remind()).toEqual({ overdue: 1, reminded: 0 });
    const mails = await reminderMails();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['officer@desk.example.jp'] });
    expect(mails[0]?.text).toContain('F-LATE01');
    const markers = (await scanAll('audits')).filter((i) => String(i.itemKey).startsWith('reminder#'));
    expect(markers.map((m) => m.itemKey)).toEqual([`reminder#F-LATE01#${dayFromNow(-3)}`]);
    // The register still reads as it did: the markers are no finding.
    expect((await dynamoAudits.findings(auditId)).map((f) => f.findingId).sort()).toEqual([
      'F-DONE01',
      'F-LATE01',
      'F-TODAY1',
    ]);
  });

  it('with the outbox unreachable, marks nothing and fails the run; the next run mails', async () => {
    const auditId = 'AUD-2026-07-01-RMD002';
    await dynamoAudits.add(plan(auditId));
    await dynamoAudits.addFinding(finding(auditId, 'F-LATE02', dayFromNow(-1)));
    const before = (await reminderMails()).length;
    const { mock } = mockDocumentClient();
    try {
      mock
        .on(TransactWriteCommand)
        .rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError', $metadata: {} }));
      await expect(remind()).rejects.toThrow();
    } finally {
      mock.restore();
    }
    expect((await reminderMails()).length).toBe(before);
    expect((await scanAll('audits')).some((i) => String(i.itemKey).startsWith('reminder#F-LATE02'))).toBe(false);
    expect((await remind()).reminded).toBe(1);
    expect((await reminderMails()).length).toBe(before + 1);
  });
});
