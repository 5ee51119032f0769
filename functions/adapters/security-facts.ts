// The deployment's settings the notice's security measures state, read with the same functions that
// enforce them, so the notice cannot say one thing while the desk does another.
import { accessLogRetentionSeconds } from '../domain/access-log/entry';
import { SECONDS } from '../domain/kernel/law';
import type { SecurityMeasureFacts } from '../domain/safeguards/security-measures';
import { passwordMaxAgeDays } from '../domain/staff-passwords';

/** DESK_STAFF_IP_ALLOW_LIST: 'on' where CDK set the WAF's staff allow list (context staffAllowedCidrs). */
export const STAFF_IP_ALLOW_LIST_ENV = 'DESK_STAFF_IP_ALLOW_LIST';

export function securityMeasureFacts(env: NodeJS.ProcessEnv = process.env): SecurityMeasureFacts {
  return {
    accessLogRetentionDays: accessLogRetentionSeconds(env.DESK_ACCESS_LOG_RETENTION_DAYS) / SECONDS.DAY,
    passwordMaxAgeDays: passwordMaxAgeDays(env.DESK_PASSWORD_MAX_AGE_DAYS),
    staffIpAllowList: env[STAFF_IP_ALLOW_LIST_ENV] === 'on',
    region: env.AWS_REGION?.trim() || undefined,
  };
}
