import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { recordPosting } from '../domain/requests/types/disclosure/paper-disclosure';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { requests: dynamoRequestReader, accessLog: dynamoAccessLog, writer: dynamoDeskWriter, secrets: cryptoSecrets, clock: systemClock };

export const handler = httpRoute(routeNamed('record-posting'), async ({ params, body, actor }) => ({
  body: await recordPosting(deps, actor, params.requestId, body),
}));
