// Staff accounts as the officer manages them (GET/POST /v1/staff/accounts…, policy §6(1)): what may
// be done to each account, and the reasons the API takes for disabling one.
import { DISABLE_REASONS, type DisableReason } from '../../../functions/domain/staff-words';
import type { StaffAccount } from '../api-types';
import type { StaffRole } from './session';

export type { AccountChange, StaffAccount } from '../api-types';
export type { DisableReason };
export { DISABLE_REASONS };

export interface AccountActions {
  /** The officer's own account: the API refuses to disable or demote it, so nothing is offered. */
  own: boolean;
  changeRole: boolean;
  disable: boolean;
  enable: boolean;
  /** A pending officer role: 'confirm' for another officer (they may also decline), 'asked' for the officer who asked (they may withdraw it). */
  officerGrant?: 'confirm' | 'asked' | 'expired';
}

export function actionsFor(account: StaffAccount, signedInStaffId: string, now: Date = new Date()): AccountActions {
  const own = account.staffId === signedInStaffId;
  const active = account.status === 'active';
  const actions: AccountActions = { own, changeRole: !own && active, disable: !own && active, enable: !own && !active };
  const grant = account.pendingOfficerGrant;
  if (grant) {
    actions.officerGrant =
      Date.parse(grant.expiresAt) <= now.getTime()
        ? 'expired'
        : grant.requestedBy === signedInStaffId
          ? 'asked'
          : 'confirm';
  }
  return actions;
}

/** Roles an account may be moved to: any but the one it has. */
export function otherRoles(account: StaffAccount, roles: readonly StaffRole[]): StaffRole[] {
  return roles.filter((r) => r !== account.role);
}

/** Accounts in a steady order: active first, then by staff id. */
export function sortedAccounts(items: readonly StaffAccount[]): StaffAccount[] {
  return [...items].sort(
    (a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1) || a.staffId.localeCompare(b.staffId),
  );
}
