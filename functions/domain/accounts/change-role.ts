// POST /v1/staff/accounts/{staffId}/role: a transfer within the desk. The old role stops working on
// the very next call (staff-auth compares the table's role with the token's group).
import { DeskProblem } from '../problems';
import type { StaffActor, StaffRole } from '../staff';
import { applyAccountChange, existingAccount, notYourOwn, type AccountDeps } from './account-changes';

export async function changeRole(deps: AccountDeps, actor: StaffActor, staffId: string, role: StaffRole, reason: string) {
  notYourOwn(actor, staffId, 'change the role of');
  const account = await existingAccount(deps, staffId);
  if (account.role === role) {
    throw new DeskProblem('conflict', 'Role unchanged', `"${staffId}" already has the role ${role}.`);
  }
  const from = account.role;
  const at = deps.clock.now().toISOString();
  return applyAccountChange(deps, actor, {
    account,
    fields: { role, status: account.status, disabledAt: account.disabledAt, disabledBy: account.disabledBy, disabledReason: account.disabledReason, roleGrantedAt: at, roleGrantedBy: actor.staffId },
    logged: { fields: ['role'], reason: `staff role ${from} → ${role}: ${reason}` },
    notice: { what: { ja: `ロール ${from} → ${role}`, en: `role ${from} → ${role}` }, reason },
    identity: (identity) => identity.changeRole(staffId, from, role),
  });
}
