import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { verifyRepresentative } from '../domain/requests/verify-representative';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { requests: dynamoRequestReader, accessLog: dynamoAccessLog, writer: dynamoDeskWriter, clock: systemClock };

export const handler = httpRoute(routeNamed('verify-representative'), async ({ params, body, actor }) => ({
  body: await verifyRepresentative(deps, actor, params.requestId, body),
}));
