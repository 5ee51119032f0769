import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { listIncidents } from '../domain/incidents/register';
import { httpRoute } from '../http/route-handler';
import { listIncidents as route } from '../routes/incidents';

const deps = { incidents: dynamoIncidents, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ actor }) => ({ body: await listIncidents(deps, actor) }));
