import { dynamoAccessLogChains } from '../adapters/access-log-repository';
import { s3DigestStore } from '../adapters/audit-bucket';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { verifyAccessLog } from '../domain/access-log/verification';
import { httpRoute } from '../http/route-handler';
import { verifyAccessLog as route } from '../routes/access-log';

const deps = { chains: dynamoAccessLogChains, digests: s3DigestStore, clock: systemClock };

export const handler = httpRoute(route, async ({ body }) => {
  const result = await verifyAccessLog(deps, body?.from ? { from: body.from } : {});
  // Where the log broke names no person and no data value; kept in the function's log for the record.
  if (!result.verified) logger.warn('Access log verification failed', { ...result.firstBrokenLink });
  return { body: result };
});
