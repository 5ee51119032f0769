import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { listAccounts } from '../domain/accounts/list-accounts';
import { httpRoute } from '../http/route-handler';
import { listStaffAccounts as route } from '../routes/staff-accounts';

const deps = { accounts: dynamoStaffAccounts, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ actor }) => ({
  body: await listAccounts(deps, actor),
}));
