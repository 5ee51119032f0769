import { dynamoExports } from '../adapters/export-repository';
import { systemClock } from '../adapters/system';
import { listExports } from '../domain/exports/list-exports';
import { httpRoute } from '../http/route-handler';
import { listExports as route } from '../routes/exports';

const deps = { exports: dynamoExports, clock: systemClock };

export const handler = httpRoute(route, async ({ query, actor }) => ({
  body: await listExports(deps, actor, query.status),
}));
