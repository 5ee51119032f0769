import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { listAssignees } from '../domain/requests/assignees';
import { httpRoute } from '../http/route-handler';
import { listAssignees as route } from '../routes/requests';

const deps = { staff: dynamoStaffAccounts, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ actor }) => ({
  body: await listAssignees(deps, actor),
}));
