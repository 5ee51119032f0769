import { dynamoAccessLogSearch } from '../adapters/access-log-repository';
import { systemClock } from '../adapters/system';
import { listAccessLog } from '../domain/access-log/listing';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { search: dynamoAccessLogSearch, clock: systemClock };

export const handler = httpRoute(routeNamed('list-access-log'), async ({ query }) => ({
  body: await listAccessLog(deps, query),
}));
