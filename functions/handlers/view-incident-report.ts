import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { viewIncidentReport } from '../domain/incidents/ppc-reports';
import { httpRoute } from '../http/route-handler';
import { viewIncidentReport as route } from '../routes/incident-reports';

const deps = { incidents: dynamoIncidents, accessLog: dynamoAccessLog, clock: systemClock, company: company() };

export const handler = httpRoute(route, async ({ params, query, actor }) => ({
  body: await viewIncidentReport(deps, actor, params.incidentId, params.kind, query.version),
}));
