import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoExportHoldings, dynamoExports } from '../adapters/export-repository';
import { systemClock } from '../adapters/system';
import { downloadExport } from '../domain/exports/download-export';
import { httpRoute } from '../http/route-handler';
import { downloadExport as route } from '../routes/exports';

const deps = { exports: dynamoExports, holdings: dynamoExportHoldings, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, actor }) => {
  const { body, contentType, fileName } = await downloadExport(deps, actor, params.exportId, params.token);
  return {
    body,
    contentType,
    headers: { 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' },
  };
});
