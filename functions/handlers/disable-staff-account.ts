import { accountDeps } from '../adapters/staff-identity';
import { disableAccount } from '../domain/accounts/disable-account';
import { httpRoute } from '../http/route-handler';
import { disableStaffAccount as route } from '../routes/staff-accounts';

const deps = accountDeps();

export const handler = httpRoute(route, async ({ actor, params, body }) => ({
  body: await disableAccount(deps, actor, params.staffId, body.reason, body.note),
}));
