import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { verifyRepresentative } from '../domain/requests/verify-representative';
import { httpRoute } from '../http/route-handler';
import { verifyRepresentative as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  accessLog: dynamoAccessLog,
  writer: dynamoDeskWriter,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await verifyRepresentative(deps, actor, params.requestId, body),
}));
