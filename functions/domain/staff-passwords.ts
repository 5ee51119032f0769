// Staff passwords (policy §6(1): periodic password changes). The user pool enforces length and
// history; the desk adds a maximum age, refused at sign-in in AWS (pre-authentication trigger) and
// locally (local/staff-sign-in.ts) alike.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Desk policy under policy §6(1) "periodic password changes": a password is changed at least this often. DESK_PASSWORD_MAX_AGE_DAYS, CDK context passwordMaxAgeDays. */
export const PASSWORD_MAX_AGE_DAYS = 90;
/** Desk policy: the longest maximum age a deployment may set (one year); longer is no periodic change. */
export const PASSWORD_MAX_AGE_DAYS_LIMIT = 365;
/** CIS AWS Foundations Benchmark (IAM password policy, minimum length 14); the user pool's minLength and the local sign-in's. */
export const PASSWORD_MIN_LENGTH = 14;
/** Desk policy: wrong passwords in a row before the local sign-in locks the account. */
export const LOCAL_SIGN_IN_MAX_FAILURES = 5;
/** Desk policy: how long the local sign-in stays locked after too many wrong passwords. */
export const LOCAL_SIGN_IN_LOCK_MINUTES = 15;

/** Reads DESK_PASSWORD_MAX_AGE_DAYS; unset means the desk policy's 90 days. A bad value fails the start. */
export function passwordMaxAgeDays(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return PASSWORD_MAX_AGE_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > PASSWORD_MAX_AGE_DAYS_LIMIT) {
    throw new Error(
      `DESK_PASSWORD_MAX_AGE_DAYS must be a whole number of days from 1 to ${PASSWORD_MAX_AGE_DAYS_LIMIT}, not "${value}"`,
    );
  }
  return days;
}

/** When a password set at passwordChangedAt must be changed. */
export function passwordExpiresAt(passwordChangedAt: string, maxAgeDays: number): Date {
  return new Date(Date.parse(passwordChangedAt) + maxAgeDays * DAY_MS);
}

/** True once the password is maxAgeDays old; an unknown or unreadable change date counts as expired. */
export function passwordExpired(passwordChangedAt: string | undefined, now: Date, maxAgeDays: number): boolean {
  if (!passwordChangedAt || Number.isNaN(Date.parse(passwordChangedAt))) return true;
  return now.getTime() >= passwordExpiresAt(passwordChangedAt, maxAgeDays).getTime();
}
