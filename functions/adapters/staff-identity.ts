// Which identity provider the account routes use: the staff user pool when DESK_STAFF_USER_POOL_ID is
// set (AWS), else the staff table as the local sign-in's identity store.
import type { AccountDeps } from '../domain/accounts/account-changes';
import type { StaffIdentityProvider } from '../domain/accounts/ports';
import type { SecretSource } from '../domain/kernel/ports';
import { dynamoAccessLog } from './access-log-repository';
import { company } from './company';
import { officerEmail, securityAlertEmail } from './desk-settings';
import { logger } from './logger';
import { cognitoStaffIdentity } from './staff-identity-cognito';
import { localStaffIdentity } from './staff-identity-local';
import { dynamoStaffAccounts } from './staff-repository';
import { cryptoSecrets, systemClock } from './system';

export function staffIdentity(secrets: SecretSource, env: NodeJS.ProcessEnv = process.env): StaffIdentityProvider {
  const userPoolId = env.DESK_STAFF_USER_POOL_ID?.trim();
  return userPoolId ? cognitoStaffIdentity(userPoolId) : localStaffIdentity(secrets);
}

/** What the account handlers give their use cases; read at load, so a missing setting fails the start. */
export function accountDeps(env: NodeJS.ProcessEnv = process.env): AccountDeps {
  return {
    accounts: dynamoStaffAccounts,
    identity: staffIdentity(cryptoSecrets, env),
    accessLog: dynamoAccessLog,
    clock: systemClock,
    company: company(env),
    secrets: cryptoSecrets,
    officerEmail: officerEmail(env),
    ...(securityAlertEmail(env) ? { securityAlertEmail: securityAlertEmail(env) } : {}),
    warn: (message, details) => logger.warn(message, details),
  };
}
