import { company } from '../adapters/company';
import { dynamoExports } from '../adapters/export-repository';
import { dynamoStaffDirectory } from '../adapters/staff-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { decideExport } from '../domain/exports/decide-export';
import { httpRoute } from '../http/route-handler';
import { decideExport as route } from '../routes/exports';

const deps = {
  exports: dynamoExports,
  staff: dynamoStaffDirectory,
  clock: systemClock,
  company: company(),
  secrets: cryptoSecrets,
};

export const handler = httpRoute(route, async ({ params, body, actor, publicBaseUrl }) => ({
  body: await decideExport(deps, actor, params.exportId, body, publicBaseUrl),
}));
