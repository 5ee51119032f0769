import { accountDeps } from '../adapters/staff-identity';
import { createAccount } from '../domain/accounts/create-account';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = accountDeps();

export const handler = httpRoute(routeNamed('create-staff-account'), async ({ actor, body }) => ({
  body: await createAccount(deps, actor, body),
}));
