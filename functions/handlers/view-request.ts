import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSubjectFinder } from '../adapters/holdings-repository';
import { dynamoIncidents } from '../adapters/incident-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { dynamoTaskTracker } from '../adapters/task-tracking-repository';
import { viewRequest } from '../domain/requests/view-request';
import { httpRoute } from '../http/route-handler';
import { viewRequest as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  subjects: dynamoSubjectFinder,
  recipients: dynamoRecipients,
  tasks: dynamoTaskTracker,
  incidents: dynamoIncidents,
};

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await viewRequest(deps, actor, params.requestId),
}));
