// Granted the rows' bucket and the anonymisation table only: no registry table, so it cannot join
// the rows back to anyone (APPI Art. 43(5)).
import { dynamoAccessLog } from '../adapters/access-log-repository';
import { s3DatasetRows } from '../adapters/anonymisation-buckets';
import { dynamoAnonymisation } from '../adapters/anonymisation-repository';
import { systemClock } from '../adapters/system';
import { readRows } from '../domain/anonymisation/reading';
import { httpRoute } from '../http/route-handler';
import { readAnonymisedRows as route } from '../routes/anonymisation';

const deps = { store: dynamoAnonymisation, rows: s3DatasetRows, accessLog: dynamoAccessLog, clock: systemClock };

export const handler = httpRoute(route, async ({ params, query, actor }) => ({
  body: await readRows(deps, actor, params.datasetId, query),
}));
