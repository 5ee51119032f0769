// POST /v1/staff/accounts/{staffId}/role: a transfer within the desk. The old role stops working on
// the very next call (staff-auth compares the table's role with the token's group). The officer role
// waits for a second officer's confirmation while there is one (officer-grant.ts).
import { DeskProblem } from '../kernel/problems';
import type { StaffActor, StaffRole } from '../staff';
import { type AccountDeps, applyAccountChange, existingAccount, notYourOwn } from './account-changes';
import {
  grantPending,
  officerGrantNeedsConfirmation,
  pendingGrantWords,
  pendingOfficerGrant,
  soleOfficerGrantWords,
} from './officer-grant';

export async function changeRole(
  deps: AccountDeps,
  actor: StaffActor,
  staffId: string,
  role: StaffRole,
  reason: string,
) {
  notYourOwn(actor, staffId, 'change the role of');
  const account = await existingAccount(deps, staffId);
  if (account.role === role) {
    throw new DeskProblem('conflict', 'Role unchanged', `"${staffId}" already has the role ${role}.`, undefined, {
      slug: 'role-unchanged',
    });
  }
  const now = deps.clock.now();
  if (role === 'officer' && grantPending(account, now)) {
    throw new DeskProblem(
      'conflict',
      'Officer role already asked',
      `${account.pendingOfficerGrant!.requestedBy} already asked for the officer role of "${staffId}" at ${account.pendingOfficerGrant!.requestedAt}; another officer confirms or declines it with POST /v1/staff/accounts/${staffId}/officer-grant-confirmation.`,
      undefined,
      { slug: 'officer-role-already-asked' },
    );
  }
  const from = account.role;
  if (role === 'officer' && (await officerGrantNeedsConfirmation(deps, actor))) {
    const grant = pendingOfficerGrant(actor, now, reason);
    return applyAccountChange(deps, actor, {
      account,
      fields: { role: from, status: account.status, pendingOfficerGrant: grant },
      logged: { fields: ['role'], reason: `officer role asked for (now ${from}), awaiting another officer: ${reason}` },
      notice: { what: pendingGrantWords(staffId, grant), reason },
      identity: async () => {},
    });
  }
  const at = now.toISOString();
  const sole =
    role === 'officer'
      ? { ja: `（${soleOfficerGrantWords.ja}）`, en: ` (${soleOfficerGrantWords.en})` }
      : { ja: '', en: '' };
  return applyAccountChange(deps, actor, {
    account,
    // Any other role supersedes a grant still pending (or expired).
    fields: {
      role,
      status: account.status,
      disabledAt: account.disabledAt,
      disabledBy: account.disabledBy,
      disabledReason: account.disabledReason,
      roleGrantedAt: at,
      roleGrantedBy: actor.staffId,
      roleConfirmedAt: undefined,
      roleConfirmedBy: undefined,
      pendingOfficerGrant: undefined,
    },
    logged: { fields: ['role'], reason: `staff role ${from} → ${role}: ${reason}` },
    notice: { what: { ja: `ロール ${from} → ${role}${sole.ja}`, en: `role ${from} → ${role}${sole.en}` }, reason },
    identity: (identity) => identity.changeRole(staffId, from, role),
  });
}
