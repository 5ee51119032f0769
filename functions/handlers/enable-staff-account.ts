import { accountDeps } from '../adapters/staff-identity';
import { enableAccount } from '../domain/accounts/enable-account';
import { httpRoute } from '../http/route-handler';
import { enableStaffAccount as route } from '../routes/staff-accounts';

const deps = accountDeps();

export const handler = httpRoute(route, async ({ actor, params, body }) => ({
  body: await enableAccount(deps, actor, params.staffId, body.reason),
}));
