import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSubjectHoldings } from '../adapters/holdings-repository';
import { dynamoIncidents } from '../adapters/incident-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { systemClock } from '../adapters/system';
import { viewSubject } from '../domain/personal-data/view-subject';
import { httpRoute } from '../http/route-handler';
import { viewSubject as route } from '../routes/personal-data';

const deps = {
  purposes: dynamoPurposeVersions,
  requests: dynamoRequestReader,
  subjects: dynamoSubjectHoldings,
  holdings: dynamoSubjectHoldings,
  lifecycles: dynamoSubjectLifecycles,
  incidents: dynamoIncidents,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, query, actor }) => ({
  body: await viewSubject(deps, actor, params.subjectId, query),
}));
