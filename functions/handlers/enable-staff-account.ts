import { accountDeps } from '../adapters/staff-identity';
import { enableAccount } from '../domain/accounts/enable-account';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = accountDeps();

export const handler = httpRoute(routeNamed('enable-staff-account'), async ({ actor, params, body }) => ({
  body: await enableAccount(deps, actor, params.staffId, body.reason),
}));
