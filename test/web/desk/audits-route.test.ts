// The console's audit pages: addressed by id in the fragment, open to the roles the API lets read an
// audit; the plan form sends no item list when every item is chosen, so the plan covers the checklist.
import { describe, expect, it } from 'vitest';
import { AUDIT_CHECKLIST } from '../../../functions/domain/audits/checklist-words';
import { viewAuditReport } from '../../../functions/routes/audits';
import { planBody } from '../../../web/src/desk/audits';
import { DESK_PAGE_ROLES, hrefOfDeskRoute, parseDeskRoute } from '../../../web/src/desk/routes';

describe('the audit pages', () => {
  it('round-trip their address and open to the roles of the audit report', () => {
    expect(parseDeskRoute('#/audits')).toEqual({ page: 'audits' });
    expect(parseDeskRoute('#/audits/AUD-2026-12-07-ABC123')).toEqual({
      page: 'audit',
      auditId: 'AUD-2026-12-07-ABC123',
    });
    expect(parseDeskRoute('#/audits/AUD-2026-12-07-ABC123/report')).toEqual({
      page: 'audit-report',
      auditId: 'AUD-2026-12-07-ABC123',
    });
    expect(parseDeskRoute('#/audits/AUD-2026-12-07-ABC123/x')).toEqual({ page: 'not-found' });
    expect(parseDeskRoute('#/audits/AUD-2026-12-07-ABC123/report/x')).toEqual({ page: 'not-found' });
    expect(hrefOfDeskRoute({ page: 'audit-report', auditId: 'a b' })).toBe('#/audits/a%20b/report');
    for (const page of ['audits', 'audit', 'audit-report'] as const)
      expect([...DESK_PAGE_ROLES[page]].sort(), page).toEqual([...viewAuditReport.auth.roles].sort());
  });

  it('plans every item by sending none, and names the items when some are left out', () => {
    const all = AUDIT_CHECKLIST.map((i) => i.id);
    const form = {
      title: 't',
      scope: 's',
      from: '2026-04-01',
      to: '2026-09-30',
      plannedOn: '2026-12-10',
      auditor: 'auditor',
    };
    expect(planBody({ ...form, items: [...all] }, all)).not.toHaveProperty('items');
    expect(planBody({ ...form, items: ['basic-policy'] }, all).items).toEqual(['basic-policy']);
  });
});
