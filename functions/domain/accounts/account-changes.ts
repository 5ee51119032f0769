// What every change to a staff account shares: only an officer makes it, never to
// their own account; it is access-logged first, committed with an e-mail to the officer on the
// condition that nobody changed the account meanwhile, and only then passed to the identity provider.

import type { AccessLogWriter } from '../access-log/ports';
import { type Company, deskContact } from '../company';
import type { Clock, SecretSource } from '../kernel/ports';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import type { StaffActor, StaffMember } from '../staff';
import { type AccountChangeNotice, accountChangeMessage } from './messages';
import type { AccountFields, StaffAccountStore, StaffIdentityProvider } from './ports';

export interface AccountDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  accounts: StaffAccountStore;
  identity: StaffIdentityProvider;
  accessLog: AccessLogWriter;
  clock: Clock;
  secrets: SecretSource;
  officerEmail: string;
  /**
   * A deployment's second address for account changes (e.g. the group's security team), which no
   * officer controls: one officer alone cannot make an account for themselves unseen.
   */
  securityAlertEmail?: string;
  /** Told (without personal data) when the identity provider failed after the staff table changed. */
  warn: (message: string, details: Record<string, unknown>) => void;
}

/** An account as the account routes show it: no sign-in secrets or counters. */
export function accountView(member: StaffMember) {
  return {
    staffId: member.staffId,
    displayName: member.displayName,
    email: member.email,
    role: member.role,
    status: member.status,
    passwordChangedAt: member.passwordChangedAt,
    version: member.version ?? 0,
    ...(member.createdAt ? { createdAt: member.createdAt, createdBy: member.createdBy } : {}),
    ...(member.roleConfirmedBy
      ? { roleConfirmedAt: member.roleConfirmedAt, roleConfirmedBy: member.roleConfirmedBy }
      : {}),
    ...(member.pendingOfficerGrant ? { pendingOfficerGrant: member.pendingOfficerGrant } : {}),
    ...(member.disabledAt
      ? { disabledAt: member.disabledAt, disabledBy: member.disabledBy, disabledReason: member.disabledReason }
      : {}),
  };
}

export function logAccountAccess(
  deps: Pick<AccountDeps, 'accessLog'>,
  actor: StaffActor,
  action: 'read' | 'write',
  subjects: string[],
  fields: string[],
  reason: string,
  at: string,
) {
  return deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action,
    subjects,
    fields,
    reason,
    sourceIp: actor.sourceIp,
    at,
  });
}

/** Who is told of an account change: the officer's address and, where configured, the security alert address. */
export const accountAlertRecipients = (deps: Pick<AccountDeps, 'officerEmail' | 'securityAlertEmail'>): string[] => [
  deps.officerEmail,
  ...(deps.securityAlertEmail ? [deps.securityAlertEmail] : []),
];

export const staffSubject = (staffId: string) => `staff:${staffId}`;

export function notYourOwn(actor: StaffActor, staffId: string, what: string): void {
  if (actor.staffId === staffId) {
    throw new DeskProblem(
      'unprocessable',
      'Not your own account',
      `You cannot ${what} your own account: the desk must always keep an active Information Security Officer. Ask another officer to do it.`,
      undefined,
      { slug: 'not-your-own-account' },
    );
  }
}

export async function existingAccount(deps: Pick<AccountDeps, 'accounts'>, staffId: string): Promise<StaffMember> {
  const account = await deps.accounts.get(staffId);
  if (!account)
    throw new DeskProblem(
      'not-found',
      'No such account',
      `There is no staff account "${staffId}". GET /v1/staff/accounts lists them.`,
      undefined,
      { slug: 'no-such-account' },
    );
  return account;
}

export const changedMeanwhile = () =>
  new DeskProblem(
    'conflict',
    'Changed meanwhile',
    'Someone changed this account, or your own, while you were changing it. Reload the accounts and try again if it is still needed.',
    undefined,
    { slug: 'changed-meanwhile' },
  );

export interface AccountChange {
  account: StaffMember;
  fields: AccountFields;
  /** Access-log fields and reason. */
  logged: { fields: string[]; reason: string };
  notice: Omit<AccountChangeNotice, 'staffId' | 'by' | 'at'>;
  /** The identity provider's part, after the staff table. */
  identity: (identity: StaffIdentityProvider) => Promise<void>;
}

/**
 * The staff table changes first, conditionally: staff-auth reads it on every call, so the person is
 * refused on the very next call even while the user pool is slow or failing; the user pool follows.
 */
export async function applyAccountChange(deps: AccountDeps, actor: StaffActor, change: AccountChange) {
  const now = deps.clock.now();
  const at = now.toISOString();
  const { account } = change;
  await logAccountAccess(
    deps,
    actor,
    'write',
    [staffSubject(account.staffId)],
    change.logged.fields,
    change.logged.reason,
    at,
  );
  const version = account.version ?? 0;
  const message = accountChangeMessage(
    deps.secrets.id(),
    accountAlertRecipients(deps),
    { ...change.notice, staffId: account.staffId, by: actor.staffId, at },
    now,
    deskContact(deps.company),
  );
  try {
    await deps.accounts.commit(
      { kind: 'update', staffId: account.staffId, expectedVersion: version, fields: change.fields },
      actor.staffId,
      [message],
      at,
    );
  } catch (error) {
    if (error instanceof StaleWriteError) throw changedMeanwhile();
    throw error;
  }
  let signInUpdated = true;
  try {
    await change.identity(deps.identity);
  } catch (error) {
    signInUpdated = false;
    deps.warn('Identity provider not updated after a staff account change', {
      identityProvider: deps.identity.kind,
      errorName: (error as Error).name,
    });
  }
  const changed = { ...account, ...change.fields, version: version + 1 };
  return { ...accountView(changed), signInUpdated };
}
