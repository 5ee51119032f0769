import { dynamoAccessLogSearch } from '../adapters/access-log-repository';
import { systemClock } from '../adapters/system';
import { listAccessLog } from '../domain/access-log/listing';
import { httpRoute } from '../http/route-handler';
import { listAccessLog as route } from '../routes/access-log';

const deps = { search: dynamoAccessLogSearch, clock: systemClock };

export const handler = httpRoute(route, async ({ query }) => ({
  body: await listAccessLog(deps, query),
}));
