// Training: courses (validity 1-36 months, a year by default), completions recorded by the officer for
// known staff and courses only, never in the future, and each member's latest per course.
import { describe, expect, it } from 'vitest';
import {
  addCourse,
  latestPerCourse,
  listTraining,
  recordCompletion,
} from '../../../functions/domain/safeguards/training-register';
import type { StaffActor, StaffMember } from '../../../functions/domain/staff';
import { FixedClock, problemOf, RecordingAccessLog } from '../doubles';
import { MemorySafeguards } from './memory-store';

const OFFICER: StaffActor = { staffId: 'officer-1', role: 'officer', sourceIp: '203.0.113.7' };
const OPERATOR: StaffActor = { staffId: 'operator-1', role: 'operator', sourceIp: '203.0.113.8' };
const NOW = '2026-12-07T01:00:00.000Z';

const member = (staffId: string, status: 'active' | 'disabled' = 'active'): StaffMember => ({
  staffId,
  displayName: `Name ${staffId}`,
  email: `${staffId}@example.jp`,
  role: 'operator',
  status,
  passwordChangedAt: NOW,
});

function setup() {
  const members = [member('operator-1'), member('officer-1'), member('gone', 'disabled')];
  return {
    safeguards: new MemorySafeguards(),
    accessLog: new RecordingAccessLog(),
    clock: new FixedClock(NOW),
    staff: {
      get: async (id: string) => members.find((m) => m.staffId === id),
      list: async () => members,
    },
  };
}

const course = { courseId: 'appi-basics', title: { ja: '基礎', en: 'Basics' }, required: true };

describe('courses', () => {
  it('are valid a year unless they say otherwise; a course id is taken once', async () => {
    const deps = setup();
    expect(await addCourse(deps, OFFICER, course)).toMatchObject({ validityMonths: 12, createdBy: 'officer-1' });
    const again = await problemOf(addCourse(deps, OFFICER, { ...course, validityMonths: 6 }));
    expect([again.kind, again.errors?.[0]?.field]).toEqual(['conflict', 'courseId']);
  });
});

describe('completions', () => {
  it('are current through the day counted from the completion, and logged as a write to the member', async () => {
    const deps = setup();
    await addCourse(deps, OFFICER, { ...course, validityMonths: 1 });
    deps.clock.set('2026-02-01T01:00:00.000Z');
    const done = await recordCompletion(deps, OFFICER, {
      staffId: 'operator-1',
      courseId: 'appi-basics',
      completedOn: '2026-01-31',
    });
    expect(done).toMatchObject({ validUntil: '2026-02-28', recordedBy: 'officer-1' });
    expect(deps.accessLog.entries).toEqual([
      expect.objectContaining({ action: 'write', subjects: ['staff:operator-1'] }),
    ]);
  });

  it('refuse an unknown staff member (staffId), course (courseId) or a future day (completedOn); nothing written', async () => {
    const deps = setup();
    await addCourse(deps, OFFICER, course);
    const cases = [
      [{ staffId: 'nobody', courseId: 'appi-basics', completedOn: '2026-12-01' }, 'staffId'],
      [{ staffId: 'operator-1', courseId: 'nope', completedOn: '2026-12-01' }, 'courseId'],
      [{ staffId: 'operator-1', courseId: 'appi-basics', completedOn: '2026-12-08' }, 'completedOn'],
    ] as const;
    for (const [input, field] of cases) {
      const problem = await problemOf(recordCompletion(deps, OFFICER, input));
      expect([problem.kind, problem.errors?.[0]?.field]).toEqual(['unprocessable', field]);
    }
    expect(deps.safeguards.completions).toEqual([]);
    expect(deps.accessLog.entries).toEqual([]);
  });

  it("list each member's latest per course, current or not", () => {
    const base = { staffId: 's', recordedBy: 'o', recordedAt: NOW };
    const rows = latestPerCourse(
      [
        { ...base, courseId: 'a', completedOn: '2025-01-10', validUntil: '2026-01-09' },
        { ...base, courseId: 'a', completedOn: '2026-01-10', validUntil: '2027-01-09' },
        { ...base, courseId: 'b', completedOn: '2025-06-01', validUntil: '2026-05-31' },
      ],
      '2026-12-07',
    );
    expect(rows.map((r) => [r.courseId, r.completedOn, r.current])).toEqual([
      ['a', '2026-01-10', true],
      ['b', '2025-06-01', false],
    ]);
  });
});

describe('the listing', () => {
  it('shows the officer every active member (logged), an operator only themselves (not logged)', async () => {
    const deps = setup();
    await addCourse(deps, OFFICER, course);
    await recordCompletion(deps, OFFICER, {
      staffId: 'operator-1',
      courseId: 'appi-basics',
      completedOn: '2026-12-01',
    });
    const all = await listTraining(deps, OFFICER);
    expect(all.members.map((m) => m.staffId)).toEqual(['officer-1', 'operator-1']);
    expect(all.members[1]?.completions[0]).toMatchObject({ validUntil: '2027-11-30', current: true });
    expect(deps.accessLog.entries.filter((e) => e.action === 'read')).toHaveLength(1);
    const own = await listTraining(deps, OPERATOR);
    expect(own.members.map((m) => m.staffId)).toEqual(['operator-1']);
    expect(own.courses.map((c) => c.courseId)).toEqual(['appi-basics']);
    expect(deps.accessLog.entries.filter((e) => e.action === 'read')).toHaveLength(1);
  });
});
