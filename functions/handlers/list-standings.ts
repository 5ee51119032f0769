import { dynamoAccessLog } from '../adapters/access-log-repository';
import { safeguardsGrace } from '../adapters/desk-settings';
import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { listStandings } from '../domain/safeguards/standings';
import { httpRoute } from '../http/route-handler';
import { listStandings as route } from '../routes/safeguards-standing';

const deps = {
  safeguards: dynamoSafeguards,
  graceDays: safeguardsGrace(),
  clock: systemClock,
  accessLog: dynamoAccessLog,
  members: () => dynamoStaffAccounts.list(),
};

export const handler = httpRoute(route, async ({ actor }) => ({ body: await listStandings(deps, actor) }));
