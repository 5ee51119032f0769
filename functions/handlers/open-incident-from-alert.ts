import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoAccessAlerts } from '../adapters/access-monitoring-repository';
import { company } from '../adapters/company';
import { preliminaryReportDays } from '../adapters/desk-settings';
import { dynamoIncidents, dynamoRegisteredSubjects } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { openIncidentFromAlert } from '../domain/incidents/from-alert';
import { httpRoute } from '../http/route-handler';
import { openIncidentFromAlert as route } from '../routes/access-log';

// The preliminary report's desk days are a deployment setting, read at load: a bad one stops the function.
const deps = {
  alerts: dynamoAccessAlerts,
  incidents: dynamoIncidents,
  registry: dynamoRegisteredSubjects,
  preliminaryDeskDays: preliminaryReportDays(),
  deskHours: company().desk.hours,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, actor }) => ({
  status: 201,
  body: await openIncidentFromAlert(deps, actor, params.alertId),
}));
