// Who a request can be assigned to: active staff whose role works requests. The names of staff are
// personal data of the staff, so every read of the list is access-logged (like the staff directory).
import type { AccessLogWriter } from '../access-log/ports';
import type { Clock } from '../kernel/ports';
import type { StaffActor, StaffMember } from '../staff';

/** The roles that handle requests, and so may be assigned one: operators (docs/operating.md). */
export const ASSIGNABLE_ROLES = ['operator'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface Assignee {
  staffId: string;
  displayName: string;
  role: AssignableRole;
}

export function isAssignable(member: StaffMember | undefined): member is StaffMember & { role: AssignableRole } {
  return member?.status === 'active' && (ASSIGNABLE_ROLES as readonly string[]).includes(member.role);
}

/** The assignable staff by name (then id), without their addresses or anything else of the account. */
export function assigneesOf(members: readonly StaffMember[]): Assignee[] {
  return members
    .filter(isAssignable)
    .map(({ staffId, displayName, role }) => ({ staffId, displayName, role }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'ja') || a.staffId.localeCompare(b.staffId));
}

/** What the list's access-log entry says was read: the staff directory's names and roles. */
export const ASSIGNEE_FIELDS = ['staff.displayName', 'staff.role'] as const;
export const STAFF_DIRECTORY_SUBJECT = 'staff-directory';

export interface ListAssigneesDeps {
  staff: { list(): Promise<StaffMember[]> };
  accessLog: AccessLogWriter;
  clock: Clock;
}

/** GET /v1/staff/assignees: the list the request page's assignment picks from. */
export async function listAssignees(deps: ListAssigneesDeps, actor: StaffActor) {
  const at = deps.clock.now().toISOString();
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: [STAFF_DIRECTORY_SUBJECT],
    fields: [...ASSIGNEE_FIELDS],
    reason: 'request assignment',
    sourceIp: actor.sourceIp,
    at,
  });
  return { items: assigneesOf(await deps.staff.list()) };
}
