import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoAccessAlerts } from '../adapters/access-monitoring-repository';
import { preliminaryReportDays } from '../adapters/desk-settings';
import { dynamoIncidents, dynamoRegisteredSubjects } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { reportDeadlines } from '../domain/incidents/deadlines';
import { openIncidentFromAlert } from '../domain/incidents/from-alert';
import { httpRoute } from '../http/route-handler';
import { openIncidentFromAlert as route } from '../routes/access-log';

/** DESK_PRELIMINARY_REPORT_DESK_DAYS, read at load so a bad setting fails the function's start. */
const preliminaryDays = preliminaryReportDays();

const deps = {
  alerts: dynamoAccessAlerts,
  incidents: dynamoIncidents,
  registry: dynamoRegisteredSubjects,
  deadlines: {
    deadlines: async (awareAt: string, factors: Parameters<typeof reportDeadlines>[1]) =>
      reportDeadlines(new Date(awareAt), factors, preliminaryDays),
  },
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, actor }) => ({
  status: 201,
  body: await openIncidentFromAlert(deps, actor, params.alertId),
}));
