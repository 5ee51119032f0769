// Scheduled every DESK_ACCESS_LOG_DIGEST_MINUTES: writes the chain heads as a new locked digest, once per interval.
import { ACCESS_LOG_RETENTION, dynamoAccessLogChains } from '../adapters/access-log-repository';
import { s3DigestStore } from '../adapters/audit-bucket';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { accessLogDigestMinutes, writeAccessLogDigest } from '../domain/access-log/digest';

const deps = {
  chains: dynamoAccessLogChains,
  digests: s3DigestStore,
  clock: systemClock,
  retentionSeconds: ACCESS_LOG_RETENTION,
  // Read at load, so a bad setting fails the function's start.
  intervalMinutes: accessLogDigestMinutes(process.env.DESK_ACCESS_LOG_DIGEST_MINUTES),
};

export const handler = async () => {
  const outcome = await writeAccessLogDigest(deps);
  if (outcome.written)
    logger.info('Access-log digest written', { slot: outcome.digest.slot, chains: outcome.digest.chains.length });
  return outcome.written ? { written: true, slot: outcome.digest.slot } : outcome;
};
