import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoAnonymisation } from '../adapters/anonymisation-repository';
import { systemClock } from '../adapters/system';
import { startRun } from '../domain/anonymisation/definitions';
import { httpRoute } from '../http/route-handler';
import { startAnonymisationRun as route } from '../routes/anonymisation';

const deps = { store: dynamoAnonymisation, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await startRun(deps, actor, params.definitionId),
}));
