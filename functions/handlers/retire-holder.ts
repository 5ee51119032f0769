import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoHolders } from '../adapters/holder-repository';
import { systemClock } from '../adapters/system';
import { retireHolder } from '../domain/holders/registry';
import { httpRoute } from '../http/route-handler';
import { retireHolder as route } from '../routes/holders';

const deps = { holders: dynamoHolders, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await retireHolder(deps, actor, params.holderId, body),
}));
