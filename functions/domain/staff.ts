// Desk staff and their roles (DESIGN §4). The staff table is checked on every call, so disabling an
// account takes effect on the very next one.

export const STAFF_ROLES = ['operator', 'officer', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffMember {
  staffId: string;
  displayName: string;
  email: string;
  role: StaffRole;
  status: 'active' | 'disabled';
  passwordChangedAt: string;
}

/** The person behind a staff call, once the token and the staff table both agree. */
export interface StaffActor {
  staffId: string;
  role: StaffRole;
  sourceIp: string;
}
