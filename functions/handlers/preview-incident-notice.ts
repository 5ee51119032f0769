import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { previewNotice } from '../domain/incidents/notify';
import { httpRoute } from '../http/route-handler';
import { previewIncidentNotice as route } from '../routes/incident-notices';

const deps = { incidents: dynamoIncidents, accessLog: dynamoAccessLog, clock: systemClock, company: company() };

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await previewNotice(deps, actor, params.incidentId),
}));
