import { accountDeps } from '../adapters/staff-identity';
import { decideOfficerGrant } from '../domain/accounts/officer-grant';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = accountDeps();

export const handler = httpRoute(routeNamed('confirm-officer-grant'), async ({ actor, params, body }) => ({
  body: await decideOfficerGrant(deps, actor, params.staffId, body),
}));
