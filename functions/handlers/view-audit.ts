import { dynamoAudits } from '../adapters/audit-repository';
import { viewAudit } from '../domain/audits/register';
import { httpRoute } from '../http/route-handler';
import { viewAudit as route } from '../routes/audits';

export const handler = httpRoute(route, async ({ params }) => ({
  body: await viewAudit(dynamoAudits, params.auditId),
}));
