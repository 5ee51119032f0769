import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoAccessAlerts } from '../adapters/access-monitoring-repository';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { incidentOfAlert } from '../domain/incidents/from-alert';
import { listAccessAlerts } from '../domain/monitoring/alerts';
import { httpRoute } from '../http/route-handler';
import { listAccessAlerts as route } from '../routes/access-log';

const deps = {
  alerts: dynamoAccessAlerts,
  incidentOf: (alert: Parameters<typeof incidentOfAlert>[1]) => incidentOfAlert(dynamoIncidents, alert),
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ actor }) => ({
  body: { items: await listAccessAlerts(deps, actor) },
}));
