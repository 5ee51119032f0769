import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoAudits } from '../adapters/audit-repository';
import { company } from '../adapters/company';
import { dynamoIncidents } from '../adapters/incident-repository';
import { listUndeliverable } from '../adapters/outbox-repository';
import { dynamoHolderProgress } from '../adapters/overdue-fulfilment-repository';
import { dynamoRequestReportReader } from '../adapters/request-report-repository';
import { systemClock } from '../adapters/system';
import { requestReport } from '../domain/requests/request-report';
import { httpRoute } from '../http/route-handler';
import { getRequestReport as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReportReader,
  outbox: { undeliverable: listUndeliverable },
  holders: dynamoHolderProgress,
  incidents: dynamoIncidents,
  audits: dynamoAudits,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  deskHours: company().desk.hours,
};

export const handler = httpRoute(route, async ({ query, actor }) => ({
  body: await requestReport(deps, query, actor),
}));
