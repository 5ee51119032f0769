// Policy §6(2)A-B enforced: a staff route that reads or writes personal data is refused to a member
// whose acknowledgement of the rules in force or whose required training has lapsed past its grace.
// Which routes: functions/http/safeguards-routes.ts.
import { safeguardsGrace } from '../adapters/desk-settings';
import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { tableEnvVar } from '../adapters/tables';
import type { InternalRuleVersion } from '../domain/safeguards/internal-rules';
import type { SafeguardsReader } from '../domain/safeguards/ports';
import { type Obligation, type Standing, standingOf, unmetObligations } from '../domain/safeguards/standing';
import type { TrainingCourse } from '../domain/safeguards/training';
import type { StaffMember } from '../domain/staff';
import { HttpProblem } from './problem';
import { SAFEGUARDS_LAPSED_SLUG } from './problem-words';

/**
 * Rules and courses change when the officer publishes, a few times a year, and every obligation they
 * bring has a grace period of whole days; so a container may keep them for a minute, which spares two
 * queries per call and delays nobody's refusal by more than that. Keyed by the table, since a process
 * (a test worker) may be pointed at another table set. A member's own records are read on every call:
 * an acknowledgement lets them through at once.
 */
export const RULES_CACHE_MS = 60_000;
const cache = new Map<string, { at: number; rules: InternalRuleVersion[]; courses: TrainingCourse[] }>();

async function rulesAndCourses(reader: SafeguardsReader, now: number) {
  const key = process.env[tableEnvVar('safeguards')] ?? '';
  const held = cache.get(key);
  if (held && now - held.at < RULES_CACHE_MS) return held;
  const [rules, courses] = await Promise.all([reader.ruleVersions(), reader.courses()]);
  const fresh = { at: now, rules, courses };
  cache.set(key, fresh);
  return fresh;
}

const graceDays = safeguardsGrace();

export async function standingOfCaller(
  member: Pick<StaffMember, 'staffId' | 'createdAt'>,
  now = new Date(),
  reader: SafeguardsReader = dynamoSafeguards,
): Promise<Standing> {
  const [{ rules, courses }, records] = await Promise.all([
    rulesAndCourses(reader, now.getTime()),
    reader.recordsOf(member.staffId),
  ]);
  return standingOf({
    staffId: member.staffId,
    ...(member.createdAt ? { accountCreatedAt: member.createdAt } : {}),
    ruleVersions: rules,
    courses,
    records,
    graceDays,
    now,
  });
}

function describeUnmet(o: Obligation): string {
  if (o.kind === 'rule')
    return `version ${o.version} of "${o.title.en}" (in force since ${o.arose}) is not acknowledged; it was due by ${o.dueOn}`;
  return o.validUntil
    ? `your training "${o.title.en}" was current until ${o.validUntil}; a new completion was due by ${o.dueOn}`
    : `you have no completion of the required training "${o.title.en}"; it was due by ${o.dueOn}`;
}

/** 403 problem+json naming each rule version unacknowledged and each training lapsed, and what to do. */
export function safeguardsLapsedProblem(standing: Standing): HttpProblem {
  const overdue = unmetObligations(standing).filter((o) => o.dueOn !== undefined && o.dueOn < standing.on);
  const rules = overdue.some((o) => o.kind === 'rule');
  const training = overdue.some((o) => o.kind === 'training');
  const todo = [
    ...(rules ? ['read and acknowledge the rules on the rules page of the desk console'] : []),
    ...(training ? ['take the training and ask the Information Security Officer to record it'] : []),
  ].join(', and ');
  return new HttpProblem(
    403,
    SAFEGUARDS_LAPSED_SLUG,
    'Rules or training lapsed',
    `You may not handle personal data until this is put right (policy §6(2)): ${overdue.map(describeUnmet).join('; ')}. To be let through again, ${todo}. Nothing was read or changed.`,
    undefined,
    {},
    {
      lapsedOn: standing.lapsesOn ?? standing.on,
      unacknowledgedRules: overdue.filter((o) => o.kind === 'rule').length,
      lapsedTrainings: overdue.filter((o) => o.kind === 'training').length,
    },
  );
}

/** Refuses a lapsed member; in grace and current pass. */
export async function requireSafeguardsStanding(member: Pick<StaffMember, 'staffId' | 'createdAt'>): Promise<void> {
  const standing = await standingOfCaller(member);
  if (standing.status === 'lapsed') throw safeguardsLapsedProblem(standing);
}
