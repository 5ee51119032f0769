import { accountDeps } from '../adapters/staff-identity';
import { createAccount } from '../domain/accounts/create-account';
import { httpRoute } from '../http/route-handler';
import { createStaffAccount as route } from '../routes/staff-accounts';

const deps = accountDeps();

export const handler = httpRoute(route, async ({ actor, body }) => ({
  body: await createAccount(deps, actor, body),
}));
