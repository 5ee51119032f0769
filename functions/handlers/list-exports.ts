import { dynamoExports } from '../adapters/export-repository';
import { systemClock } from '../adapters/system';
import { listExports } from '../domain/exports/list-exports';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { exports: dynamoExports, clock: systemClock };

export const handler = httpRoute(routeNamed('list-exports'), async ({ query, actor }) => ({
  body: await listExports(deps, actor, query.status),
}));
