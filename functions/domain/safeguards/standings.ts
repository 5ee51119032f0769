// Reading standings: the caller's own, and every active staff member's for the officer and auditors
// (policy §6(2)A: the officer sees who must still acknowledge or be trained before they are refused).
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import type { StaffActor, StaffMember } from '../staff';
import type { SafeguardsReader } from './ports';
import { type Standing, standingOf } from './standing';

export interface StandingDeps {
  safeguards: SafeguardsReader;
  graceDays: number;
  clock: Clock;
}

export interface MemberStanding extends Standing {
  displayName: string;
  role: StaffMember['role'];
}

/** Each member's standing now, rules and courses read once. */
export async function standingsOf(deps: StandingDeps, members: readonly StaffMember[]): Promise<MemberStanding[]> {
  const now = deps.clock.now();
  const [ruleVersions, courses, records] = await Promise.all([
    deps.safeguards.ruleVersions(),
    deps.safeguards.courses(),
    Promise.all(members.map((m) => deps.safeguards.recordsOf(m.staffId))),
  ]);
  return members.map((member, i) => ({
    ...standingOf({
      staffId: member.staffId,
      ...(member.createdAt ? { accountCreatedAt: member.createdAt } : {}),
      ruleVersions,
      courses,
      records: records[i]!,
      graceDays: deps.graceDays,
      now,
    }),
    displayName: member.displayName,
    role: member.role,
  }));
}

/**
 * Every active member's standing, lapsed first, then by the day they would lapse. The records are the
 * staff's own personal data, so the read is access-logged.
 */
export async function listStandings(
  deps: StandingDeps & { accessLog: AccessLogWriter; members: () => Promise<StaffMember[]> },
  actor: StaffActor,
) {
  const active = (await deps.members()).filter((m) => m.status === 'active');
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: ['staff-safeguards'],
    fields: ['acknowledgements', 'trainingCompletions'],
    reason: 'safeguards standing of the staff',
    sourceIp: actor.sourceIp,
    at: deps.clock.now().toISOString(),
  });
  const order = { lapsed: 0, 'in-grace': 1, current: 2 } as const;
  const items = (await standingsOf(deps, active)).sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      (a.lapsesOn ?? '9999').localeCompare(b.lapsesOn ?? '9999') ||
      a.staffId.localeCompare(b.staffId),
  );
  return { items };
}
