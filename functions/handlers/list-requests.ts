import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { listRequests } from '../domain/requests/list-requests';
import { httpRoute } from '../http/route-handler';
import { listRequests as route } from '../routes/requests';

const deps = { requests: dynamoRequestReader, clock: systemClock };

export const handler = httpRoute(route, async ({ query }) => ({
  body: await listRequests(deps, query.status),
}));
