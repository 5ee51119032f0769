import { accountDeps } from '../adapters/staff-identity';
import { changeRole } from '../domain/accounts/change-role';
import { httpRoute } from '../http/route-handler';
import { changeStaffRole as route } from '../routes/staff-accounts';

const deps = accountDeps();

export const handler = httpRoute(route, async ({ actor, params, body }) => ({
  body: await changeRole(deps, actor, params.staffId, body.role, body.reason),
}));
