import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoHolders } from '../adapters/holder-repository';
import { systemClock } from '../adapters/system';
import { viewHolder } from '../domain/holders/registry';
import { httpRoute } from '../http/route-handler';
import { viewHolder as route } from '../routes/holders';

const deps = { holders: dynamoHolders, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await viewHolder(deps, actor, params.holderId),
}));
