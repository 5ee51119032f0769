// POST /v1/staff/accounts/{staffId}/enabling: a person back from leave, or an account disabled by
// mistake, is enabled again, with the reason on record.
import { DeskProblem } from '../kernel/problems';
import type { StaffActor } from '../staff';
import { type AccountDeps, applyAccountChange, existingAccount } from './account-changes';

export async function enableAccount(deps: AccountDeps, actor: StaffActor, staffId: string, reason: string) {
  const account = await existingAccount(deps, staffId);
  if (account.status === 'active') {
    throw new DeskProblem('conflict', 'Already active', `"${staffId}" is already active.`, undefined, {
      slug: 'already-active',
    });
  }
  return applyAccountChange(deps, actor, {
    account,
    fields: {
      role: account.role,
      status: 'active',
      disabledAt: undefined,
      disabledBy: undefined,
      disabledReason: undefined,
    },
    logged: { fields: ['status'], reason: `staff account enabled: ${reason}` },
    notice: { what: { ja: '再有効化', en: 'enabled again' }, reason },
    identity: (identity) => identity.enable(staffId),
  });
}
