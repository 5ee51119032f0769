// Scheduled hourly: the first run of each Japan day writes the previous day's digest of the chain heads.
import { ACCESS_LOG_RETENTION, dynamoAccessLogChains } from '../adapters/access-log-repository';
import { s3DigestStore } from '../adapters/audit-bucket';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { writeAccessLogDigest } from '../domain/access-log-digest';

const deps = { chains: dynamoAccessLogChains, digests: s3DigestStore, clock: systemClock, retentionSeconds: ACCESS_LOG_RETENTION };

export const handler = async () => {
  const outcome = await writeAccessLogDigest(deps);
  if (outcome.written) logger.info('Access-log digest written', { date: outcome.digest.date, chains: outcome.digest.chains.length });
  return outcome.written ? { written: true, date: outcome.digest.date } : outcome;
};
