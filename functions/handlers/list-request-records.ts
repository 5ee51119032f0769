import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoHoldingsReader } from '../adapters/holdings-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { requestRecords } from '../domain/requests/request-records';
import { httpRoute } from '../http/route-handler';
import { listRequestRecords as route } from '../routes/request-details';

const deps = {
  requests: dynamoRequestReader,
  holdings: dynamoHoldingsReader,
  purposes: dynamoPurposeVersions,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await requestRecords(deps, actor, params.requestId),
}));
