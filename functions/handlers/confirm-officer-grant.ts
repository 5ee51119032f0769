import { accountDeps } from '../adapters/staff-identity';
import { decideOfficerGrant } from '../domain/accounts/officer-grant';
import { httpRoute } from '../http/route-handler';
import { confirmOfficerGrant as route } from '../routes/staff-accounts';

const deps = accountDeps();

export const handler = httpRoute(route, async ({ actor, params, body }) => ({
  body: await decideOfficerGrant(deps, actor, params.staffId, body),
}));
