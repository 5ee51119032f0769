import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoIncidents } from '../adapters/incident-repository';
import { dynamoSubjectAddresses } from '../adapters/subject-address-book';
import { systemClock } from '../adapters/system';
import { notifyPersons } from '../domain/incidents/notify';
import { httpRoute } from '../http/route-handler';
import { notifyIncidentPersons as route } from '../routes/incident-notices';

const deps = {
  incidents: dynamoIncidents,
  addresses: dynamoSubjectAddresses,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  company: company(),
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await notifyPersons(deps, actor, params.incidentId, body),
}));
