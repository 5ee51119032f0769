// Desk staff and their roles (docs/security.md). The staff table is checked on every call, so disabling an
// account takes effect on the very next one.

import type { DisableReason, StaffRole } from './staff-words';

export type { DisableReason, StaffRole } from './staff-words';
export { DISABLE_REASONS, STAFF_ROLES } from './staff-words';

/** Words the queue's assignee filter gives a meaning of its own, so no staff account may be named so. */
export const QUEUE_ASSIGNEE_WORDS = { me: 'me', unassigned: 'unassigned' } as const;

export interface StaffMember {
  staffId: string;
  displayName: string;
  email: string;
  role: StaffRole;
  status: 'active' | 'disabled';
  passwordChangedAt: string;
  /** Counts changes made through the account routes; accounts seeded before them have none (0). */
  version?: number;
  createdAt?: string;
  createdBy?: string;
  /** Who gave the account its current role and when (on creation or a role change): a dependent approver is told apart by it. */
  roleGrantedAt?: string;
  roleGrantedBy?: string;
  /** The second officer who confirmed the officer role (see pendingOfficerGrant). */
  roleConfirmedAt?: string;
  roleConfirmedBy?: string;
  /** The officer role asked for and awaiting another officer's confirmation; no officer powers meanwhile (role is unchanged). */
  pendingOfficerGrant?: PendingOfficerGrant;
  disabledAt?: string;
  disabledBy?: string;
  disabledReason?: DisableReason;
}

export interface PendingOfficerGrant {
  requestedBy: string;
  requestedAt: string;
  /** After this instant it can no longer be confirmed; it must be asked again. */
  expiresAt: string;
  reason?: string;
}

/** The person behind a staff call, once the token and the staff table both agree. */
export interface StaffActor {
  staffId: string;
  role: StaffRole;
  sourceIp: string;
}

/**
 * The form in which staff e-mail addresses are compared: one address is one person's, so no two
 * accounts share it (the account-change e-mails and temporary passwords must reach distinct people).
 */
export const normalisedStaffEmail = (email: string): string => email.trim().toLowerCase();

export interface StaffDirectory {
  get(staffId: string): Promise<StaffMember | undefined>;
}
