// POST /local/sign-in and POST /local/password: the local stand-in for the Cognito sign-in. It checks
// the password against the staff table, applies the desk's password rules, and issues an ID token
// with the claims Cognito would put in it, signed with a key that lives only as long as this process.
// It exists only in the local runtime.
import { randomBytes } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { jwtVerify, SignJWT } from 'jose';
import { dynamo, tableName } from '../functions/adapters/clients';
import { hashLocalPassword, localPasswordMatches } from '../functions/adapters/staff-identity-local';
import type { StaffMember } from '../functions/domain/staff';
import {
  LOCAL_SIGN_IN_LOCK_MINUTES,
  LOCAL_SIGN_IN_MAX_FAILURES,
  PASSWORD_MIN_LENGTH,
  passwordExpired,
  passwordMaxAgeDays,
} from '../functions/domain/staff-passwords';

export { hashLocalPassword, localPasswordMatches };

/**
 * What a password is checked against when the username has no account (or the account no password):
 * a scrypt hash of a random password, so an unknown name costs the same hashing as a known one and
 * the time of the answer does not tell them apart.
 */
export const DUMMY_PASSWORD_HASH = hashLocalPassword(randomBytes(24).toString('base64url'));

/** Bounds the scrypt input; the user pool allows at most 256 characters too. */
const PASSWORD_MAX_LENGTH = 256;

export const LOCAL_ISSUER = 'appi-desk-local';
const TOKEN_LIFETIME_SECONDS = 60 * 60;

export class LocalTokenIssuer {
  private readonly key = randomBytes(32);

  async issue(staff: StaffMember): Promise<{ idToken: string; expiresIn: number }> {
    const idToken = await new SignJWT({
      'cognito:username': staff.staffId,
      'cognito:groups': [staff.role],
      email: staff.email,
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(staff.staffId)
      .setIssuer(LOCAL_ISSUER)
      .setAudience('appi-desk-local-client')
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_LIFETIME_SECONDS}s`)
      .sign(this.key);
    return { idToken, expiresIn: TOKEN_LIFETIME_SECONDS };
  }

  /** What API Gateway's Cognito authorizer does: verify, then pass the claims on as strings. */
  async claims(token: string): Promise<Record<string, string> | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: LOCAL_ISSUER,
        audience: 'appi-desk-local-client',
      });
      return Object.fromEntries(
        Object.entries(payload).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
      );
    } catch {
      return undefined;
    }
  }
}

/** What the local sign-in keeps on a staff item besides the account itself. */
export interface LocalSignInState {
  localPasswordHash?: string;
  /** Set on a new account's temporary password: it must be changed before signing in. */
  passwordMustChange?: boolean;
  failedSignIns?: number;
  lockedUntil?: string;
}

type StoredStaff = StaffMember & LocalSignInState;

const accountLockedUntil = (staff: StoredStaff, now: Date) =>
  staff.lockedUntil && Date.parse(staff.lockedUntil) > now.getTime() ? new Date(staff.lockedUntil) : undefined;

/** Entries kept for unknown names at most; the oldest goes first. A lock lasts minutes, so this is plenty locally. */
const UNKNOWN_NAMES_KEPT = 10_000;

/**
 * Wrong passwords against usernames with no account, counted and locked exactly as an account's
 * are, so that the answers (401, then 423 with Retry-After) do not reveal which names exist. Kept
 * apart from the staff table: an unknown name never adds a staff item, and never counts against
 * an account, not even one created under that name later. In this process's memory, like the
 * token key: the local runtime is one process.
 */
export class UnknownNameAttempts {
  private readonly entries = new Map<string, { failures: number; lockedUntil?: number }>();

  constructor(private readonly capacity = UNKNOWN_NAMES_KEPT) {}

  lockedUntil(username: string, now: Date): Date | undefined {
    const until = this.entries.get(username)?.lockedUntil;
    return until !== undefined && until > now.getTime() ? new Date(until) : undefined;
  }

  /** Counts a wrong password; answers the count since the last lock. */
  fail(username: string): number {
    const failures = (this.entries.get(username)?.failures ?? 0) + 1;
    this.keep(username, { failures });
    return failures;
  }

  /** As an account's lock: the count starts again. */
  lock(username: string, until: Date): void {
    this.keep(username, { failures: 0, lockedUntil: until.getTime() });
  }

  private keep(username: string, entry: { failures: number; lockedUntil?: number }): void {
    this.entries.delete(username);
    this.entries.set(username, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** A refusal as the gateway sends it: problem+json with this status. */
export interface SignInRefusal {
  status: number;
  title: string;
  detail: string;
  headers?: Record<string, string>;
  /** What the console needs to say it in the person's words (RFC 9457 §3.2 extension members). */
  extensions?: Record<string, string>;
}

const refusal = (
  status: number,
  title: string,
  detail: string,
  headers?: Record<string, string>,
  extensions?: Record<string, string>,
): { refusal: SignInRefusal } => ({
  refusal: { status, title, detail, ...(headers ? { headers } : {}), ...(extensions ? { extensions } : {}) },
});
const wrongPassword = () => refusal(401, 'Sign-in failed', 'Wrong username or password.');
const locked = (until: Date, now: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return refusal(
    423,
    'Account locked',
    `Too many wrong passwords: this account is locked until ${until.toISOString()} (desk policy: ${LOCAL_SIGN_IN_MAX_FAILURES} wrong passwords lock it for ${LOCAL_SIGN_IN_LOCK_MINUTES} minutes). Try again then, or ask the Information Security Officer.`,
    { 'retry-after': String(seconds) },
    // The end of the lock as an instant: the console says it in Japan time, in the person's language.
    { lockedUntil: until.toISOString() },
  );
};
const CHANGE_IT = `Change it with POST /local/password {"username", "password", "newPassword"} (at least ${PASSWORD_MIN_LENGTH} characters), then sign in with the new one.`;

/**
 * The local sign-in's rules, against the staff table: a lock after repeated wrong passwords, the
 * account's status, a temporary password to change first, and the maximum password age (policy
 * §6(1)), the same rule the pre-authentication trigger applies in AWS. Every state change is a
 * conditional update, so two sign-ins at once cannot lose a failure or unlock early.
 */
export class LocalSignIn {
  private readonly unknownNames = new UnknownNameAttempts();

  constructor(
    private readonly maxAgeDays = passwordMaxAgeDays(process.env.DESK_PASSWORD_MAX_AGE_DAYS),
    private readonly clock: () => Date = () => new Date(),
    private readonly passwordMatches: (password: string, stored: string | undefined) => boolean = localPasswordMatches,
  ) {}

  /** The account, once the password is right and nothing bars it; else the refusal. */
  async verify(username: string, password: string): Promise<{ staff: StoredStaff } | { refusal: SignInRefusal }> {
    const now = this.clock();
    const { Item } = await dynamo().send(
      new GetCommand({ TableName: tableName('staff'), Key: { staffId: username }, ConsistentRead: true }),
    );
    const staff = Item as StoredStaff | undefined;
    // An unknown name takes every step a known one does, on its own lock, so no answer or its time tells them apart.
    const lockedUntil = staff ? accountLockedUntil(staff, now) : this.unknownNames.lockedUntil(username, now);
    if (lockedUntil) return locked(lockedUntil, now);
    const hash = staff?.localPasswordHash;
    const matches = this.passwordMatches(password, hash ?? DUMMY_PASSWORD_HASH);
    if (!matches || !staff || hash === undefined) return this.failed(username, now);
    if (staff.status !== 'active')
      return refusal(403, 'Account disabled', 'This staff account is disabled. Ask the Information Security Officer.');
    if (staff.failedSignIns || staff.lockedUntil) await this.clearFailures(staff.staffId);
    return { staff };
  }

  async signIn(username: string, password: string): Promise<{ staff: StoredStaff } | { refusal: SignInRefusal }> {
    const verified = await this.verify(username, password);
    if ('refusal' in verified) return verified;
    const { staff } = verified;
    if (staff.passwordMustChange)
      return refusal(403, 'Password change required', `This is a temporary password. ${CHANGE_IT}`);
    if (passwordExpired(staff.passwordChangedAt, this.clock(), this.maxAgeDays)) {
      return refusal(
        403,
        'Password expired',
        `Your password is older than ${this.maxAgeDays} days (desk policy: passwords are changed periodically). ${CHANGE_IT}`,
      );
    }
    return verified;
  }

  /** POST /local/password: sets a new password, even an expired one's replacement, once the old one is right. */
  async changePassword(
    username: string,
    password: string,
    newPassword: string,
  ): Promise<{ passwordChangedAt: string } | { refusal: SignInRefusal }> {
    if (newPassword.length < PASSWORD_MIN_LENGTH || newPassword.length > PASSWORD_MAX_LENGTH) {
      return refusal(
        422,
        'Password too short',
        `The new password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long, as the staff user pool requires.`,
        undefined,
        { minLength: String(PASSWORD_MIN_LENGTH), maxLength: String(PASSWORD_MAX_LENGTH) },
      );
    }
    if (newPassword === password)
      return refusal(422, 'Password unchanged', 'The new password must differ from the current one.');
    const verified = await this.verify(username, password);
    if ('refusal' in verified) return verified;
    const passwordChangedAt = this.clock().toISOString();
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName('staff'),
          Key: { staffId: username },
          UpdateExpression:
            'SET localPasswordHash = :new, passwordChangedAt = :at REMOVE passwordMustChange, failedSignIns, lockedUntil',
          ConditionExpression: 'localPasswordHash = :old',
          ExpressionAttributeValues: {
            ':new': hashLocalPassword(newPassword),
            ':at': passwordChangedAt,
            ':old': verified.staff.localPasswordHash,
          },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      return refusal(
        409,
        'Password changed meanwhile',
        'The password was changed while you were changing it. Sign in with the newest password.',
      );
    }
    return { passwordChangedAt };
  }

  /**
   * Counts a wrong password and locks at the limit. For an unknown name the same conditional updates
   * are sent (they fail their condition on the missing item and write nothing, but take the same
   * round trips) and the count is kept apart.
   */
  private async failed(username: string, now: Date): Promise<{ refusal: SignInRefusal }> {
    let failures: number;
    let known = true;
    try {
      const { Attributes } = await dynamo().send(
        new UpdateCommand({
          TableName: tableName('staff'),
          Key: { staffId: username },
          UpdateExpression: 'ADD failedSignIns :one',
          ConditionExpression: 'attribute_exists(staffId)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      failures = Number(Attributes?.failedSignIns ?? 0);
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      // No account under this name: counted apart, never against an account.
      known = false;
      failures = this.unknownNames.fail(username);
    }
    if (failures < LOCAL_SIGN_IN_MAX_FAILURES) return wrongPassword();
    const until = new Date(now.getTime() + LOCAL_SIGN_IN_LOCK_MINUTES * 60_000);
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: tableName('staff'),
          Key: { staffId: username },
          UpdateExpression: 'SET lockedUntil = :until, failedSignIns = :zero',
          // Only the failure that reached the limit locks; a racing one that saw a higher count finds it reset.
          ConditionExpression: 'failedSignIns = :failures',
          ExpressionAttributeValues: { ':until': until.toISOString(), ':zero': 0, ':failures': failures },
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
    if (!known) this.unknownNames.lock(username, until);
    return locked(until, now);
  }

  private async clearFailures(staffId: string): Promise<void> {
    await dynamo().send(
      new UpdateCommand({
        TableName: tableName('staff'),
        Key: { staffId },
        UpdateExpression: 'REMOVE failedSignIns, lockedUntil',
      }),
    );
  }
}
