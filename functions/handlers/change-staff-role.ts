import { accountDeps } from '../adapters/staff-identity';
import { changeRole } from '../domain/accounts/change-role';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = accountDeps();

export const handler = httpRoute(routeNamed('change-staff-role'), async ({ actor, params, body }) => ({
  body: await changeRole(deps, actor, params.staffId, body.role, body.reason),
}));
