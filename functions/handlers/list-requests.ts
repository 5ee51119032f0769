import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { listRequests } from '../domain/requests/list-requests';
import { httpRoute } from '../http/route-handler';
import { listRequests as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  staff: dynamoStaffAccounts,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ query, actor }) => ({
  body: await listRequests(deps, actor, query),
}));
