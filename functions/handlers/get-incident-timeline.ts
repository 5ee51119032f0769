import { dynamoIncidentTimelineSearch } from '../adapters/access-log-repository';
import { dynamoIncidents } from '../adapters/incident-repository';
import { systemClock } from '../adapters/system';
import { incidentTimeline } from '../domain/incidents/timeline';
import { httpRoute } from '../http/route-handler';
import { getIncidentTimeline as route } from '../routes/access-log';

const deps = { incidents: dynamoIncidents, search: dynamoIncidentTimelineSearch, clock: systemClock };

export const handler = httpRoute(route, async ({ params, query }) => ({
  body: await incidentTimeline(deps, params.incidentId, query.before),
}));
