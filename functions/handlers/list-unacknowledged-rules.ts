import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { listUnacknowledged } from '../domain/safeguards/rule-register';
import { httpRoute } from '../http/route-handler';
import { listUnacknowledged as route } from '../routes/internal-rules';

const deps = {
  safeguards: dynamoSafeguards,
  staff: dynamoStaffAccounts,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ actor }) => ({ body: await listUnacknowledged(deps, actor) }));
