import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { recordReportSubmission } from '../domain/incidents/ppc-reports';
import { httpRoute } from '../http/route-handler';
import { recordReportSubmission as route } from '../routes/incident-reports';

const deps = { incidents: dynamoIncidents, accessLog: dynamoAccessLog, clock: systemClock, company: company() };

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await recordReportSubmission(deps, actor, params.incidentId, params.kind, body),
}));
