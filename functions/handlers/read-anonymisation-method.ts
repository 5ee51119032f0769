import { dynamoAccessLog } from '../adapters/access-log-repository';
import { s3ProcessingMethods } from '../adapters/anonymisation-buckets';
import { dynamoAnonymisation } from '../adapters/anonymisation-repository';
import { systemClock } from '../adapters/system';
import { readMethod } from '../domain/anonymisation/reading';
import { httpRoute } from '../http/route-handler';
import { readAnonymisationMethod as route } from '../routes/anonymisation';

const deps = {
  store: dynamoAnonymisation,
  methods: s3ProcessingMethods,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await readMethod(deps, actor, params.datasetId),
}));
