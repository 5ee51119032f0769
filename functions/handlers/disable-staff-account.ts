import { accountDeps } from '../adapters/staff-identity';
import { disableAccount } from '../domain/accounts/disable-account';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = accountDeps();

export const handler = httpRoute(routeNamed('disable-staff-account'), async ({ actor, params, body }) => ({
  body: await disableAccount(deps, actor, params.staffId, body.reason, body.note),
}));
