// The demo safeguards npm start seeds: every demo staff member current, so the console works as
// before; operator-lapsed refused for a training that ran out past the grace; a restart adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSafeguards } from '../../functions/adapters/safeguards-repository';
import { dynamoStaffAccounts } from '../../functions/adapters/staff-repository';
import { SAFEGUARDS_GRACE_DAYS } from '../../functions/domain/safeguards/standing';
import { standingsOf } from '../../functions/domain/safeguards/standings';
import { handler as viewSubject } from '../../functions/handlers/view-subject';
import { seedDemoStaff } from '../../local/seed';
import { DEMO_LAPSED_STAFF_ID, seedDemoSafeguards } from '../../local/seed-safeguards';
import { freshTables, invoke } from '../support/desk';
import { dropTables, scanAll, staffClaims } from '../support/requests';

let prefix: string;

beforeAll(async () => {
  prefix = await freshTables();
  await seedDemoStaff('demo-password');
  await seedDemoSafeguards('demo-password');
});

afterAll(() => dropTables(prefix));

const standings = async () =>
  standingsOf(
    { safeguards: dynamoSafeguards, graceDays: SAFEGUARDS_GRACE_DAYS, clock: { now: () => new Date() } },
    await dynamoStaffAccounts.list(),
  );

describe('the demo safeguards', () => {
  it('the rules, their manual and a required course; the demo staff current, operator-lapsed lapsed on training alone', async () => {
    expect((await dynamoSafeguards.ruleVersions()).map((v) => [v.ruleId, v.kind])).toEqual([
      ['personal-data-handling-rules', 'rules'],
      ['privacy-desk-manual', 'manual'],
    ]);
    expect((await dynamoSafeguards.courses()).map((c) => c.required)).toEqual([true]);
    const byId = Object.fromEntries((await standings()).map((s) => [s.staffId, s]));
    for (const role of ['operator', 'officer', 'auditor']) expect(byId[role]!.status, role).toBe('current');
    expect(byId[DEMO_LAPSED_STAFF_ID]).toMatchObject({
      status: 'lapsed',
      obligations: [
        { kind: 'rule', met: true },
        { kind: 'rule', met: true },
        { kind: 'training', met: false },
      ],
    });
  });

  it('refuses operator-lapsed a page of personal data, and not the demo operator', async () => {
    const call = (staffId: string) =>
      invoke(viewSubject, {
        method: 'GET',
        path: '/v1/staff/subjects/nobody',
        resource: '/v1/staff/subjects/{subjectId}',
        pathParameters: { subjectId: 'nobody' },
        query: { reason: 'Checking the demo' },
        claims: staffClaims(staffId, 'operator'),
      });
    const refused = await call(DEMO_LAPSED_STAFF_ID);
    expect(refused.status).toBe(403);
    expect(refused.json.type).toBe('urn:appi-desk:problem:safeguards-lapsed');
    expect((await call('operator')).json.type).not.toBe('urn:appi-desk:problem:safeguards-lapsed');
  });

  it('a restart adds nothing', async () => {
    const before = await scanAll('safeguards');
    await seedDemoSafeguards('demo-password');
    expect((await scanAll('safeguards')).length).toBe(before.length);
  });
});
