import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { addRequestNote } from '../domain/requests/add-request-note';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { requests: dynamoRequestReader, accessLog: dynamoAccessLog, writer: dynamoDeskWriter, clock: systemClock };

export const handler = httpRoute(routeNamed('add-request-note'), async ({ params, body, actor }) => ({
  body: await addRequestNote(deps, actor, params.requestId, body.text),
}));
