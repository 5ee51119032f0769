import { dynamoExports } from '../adapters/export-repository';
import { dynamoStaffDirectory } from '../adapters/staff-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { decideExport } from '../domain/exports/decide-export';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { exports: dynamoExports, staff: dynamoStaffDirectory, clock: systemClock, secrets: cryptoSecrets };

export const handler = httpRoute(routeNamed('decide-export'), async ({ params, body, actor, publicBaseUrl }) => ({
  body: await decideExport(deps, actor, params.exportId, body, publicBaseUrl),
}));
