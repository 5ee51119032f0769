import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSubjectHoldings } from '../adapters/holdings-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { searchSubjects } from '../domain/personal-data/search-subjects';
import { httpRoute } from '../http/route-handler';
import { searchSubjects as route } from '../routes/personal-data';

const deps = {
  purposes: dynamoPurposeVersions,
  requests: dynamoRequestReader,
  subjects: dynamoSubjectHoldings,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ query, actor }) => ({
  body: await searchSubjects(deps, actor, query),
}));
