// Policy §6(2)B: training. The officer adds courses and records who completed which, and when; each
// completion is current through a day counted from it (training-validity.ts). Each staff member sees
// their own; the officer and auditors see everyone's.
import type { AccessLogWriter } from '../access-log/ports';
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { refuseFutureDates } from '../kernel/supplied-dates';
import type { StaffActor, StaffMember } from '../staff';
import type { SafeguardsStore } from './ports';
import { DEFAULT_TRAINING_VALIDITY_MONTHS, type TrainingCompletion, type TrainingCourse } from './training';
import { TRAINING_VALIDITY_MONTHS_MAX, TRAINING_VALIDITY_MONTHS_MIN, trainingValidUntil } from './training-validity';

export interface TrainingDeps {
  safeguards: SafeguardsStore;
  staff: { get(staffId: string): Promise<StaffMember | undefined>; list(): Promise<StaffMember[]> };
  accessLog: AccessLogWriter;
  clock: Clock;
}

export interface NewCourse {
  courseId: string;
  title: { ja: string; en: string };
  validityMonths?: number;
  required: boolean;
}

const unprocessable = (title: string, field: string, message: string, slug: string) =>
  new DeskProblem('unprocessable', title, `${field}: ${message}. Nothing was stored.`, [{ field, message }], {
    slug,
  });

const logStaffAccess = (
  deps: Pick<TrainingDeps, 'accessLog'>,
  actor: StaffActor,
  action: 'read' | 'write',
  subjects: string[],
  at: string,
) =>
  deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action,
    subjects,
    fields: ['training'],
    reason: action === 'read' ? 'training records' : 'training completion recorded',
    sourceIp: actor.sourceIp,
    at,
  });

export async function addCourse(deps: Pick<TrainingDeps, 'safeguards' | 'clock'>, actor: StaffActor, input: NewCourse) {
  const course: TrainingCourse = {
    courseId: input.courseId,
    title: input.title,
    validityMonths: input.validityMonths ?? DEFAULT_TRAINING_VALIDITY_MONTHS,
    required: input.required,
    createdBy: actor.staffId,
    createdAt: deps.clock.now().toISOString(),
  };
  try {
    await deps.safeguards.addCourse(course);
  } catch (error) {
    if (error instanceof StaleWriteError)
      throw new DeskProblem(
        'conflict',
        'Course exists',
        `courseId: there is already a course "${input.courseId}". Choose another course id, or record completions of that course.`,
        [{ field: 'courseId', message: 'is already a course' }],
        { slug: 'course-exists' },
      );
    throw error;
  }
  return course;
}

export async function recordCompletion(
  deps: TrainingDeps,
  actor: StaffActor,
  input: { staffId: string; courseId: string; completedOn: string },
): Promise<TrainingCompletion> {
  const now = deps.clock.now();
  const title = 'Completion not recorded';
  refuseFutureDates(title, [{ field: 'completedOn', date: input.completedOn }], now);
  const [member, course] = await Promise.all([
    deps.staff.get(input.staffId),
    deps.safeguards.courses().then((all) => all.find((c) => c.courseId === input.courseId)),
  ]);
  if (!member)
    throw unprocessable(title, 'staffId', `no staff account "${input.staffId}" exists`, 'unknown-staff-member');
  if (!course)
    throw unprocessable(title, 'courseId', `no training course "${input.courseId}" exists`, 'unknown-course');
  const at = now.toISOString();
  const completion: TrainingCompletion = {
    staffId: input.staffId,
    courseId: input.courseId,
    completedOn: input.completedOn,
    validUntil: trainingValidUntil(input.completedOn, course.validityMonths),
    recordedBy: actor.staffId,
    recordedAt: at,
  };
  // A staff member's training record is their personal data: the write is access-logged first.
  await logStaffAccess(deps, actor, 'write', [`staff:${input.staffId}`], at);
  await deps.safeguards.recordCompletion(completion);
  const kept = (await deps.safeguards.recordsOf(input.staffId)).completions.find(
    (c) => c.courseId === input.courseId && c.completedOn === input.completedOn,
  );
  return kept ?? completion;
}

/** A member's latest completion of each course, and whether it is current today. */
export function latestPerCourse(completions: readonly TrainingCompletion[], today: string) {
  const latest = new Map<string, TrainingCompletion>();
  for (const c of completions) {
    const seen = latest.get(c.courseId);
    if (!seen || c.completedOn > seen.completedOn) latest.set(c.courseId, c);
  }
  return [...latest.values()]
    .sort((a, b) => a.courseId.localeCompare(b.courseId))
    .map((c) => ({ ...c, current: c.validUntil >= today }));
}

/**
 * The courses, and each member's latest completion per course: the officer and auditors see every
 * active member (access-logged), anyone else themselves alone.
 */
export async function listTraining(deps: TrainingDeps, actor: StaffActor) {
  const now = deps.clock.now();
  const today = japanDay(now);
  const everyone = actor.role === 'officer' || actor.role === 'auditor';
  if (everyone) await logStaffAccess(deps, actor, 'read', ['staff-directory'], now.toISOString());
  const members = everyone
    ? (await deps.staff.list()).filter((m) => m.status === 'active')
    : [await deps.staff.get(actor.staffId)].filter((m): m is StaffMember => m !== undefined);
  const courses = (await deps.safeguards.courses()).sort((a, b) => a.courseId.localeCompare(b.courseId));
  const rows = await Promise.all(
    members
      .sort((a, b) => a.staffId.localeCompare(b.staffId))
      .map(async (m) => ({
        staffId: m.staffId,
        displayName: m.displayName,
        role: m.role,
        completions: latestPerCourse((await deps.safeguards.recordsOf(m.staffId)).completions, today),
      })),
  );
  const validity = {
    defaultMonths: DEFAULT_TRAINING_VALIDITY_MONTHS,
    minMonths: TRAINING_VALIDITY_MONTHS_MIN,
    maxMonths: TRAINING_VALIDITY_MONTHS_MAX,
  };
  return { today, validity, courses, members: rows };
}
