import { dynamoExports } from '../adapters/export-repository';
import { systemClock } from '../adapters/system';
import { viewExport } from '../domain/exports/list-exports';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { exports: dynamoExports, clock: systemClock };

export const handler = httpRoute(routeNamed('view-export'), async ({ params, actor }) => ({
  body: await viewExport(deps, actor, params.exportId),
}));
