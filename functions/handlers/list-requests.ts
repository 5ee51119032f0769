import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { listRequests } from '../domain/requests/list-requests';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { requests: dynamoRequestReader, clock: systemClock };

export const handler = httpRoute(routeNamed('list-requests'), async ({ query }) => ({
  body: await listRequests(deps, query.status),
}));
