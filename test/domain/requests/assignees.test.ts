// Who a request can be assigned to: active operators, by name, without their addresses; each read
// of the list access-logged once.
import { describe, expect, it } from 'vitest';
import { assigneesOf, isAssignable, listAssignees } from '../../../functions/domain/requests/assignees';
import type { StaffMember } from '../../../functions/domain/staff';
import { FixedClock, OPERATOR, RecordingAccessLog } from '../doubles';

const member = (staffId: string, displayName: string, overrides: Partial<StaffMember> = {}): StaffMember => ({
  staffId,
  displayName,
  email: `${staffId}@desk.example.jp`,
  role: 'operator',
  status: 'active',
  passwordChangedAt: '2026-10-01T00:00:00.000Z',
  ...overrides,
});

const staff = [
  member('b-op', 'Bさん'),
  member('a-op', 'Aさん'),
  member('gone', 'Gone', { status: 'disabled' }),
  member('boss', 'Officer', { role: 'officer' }),
  member('eyes', 'Auditor', { role: 'auditor' }),
];

describe('assignees', () => {
  it('are the active operators, by name, with id, name and role only', () => {
    expect(assigneesOf(staff)).toEqual([
      { staffId: 'a-op', displayName: 'Aさん', role: 'operator' },
      { staffId: 'b-op', displayName: 'Bさん', role: 'operator' },
    ]);
    expect(isAssignable(undefined)).toBe(false);
    expect(isAssignable(staff[2])).toBe(false);
    expect(isAssignable(staff[3])).toBe(false);
  });

  it('are listed once the read is in the access log, naming the staff directory only', async () => {
    const accessLog = new RecordingAccessLog();
    const clock = new FixedClock('2026-11-12T02:00:00.000Z');
    const result = await listAssignees({ staff: { list: async () => staff }, accessLog, clock }, OPERATOR);
    expect(result.items.map((a) => a.staffId)).toEqual(['a-op', 'b-op']);
    expect(JSON.stringify(result)).not.toContain('@');
    expect(accessLog.entries).toEqual([
      {
        actor: OPERATOR.staffId,
        role: 'operator',
        action: 'read',
        subjects: ['staff-directory'],
        fields: ['staff.displayName', 'staff.role'],
        reason: 'request assignment',
        sourceIp: OPERATOR.sourceIp,
        at: '2026-11-12T02:00:00.000Z',
      },
    ]);
  });
});
