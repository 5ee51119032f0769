import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { listAccounts } from '../domain/accounts/list-accounts';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { accounts: dynamoStaffAccounts, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(routeNamed('list-staff-accounts'), async ({ actor }) => ({
  body: await listAccounts(deps, actor),
}));
