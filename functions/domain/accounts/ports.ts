// What the account use cases need: the staff table (the directory every staff call checks) and the
// identity provider that signs staff in (the Cognito user pool in AWS, the staff table locally).
import type { OutboxMessage } from '../outbox';
import type { StaffDirectory, StaffMember, StaffRole } from '../staff';

/** The fields an account change sets; a field left undefined is removed (e.g. disabledAt on re-enabling). */
export type AccountFields = Pick<
  StaffMember,
  | 'role'
  | 'status'
  | 'disabledAt'
  | 'disabledBy'
  | 'disabledReason'
  | 'roleGrantedAt'
  | 'roleGrantedBy'
  | 'roleConfirmedAt'
  | 'roleConfirmedBy'
  | 'pendingOfficerGrant'
>;

export type AccountWrite =
  | { kind: 'create'; account: StaffMember & { version: number }; signIn: Record<string, unknown> }
  | { kind: 'update'; staffId: string; expectedVersion: number; fields: AccountFields };

/** The new account's e-mail address is already another account's (the table holds one claim per address). */
export class EmailInUseError extends Error {
  constructor() {
    super('The e-mail address belongs to another staff account');
    this.name = 'EmailInUseError';
  }
}

export interface StaffAccountStore extends StaffDirectory {
  list(): Promise<StaffMember[]>;
  /**
   * Writes the account and its e-mails all or nothing, and only while `officer` is still an active
   * officer (so two officers disabling each other cannot both win). A new account must not exist
   * yet; a change needs the account still at expectedVersion. Otherwise StaleWriteError. A new
   * account also claims its normalised e-mail address in the same transaction: EmailInUseError when
   * another account holds it.
   */
  commit(write: AccountWrite, officer: string, messages: OutboxMessage[], at: string): Promise<void>;
}

export interface NewSignIn {
  /** What the staff table keeps for signing in (the local runtime's password hash); empty for Cognito. */
  signIn: Record<string, unknown>;
  /** E-mails to go with the account (the local temporary password); Cognito sends its own. */
  messages: OutboxMessage[];
}

export interface StaffIdentityProvider {
  readonly kind: 'cognito' | 'local';
  /** Sets up signing in for a new account; the person must set their own password at first sign-in. */
  create(account: StaffMember, now: Date): Promise<NewSignIn>;
  changeRole(staffId: string, from: StaffRole, to: StaffRole): Promise<void>;
  /** Refuses further sign-ins and ends the sessions already open. */
  disable(staffId: string): Promise<void>;
  enable(staffId: string): Promise<void>;
}
