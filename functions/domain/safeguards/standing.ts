// Policy §6(2)A-B: a staff member handles personal data only while bound by the internal rules in
// force and trained. Their standing at an instant, from the rules, the courses and their own records:
// each unmet obligation gets a grace period from the day it arose; once one is past, they are refused
// the routes that read or write personal data until they acknowledge or the officer records training.
import { japanDay } from '../kernel/calendar';
import type { InternalRuleVersion } from './internal-rules';
import type { StaffSafeguardRecords } from './ports';
import type { TrainingCourse } from './training';

/**
 * Desk policy: days a staff member may still handle personal data after an obligation arises (a new
 * version of the rules in force, a required course added, their account created, their training
 * expired), so a new rule or a lapsed course does not stop the desk overnight. Settable per
 * deployment from 0 to SAFEGUARDS_MAX_GRACE_DAYS (DESK_SAFEGUARDS_GRACE_DAYS).
 */
export const SAFEGUARDS_GRACE_DAYS = 30;
/** A longer grace would leave untrained staff on personal data for a quarter: no longer "training that gates access". */
export const SAFEGUARDS_MAX_GRACE_DAYS = 90;

export const STANDING_STATUSES = ['current', 'in-grace', 'lapsed'] as const;
export type StandingStatus = (typeof STANDING_STATUSES)[number];

/** One thing a staff member must have done: acknowledge a rule's version in force, or hold a current completion of a required course. */
export type Obligation =
  | {
      kind: 'rule';
      ruleId: string;
      version: number;
      title: { ja: string; en: string };
      met: boolean;
      /** Unmet: the Japan day the obligation arose. */
      arose?: string;
      /** Unmet: the last Japan day they may still handle personal data without it (arose + grace days). */
      dueOn?: string;
    }
  | {
      kind: 'training';
      courseId: string;
      title: { ja: string; en: string };
      met: boolean;
      /** The last day their latest completion is current, if they ever completed the course. */
      validUntil?: string;
      arose?: string;
      dueOn?: string;
    };

export interface Standing {
  staffId: string;
  /** The Japan day the standing is for. */
  on: string;
  status: StandingStatus;
  graceDays: number;
  obligations: Obligation[];
  /**
   * The first Japan day they would be refused if nothing more is done: the day after the earliest
   * due day among the unmet obligations and those that arise later (a training that expires, a
   * version already published for a later day). Lapsed: the day they were first refused. None when
   * nothing is published that could lapse.
   */
  lapsesOn?: string;
}

export interface StandingInput {
  staffId: string;
  /** The account's creation instant, when known: a newcomer's grace runs from the day they joined. */
  accountCreatedAt?: string;
  ruleVersions: readonly InternalRuleVersion[];
  courses: readonly TrainingCourse[];
  records: StaffSafeguardRecords;
  graceDays: number;
  now: Date;
}

/** A Japan date YYYY-MM-DD moved by whole days (calendar arithmetic, no zone involved). */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);

/** The version of each rule in force on `day`: the latest effectiveFrom on or before it (the higher version on a tie). */
export function versionsInForce(versions: readonly InternalRuleVersion[], day: string): InternalRuleVersion[] {
  const byRule = new Map<string, InternalRuleVersion>();
  for (const v of versions) {
    if (v.effectiveFrom > day) continue;
    const held = byRule.get(v.ruleId);
    if (
      !held ||
      v.effectiveFrom > held.effectiveFrom ||
      (v.effectiveFrom === held.effectiveFrom && v.version > held.version)
    )
      byRule.set(v.ruleId, v);
  }
  return [...byRule.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

export function standingOf(input: StandingInput): Standing {
  const today = japanDay(input.now);
  const joined = input.accountCreatedAt ? japanDay(new Date(input.accountCreatedAt)) : undefined;
  const grace = input.graceDays;
  const acknowledged = new Set(input.records.acknowledgements.map((a) => `${a.ruleId}#${a.version}`));
  const obligations: Obligation[] = [];
  /** Last allowed days of obligations not yet arisen, or met now but expiring: they set lapsesOn too. */
  const comingDue: string[] = [];

  for (const v of versionsInForce(input.ruleVersions, today)) {
    const met = acknowledged.has(`${v.ruleId}#${v.version}`);
    const arose = later(v.effectiveFrom, joined);
    obligations.push({
      kind: 'rule',
      ruleId: v.ruleId,
      version: v.version,
      title: v.title,
      met,
      ...(met ? {} : { arose, dueOn: addDays(arose, grace) }),
    });
  }
  // A version published for a later day binds from that day: the officer hears of it ahead.
  for (const v of input.ruleVersions)
    if (v.effectiveFrom > today && !acknowledged.has(`${v.ruleId}#${v.version}`))
      comingDue.push(addDays(later(v.effectiveFrom, joined), grace));

  for (const course of input.courses.filter((c) => c.required).sort((a, b) => a.courseId.localeCompare(b.courseId))) {
    const latest = input.records.completions
      .filter((c) => c.courseId === course.courseId)
      .reduce<string | undefined>(
        (max, c) => (max === undefined || c.validUntil > max ? c.validUntil : max),
        undefined,
      );
    const base = { kind: 'training' as const, courseId: course.courseId, title: course.title };
    if (latest !== undefined && latest >= today) {
      obligations.push({ ...base, met: true, validUntil: latest });
      comingDue.push(addDays(later(addDays(latest, 1), joined), grace));
      continue;
    }
    const arose = later(latest !== undefined ? addDays(latest, 1) : japanDay(new Date(course.createdAt)), joined);
    obligations.push({
      ...base,
      met: false,
      ...(latest !== undefined ? { validUntil: latest } : {}),
      arose,
      dueOn: addDays(arose, grace),
    });
  }

  const unmetDue = obligations.flatMap((o) => (o.met || o.dueOn === undefined ? [] : [o.dueOn])).sort();
  const status: StandingStatus = unmetDue.some((d) => d < today)
    ? 'lapsed'
    : unmetDue.length > 0
      ? 'in-grace'
      : 'current';
  const earliest = [...unmetDue, ...comingDue].sort()[0];
  return {
    staffId: input.staffId,
    on: today,
    status,
    graceDays: grace,
    obligations,
    ...(earliest !== undefined ? { lapsesOn: addDays(earliest, 1) } : {}),
  };
}

/** The obligations that refuse the member now (lapsed) or will once their due day ends (in grace). */
export const unmetObligations = (standing: Standing) => standing.obligations.filter((o) => !o.met);

/**
 * The grace days as configured (DESK_SAFEGUARDS_GRACE_DAYS), or SAFEGUARDS_GRACE_DAYS when unset; a
 * bad setting stops the function from loading and fails `cdk synth`.
 */
export function safeguardsGraceDays(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return SAFEGUARDS_GRACE_DAYS;
  const days = Number(setting);
  if (!Number.isInteger(days) || days < 0 || days > SAFEGUARDS_MAX_GRACE_DAYS) {
    throw new Error(
      `DESK_SAFEGUARDS_GRACE_DAYS must be a whole number of days from 0 to ${SAFEGUARDS_MAX_GRACE_DAYS}, not "${setting}"`,
    );
  }
  return days;
}
