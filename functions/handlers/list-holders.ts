import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoHolders } from '../adapters/holder-repository';
import { systemClock } from '../adapters/system';
import { listHolders } from '../domain/holders/registry';
import { httpRoute } from '../http/route-handler';
import { listHolders as route } from '../routes/holders';

const deps = { holders: dynamoHolders, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ actor }) => ({ body: await listHolders(deps, actor) }));
