// The audit register's adapter against DynamoDB Local: the foundation's key layout, and every write
// conditional, so a stale or late write is refused and leaves nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoActionReminders, dynamoAudits } from '../../functions/adapters/audit-repository';
import type { AuditFinding, AuditPlan, AuditResult } from '../../functions/domain/audits/audit';
import { StaleWriteError } from '../../functions/domain/kernel/problems';
import { outboxMessage } from '../../functions/domain/outbox';
import { freshTables } from '../support/desk';
import { dropTables, scanAll } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
});

afterAll(() => dropTables(prefix));

const AT = '2026-12-07T01:00:00.000Z';
const plan = (auditId: string, plannedOn = '2026-12-10'): AuditPlan => ({
  auditId,
  version: 1,
  state: 'planned',
  title: 'Audit',
  scope: 'Desk',
  period: { from: '2026-04-01', to: '2026-09-30' },
  plannedOn,
  auditor: 'auditor',
  items: ['basic-policy', 'human-training'],
  plannedBy: 'officer',
  plannedAt: AT,
});
const result = (auditId: string, version: number): AuditResult => ({
  auditId,
  itemId: 'basic-policy',
  version,
  outcome: 'conforms',
  note: '',
  recordedBy: 'auditor',
  recordedAt: AT,
});
const finding = (auditId: string, version = 1): AuditFinding => ({
  auditId,
  findingId: 'F-ABC123',
  version,
  itemId: 'human-training',
  description: 'Lapsed.',
  action: { description: 'Train.', owner: 'operator', dueOn: '2026-12-20', status: 'open' },
  raisedBy: 'auditor',
  raisedAt: AT,
});

describe('the audit repository', () => {
  it("keeps the foundation's key layout and lists plans alone, latest planned first", async () => {
    await dynamoAudits.add(plan('AUD-2026-12-07-LAYOUT', '2026-12-10'));
    await dynamoAudits.add(plan('AUD-2026-12-07-LATER0', '2027-01-10'));
    expect(await dynamoAudits.add(plan('AUD-2026-12-07-LAYOUT'))).toBe(false);
    await dynamoAudits.recordResult(result('AUD-2026-12-07-LAYOUT', 1));
    expect(await dynamoAudits.addFinding(finding('AUD-2026-12-07-LAYOUT'))).toBe(true);
    expect(await dynamoAudits.addFinding(finding('AUD-2026-12-07-LAYOUT'))).toBe(false);
    const message = outboxMessage(
      'audit-action-layout',
      'officer@desk.example.jp',
      { subject: 's', text: 't' },
      new Date(AT),
      'audit-action-overdue',
    );
    expect(await dynamoActionReminders.remind(finding('AUD-2026-12-07-LAYOUT'), message, new Date(AT))).toBe(true);
    expect(await dynamoActionReminders.remind(finding('AUD-2026-12-07-LAYOUT'), message, new Date(AT))).toBe(false);
    const keys = (await scanAll('audits'))
      .filter((i) => i.auditId === 'AUD-2026-12-07-LAYOUT')
      .map((i) => i.itemKey)
      .sort();
    expect(keys).toEqual(['finding#F-ABC123', 'plan', 'reminder#F-ABC123#2026-12-20', 'result#basic-policy']);
    const listed = (await dynamoAudits.list()).map((p) => p.auditId);
    expect(listed.indexOf('AUD-2026-12-07-LATER0')).toBeLessThan(listed.indexOf('AUD-2026-12-07-LAYOUT'));
    expect((await dynamoAudits.list()).every((p) => !('itemKey' in p))).toBe(true);
    expect((await dynamoAudits.allFindings()).map((f) => f.findingId)).toContain('F-ABC123');
  });

  it('refuses a stale result, finding or plan, and any result or finding once the audit is closed', async () => {
    const id = 'AUD-2026-12-07-STALE0';
    await dynamoAudits.add(plan(id));
    await dynamoAudits.recordResult(result(id, 1));
    await expect(dynamoAudits.recordResult(result(id, 1))).rejects.toBeInstanceOf(StaleWriteError);
    await dynamoAudits.recordResult(result(id, 2));
    await dynamoAudits.addFinding(finding(id));
    await expect(dynamoAudits.replaceFinding(finding(id, 3))).rejects.toBeInstanceOf(StaleWriteError);
    await dynamoAudits.replaceFinding(finding(id, 2));
    await expect(dynamoAudits.replacePlan({ ...plan(id), version: 3 })).rejects.toBeInstanceOf(StaleWriteError);
    await dynamoAudits.replacePlan({ ...plan(id), version: 2, state: 'closed', closedAt: AT, closedBy: 'auditor' });
    await expect(dynamoAudits.recordResult(result(id, 3))).rejects.toBeInstanceOf(StaleWriteError);
    await expect(dynamoAudits.addFinding({ ...finding(id), findingId: 'F-LATE00' })).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    expect((await dynamoAudits.results(id)).map((r) => r.version)).toEqual([2]);
    expect((await dynamoAudits.findings(id)).map((f) => [f.findingId, f.version])).toEqual([['F-ABC123', 2]]);
  });
});
