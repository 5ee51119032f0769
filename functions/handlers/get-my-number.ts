import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSubjectFinder } from '../adapters/holdings-repository';
import { dynamoMyNumberReader } from '../adapters/my-number-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { readMyNumber } from '../domain/my-number/read-my-number';
import { httpRoute } from '../http/route-handler';
import { getMyNumber as route } from '../routes/my-number';

const deps = {
  myNumbers: dynamoMyNumberReader,
  requests: dynamoRequestReader,
  subjects: dynamoSubjectFinder,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, query, actor }) => ({
  body: await readMyNumber(deps, actor, params.subjectId, query),
}));
