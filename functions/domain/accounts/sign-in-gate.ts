// The user pool's sign-in, checked against the staff table by Cognito triggers: a
// disabled account is refused, and a password past its maximum age (policy §6(1) periodic password
// changes) is reset so that the person must set a new one with an e-mailed code before signing in.
import type { Clock } from '../kernel/ports';
import type { StaffDirectory } from '../staff';
import { passwordExpired } from '../staff-passwords';

/** Refuses the sign-in; Cognito shows the message to the person. */
export class SignInRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInRefused';
  }
}

export interface PasswordReset {
  /** Invalidates the password; the identity provider e-mails a code to set a new one. */
  requireNewPassword(staffId: string): Promise<void>;
}

export interface SignInGateDeps {
  staff: StaffDirectory;
  passwords: PasswordReset;
  clock: Clock;
  maxAgeDays: number;
}

export async function admitSignIn(deps: SignInGateDeps, staffId: string): Promise<void> {
  const member = await deps.staff.get(staffId);
  if (member?.status !== 'active') {
    throw new SignInRefused('This staff account is disabled. Ask the Information Security Officer if you need access.');
  }
  if (passwordExpired(member.passwordChangedAt, deps.clock.now(), deps.maxAgeDays)) {
    await deps.passwords.requireNewPassword(staffId);
    throw new SignInRefused(
      `Your password is older than ${deps.maxAgeDays} days and must be changed (desk policy). A code has been e-mailed to you: choose "Forgot password", enter the code and set a new password.`,
    );
  }
}

export interface PasswordChanges {
  /** Sets passwordChangedAt of a staff account, if the staff table has it. */
  record(staffId: string, at: string): Promise<void>;
}

/** After the person set a new password with the e-mailed code, its age counts from now. */
export async function recordPasswordChange(
  deps: { passwords: PasswordChanges; clock: Clock },
  staffId: string,
): Promise<void> {
  await deps.passwords.record(staffId, deps.clock.now().toISOString());
}
