// POST /v1/staff/accounts: the officer creates a staff account. The identity provider sets up the
// sign-in first: a user-pool user without a staff entry can do nothing (staff-auth refuses it), and
// the local sign-in's temporary password must commit with the staff entry. The person sets their own
// password at first sign-in. An account asked for as officer while another officer is active starts
// with the interim role and the officer grant pending (officer-grant.ts).
import { deskContact } from '../company';
import { DeskProblem, StaleWriteError } from '../kernel/problems';
import { normalisedStaffEmail, type StaffActor, type StaffMember, type StaffRole } from '../staff';
import {
  type AccountDeps,
  accountAlertRecipients,
  accountView,
  logAccountAccess,
  staffSubject,
} from './account-changes';
import { accountChangeMessage } from './messages';
import {
  officerGrantNeedsConfirmation,
  PENDING_OFFICER_INTERIM_ROLE,
  pendingGrantWords,
  pendingOfficerGrant,
  soleOfficerGrantWords,
} from './officer-grant';
import { EmailInUseError } from './ports';

export interface NewAccount {
  staffId: string;
  displayName: string;
  email: string;
  role: StaffRole;
}

const emailInUse = () =>
  new DeskProblem(
    'conflict',
    'E-mail in use',
    'email: another staff account has this address. Each account needs the address of the person who signs in with it, so the temporary password and the account e-mails reach them and nobody else.',
    undefined,
    { slug: 'e-mail-in-use' },
  );

const exists = (staffId: string) =>
  new DeskProblem(
    'conflict',
    'Account exists',
    `There is already a staff account "${staffId}". Choose another staff id, or change that account's role.`,
    undefined,
    { slug: 'account-exists' },
  );

export async function createAccount(deps: AccountDeps, actor: StaffActor, input: NewAccount) {
  const now = deps.clock.now();
  const at = now.toISOString();
  if (await deps.accounts.get(input.staffId)) throw exists(input.staffId);
  // Early and clear for accounts made before addresses were claimed; the commit's claim decides races.
  const address = normalisedStaffEmail(input.email);
  if ((await deps.accounts.list()).some((a) => normalisedStaffEmail(a.email) === address)) throw emailInUse();
  const officer = input.role === 'officer';
  const grant =
    officer && (await officerGrantNeedsConfirmation(deps, actor)) ? pendingOfficerGrant(actor, now) : undefined;
  const role = grant ? PENDING_OFFICER_INTERIM_ROLE : input.role;
  await logAccountAccess(
    deps,
    actor,
    'write',
    [staffSubject(input.staffId)],
    ['displayName', 'email', 'role', 'status'],
    grant
      ? `staff account created as ${role}, officer role awaiting another officer`
      : `staff account created as ${role}`,
    at,
  );
  const account: StaffMember & { version: number } = {
    ...input,
    role,
    ...(grant ? { pendingOfficerGrant: grant } : {}),
    status: 'active',
    passwordChangedAt: at,
    version: 1,
    createdAt: at,
    createdBy: actor.staffId,
    roleGrantedAt: at,
    roleGrantedBy: actor.staffId,
  };
  const { signIn, messages } = await deps.identity.create(account, now);
  const notice = accountChangeMessage(
    deps.secrets.id(),
    accountAlertRecipients(deps),
    {
      staffId: input.staffId,
      by: actor.staffId,
      at,
      what: grant
        ? {
            ja: `作成（ロール ${role}）、${pendingGrantWords(input.staffId, grant).ja}`,
            en: `created with the role ${role}; ${pendingGrantWords(input.staffId, grant).en}`,
          }
        : {
            ja: `作成（ロール ${role}${officer ? `、${soleOfficerGrantWords.ja}` : ''}）`,
            en: `created with the role ${role}${officer ? ` (${soleOfficerGrantWords.en})` : ''}`,
          },
    },
    now,
    deskContact(deps.company),
  );
  try {
    await deps.accounts.commit({ kind: 'create', account, signIn }, actor.staffId, [notice, ...messages], at);
  } catch (error) {
    if (error instanceof StaleWriteError) throw exists(input.staffId);
    if (error instanceof EmailInUseError) throw emailInUse();
    throw error;
  }
  return accountView(account);
}
