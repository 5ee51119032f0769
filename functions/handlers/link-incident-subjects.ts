import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { preliminaryReportDays } from '../adapters/desk-settings';
import { dynamoIncidents, dynamoRegisteredSubjects } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { linkIncidentSubjects } from '../domain/incidents/register';
import { httpRoute } from '../http/route-handler';
import { linkIncidentSubjects as route } from '../routes/incidents';

// The preliminary report's desk days are a deployment setting, read at load: a bad one stops the function.
const deps = {
  incidents: dynamoIncidents,
  registry: dynamoRegisteredSubjects,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  preliminaryDeskDays: preliminaryReportDays(),
  deskHours: company().desk.hours,
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await linkIncidentSubjects(deps, actor, params.incidentId, body),
}));
