// GET /v1/staff/accounts: the staff directory for the officer. Names and addresses of staff are
// personal data of the staff, so the read is access-logged.
import type { StaffActor } from '../staff';
import { type AccountDeps, accountView, logAccountAccess } from './account-changes';

export async function listAccounts(deps: Pick<AccountDeps, 'accounts' | 'accessLog' | 'clock'>, actor: StaffActor) {
  const at = deps.clock.now().toISOString();
  await logAccountAccess(
    deps,
    actor,
    'read',
    ['staff-directory'],
    ['displayName', 'email', 'role', 'status'],
    'staff account administration',
    at,
  );
  const accounts = await deps.accounts.list();
  return { items: accounts.map(accountView).sort((a, b) => a.staffId.localeCompare(b.staffId)) };
}
