// The safeguards gate on every route, generated from the manifest (policy §6(2)A-B): a member whose
// training lapsed past the grace is refused each route that reads or writes personal data (403
// safeguards-lapsed, nothing written), a current or in-grace member passes it, and the routes of the
// officer's administration and of one's own standing stay open. On tables of its own: the backdated
// rules and course would refuse any other file's staff.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoSafeguards } from '../../functions/adapters/safeguards-repository';
import type { TableName } from '../../functions/adapters/tables';
import { TABLES } from '../../functions/adapters/tables';
import { japanDay } from '../../functions/domain/kernel/calendar';
import { addDays } from '../../functions/domain/safeguards/standing';
import type { StaffRole } from '../../functions/domain/staff';
import { SAFEGUARDS_LAPSED_PROBLEM } from '../../functions/http/problem-words';
import { gatedBySafeguards } from '../../functions/http/safeguards-routes';
import { ROUTE_MODULES, ROUTES, type RouteDefinition } from '../../functions/routes';
import { freshBuckets } from '../support/access-log';
import { freshTables, invoke } from '../support/desk';
import { dropTables, putStaff, scanAll, staffClaims } from '../support/requests';

let prefix: string;
const today = japanDay(new Date());
const staffRoutes = ROUTES.filter((r) => r.auth.kind === 'staff');
const gated = staffRoutes.filter(gatedBySafeguards);
const open = staffRoutes.filter((r) => !gatedBySafeguards(r));
const ROLES: StaffRole[] = ['operator', 'officer', 'auditor'];
const RULE = { ja: '個人情報取扱規程', en: 'Personal data handling rules' };
const COURSE = { ja: '個人情報保護研修', en: 'Personal data protection training' };

async function records(
  staffId: string,
  { acknowledged = true, validUntil }: { acknowledged?: boolean; validUntil: string },
) {
  if (acknowledged)
    await dynamoSafeguards.acknowledge({
      staffId,
      ruleId: 'handling-rules',
      version: 1,
      acknowledgedAt: `${addDays(today, -150)}T00:00:00.000Z`,
    });
  await dynamoSafeguards.recordCompletion({
    staffId,
    courseId: 'basics',
    completedOn: addDays(validUntil, -364),
    validUntil,
    recordedBy: 'officer',
    recordedAt: `${addDays(validUntil, -364)}T09:00:00.000Z`,
  });
}

beforeAll(async () => {
  prefix = await freshTables();
  await freshBuckets();
  await dynamoSafeguards.publishRuleVersion({
    ruleId: 'handling-rules',
    version: 1,
    kind: 'rules',
    title: RULE,
    effectiveFrom: addDays(today, -200),
    text: 'Handle personal data only for the purposes published.',
    publishedBy: 'officer',
    publishedAt: `${addDays(today, -201)}T00:00:00.000Z`,
  });
  await dynamoSafeguards.addCourse({
    courseId: 'basics',
    title: COURSE,
    validityMonths: 12,
    required: true,
    createdBy: 'officer',
    createdAt: `${addDays(today, -400)}T00:00:00.000Z`,
  });
  for (const role of ROLES) {
    await Promise.all([
      putStaff(`lapsed-${role}`, role),
      putStaff(`current-${role}`, role),
      putStaff(`grace-${role}`, role),
    ]);
    // Lapsed: the training ran out 60 days ago, past the 30-day grace. In grace: 10 days ago.
    await records(`lapsed-${role}`, { validUntil: addDays(today, -60) });
    await records(`current-${role}`, { validUntil: addDays(today, 200) });
    await records(`grace-${role}`, { validUntil: addDays(today, -10) });
  }
});

afterAll(() => dropTables(prefix));

async function call(route: RouteDefinition, staffId: string) {
  const { handler } = (await import(`../../functions/handlers/${route.name}.ts`)) as {
    handler: Parameters<typeof invoke>[0];
  };
  const role = (route.auth.kind === 'staff' ? route.auth.roles[0] : 'operator') as StaffRole;
  const pathParameters = Object.fromEntries(
    [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `gate-${name}`]),
  );
  return invoke(handler, {
    method: route.method,
    path: route.path.replace(/\{(\w+)\}/g, 'gate-$1'),
    resource: route.path,
    pathParameters,
    ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }),
    claims: staffClaims(`${staffId}-${role}`, role),
  });
}

/** Every item of every table, to show a refused call wrote nothing. */
async function everything() {
  const tables = await Promise.all(TABLES.map(async (t) => [t.name, await scanAll(t.name)] as const));
  return Object.fromEntries(tables) as Record<TableName, unknown[]>;
}

describe('which routes the gate guards', () => {
  it('every staff route touching a table of personal data, and only those; each also reads the safeguards table', () => {
    expect(gated.length).toBeGreaterThan(40);
    for (const route of gated) expect(route.tables.safeguards, route.name).toBe('read');
    // The rules and training routes read the safeguards table as their own records, not for the gate.
    const ownRecords = new Set<string>(
      [...Object.values(ROUTE_MODULES['internal-rules']), ...Object.values(ROUTE_MODULES.training)].map((r) => r.name),
    );
    for (const route of ROUTES.filter((r) => !gatedBySafeguards(r) && !ownRecords.has(r.name)))
      expect(route.tables.safeguards === 'read' && !route.name.includes('standing'), route.name).toBe(false);
    expect(open.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'list-staff-accounts',
        'disable-staff-account',
        'get-my-standing',
        'list-standings',
        'acknowledge-rule',
        'record-training-completion',
      ]),
    );
    expect(gated.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'view-subject',
        'view-my-number',
        'decide-request',
        'download-export',
        'list-access-log',
      ]),
    );
  });
});

describe('a member whose training lapsed past the grace', () => {
  let before: Record<TableName, unknown[]>;
  beforeAll(async () => {
    before = await everything();
  });

  it.each(gated.map((r) => [r.name, r] as const))('%s → 403 safeguards-lapsed, saying why', async (_name, route) => {
    const result = await call(route, 'lapsed');
    expect(result.status, JSON.stringify(result.json)).toBe(403);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(result.json).toMatchObject({
      type: SAFEGUARDS_LAPSED_PROBLEM,
      title: 'Rules or training lapsed',
      lapsedOn: addDays(today, -60 + 1 + 30 + 1),
      lapsedTrainings: 1,
      unacknowledgedRules: 0,
    });
    expect(result.json.detail).toContain(`"${COURSE.en}" was current until ${addDays(today, -60)}`);
    expect(result.json.detail).toContain('ask the Information Security Officer to record it');
  });

  it('none of those calls wrote anything, not even to the access log', async () => {
    expect(await everything()).toEqual(before);
  });

  it.each(open.map((r) => [r.name, r] as const))('%s stays open to them', async (_name, route) => {
    const result = await call(route, 'lapsed');
    expect(result.json.type, JSON.stringify(result.json)).not.toBe(SAFEGUARDS_LAPSED_PROBLEM);
    expect(result.status).not.toBe(500);
  });

  it('sees their own standing: lapsed, with what is missing', async () => {
    const result = await call(ROUTES.find((r) => r.name === 'get-my-standing')!, 'lapsed');
    expect(result.status).toBe(200);
    expect(result.json).toMatchObject({
      status: 'lapsed',
      obligations: [
        { kind: 'rule', ruleId: 'handling-rules', version: 1, met: true },
        { kind: 'training', courseId: 'basics', met: false, validUntil: addDays(today, -60) },
      ],
    });
  });
});

describe('a current member, and one in grace', () => {
  it.each(gated.map((r) => [r.name, r] as const))('%s lets them through the gate', async (_name, route) => {
    for (const who of ['current', 'grace']) {
      const result = await call(route, who);
      expect(result.json.type, `${who}: ${JSON.stringify(result.json)}`).not.toBe(SAFEGUARDS_LAPSED_PROBLEM);
      expect(result.status).not.toBe(500);
    }
  });
});

describe('putting it right', () => {
  const listRequests = () => ROUTES.find((r) => r.name === 'list-requests')!;

  it('an acknowledgement lets the member through on the very next call; the problem names the rule version', async () => {
    await putStaff('unack-operator', 'operator');
    await records('unack-operator', { acknowledged: false, validUntil: addDays(today, 200) });
    const refused = await call(listRequests(), 'unack');
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ type: SAFEGUARDS_LAPSED_PROBLEM, unacknowledgedRules: 1, lapsedTrainings: 0 });
    expect(refused.json.detail).toContain(`version 1 of "${RULE.en}" (in force since ${addDays(today, -200)})`);
    expect(refused.json.detail).toContain('acknowledge the rules');

    await dynamoSafeguards.acknowledge({
      staffId: 'unack-operator',
      ruleId: 'handling-rules',
      version: 1,
      acknowledgedAt: new Date().toISOString(),
    });
    expect((await call(listRequests(), 'unack')).status).toBe(200);
  });

  it('the officer and auditors see every active member, lapsed first; the read is access-logged', async () => {
    const list = ROUTES.find((r) => r.name === 'list-standings')!;
    const result = await call(list, 'current');
    expect(result.status).toBe(200);
    const items = result.json.items as { staffId: string; status: string }[];
    expect(items[0]!.status).toBe('lapsed');
    expect(items.find((i) => i.staffId === 'grace-operator')).toMatchObject({
      status: 'in-grace',
      lapsesOn: addDays(today, -10 + 1 + 30 + 1),
    });
    const logged = (await scanAll('access-log')).filter(
      (e) => e.reason === 'safeguards standing of the staff' && e.actor === 'current-officer',
    );
    expect(logged).toHaveLength(1);
  });
});
