import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { getRequestStatus } from '../domain/requests/get-request-status';
import { httpRoute } from '../http/route-handler';
import { getRequestStatus as route } from '../routes/requests';

const deps = { requests: dynamoRequestReader, clock: systemClock };

export const handler = httpRoute(route, async ({ params, bearer }) => ({
  body: await getRequestStatus(deps, params.requestId, bearer),
}));
