import { dynamoAudits } from '../adapters/audit-repository';
import { systemClock } from '../adapters/system';
import { viewAuditReport } from '../domain/audits/register';
import { httpRoute } from '../http/route-handler';
import { viewAuditReport as route } from '../routes/audits';

export const handler = httpRoute(route, async ({ params }) => ({
  body: await viewAuditReport(dynamoAudits, params.auditId, systemClock.now()),
}));
