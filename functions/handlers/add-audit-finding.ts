import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoAudits } from '../adapters/audit-repository';
import { dynamoStaffDirectory } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { addAuditFinding } from '../domain/audits/register';
import { httpRoute } from '../http/route-handler';
import { addAuditFinding as route } from '../routes/audits';

const deps = { audits: dynamoAudits, staff: dynamoStaffDirectory, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await addAuditFinding(deps, actor, params.auditId, body),
}));
