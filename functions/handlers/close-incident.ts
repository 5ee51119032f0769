import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { closeIncident } from '../domain/incidents/register';
import { httpRoute } from '../http/route-handler';
import { closeIncident as route } from '../routes/incidents';

const deps = { incidents: dynamoIncidents, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await closeIncident(deps, actor, params.incidentId, body),
}));
