import { dynamoAudits } from '../adapters/audit-repository';
import { httpRoute } from '../http/route-handler';
import { listAudits as route } from '../routes/audits';

export const handler = httpRoute(route, async () => ({ body: { audits: await dynamoAudits.list() } }));
