import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoHolders } from '../adapters/holder-repository';
import { systemClock } from '../adapters/system';
import { recordHolderReview } from '../domain/holders/registry';
import { httpRoute } from '../http/route-handler';
import { recordHolderReview as route } from '../routes/holders';

const deps = { holders: dynamoHolders, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await recordHolderReview(deps, actor, params.holderId, body),
}));
