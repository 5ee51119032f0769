import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { getRequestStatus } from '../domain/requests/get-request-status';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { requests: dynamoRequestReader, clock: systemClock };

export const handler = httpRoute(routeNamed('get-request-status'), async ({ params, bearer }) => ({
  body: await getRequestStatus(deps, params.requestId, bearer),
}));
