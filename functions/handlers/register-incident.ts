import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { preliminaryReportDays } from '../adapters/desk-settings';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { registerIncident } from '../domain/incidents/register';
import { httpRoute } from '../http/route-handler';
import { registerIncident as route } from '../routes/incidents';

// The preliminary report's desk days are a deployment setting, read at load: a bad one stops the function.
const deps = {
  incidents: dynamoIncidents,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  preliminaryDeskDays: preliminaryReportDays(),
  deskHours: company().desk.hours,
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await registerIncident(deps, actor, params.incidentId, body),
}));
