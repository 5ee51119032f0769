import { dynamoExports } from '../adapters/export-repository';
import { systemClock } from '../adapters/system';
import { viewExport } from '../domain/exports/list-exports';
import { httpRoute } from '../http/route-handler';
import { viewExport as route } from '../routes/exports';

const deps = { exports: dynamoExports, clock: systemClock };

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await viewExport(deps, actor, params.exportId),
}));
