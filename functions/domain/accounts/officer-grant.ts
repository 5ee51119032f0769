// The officer role is not one person's to give (policy §6(1), limiting access privileges): while
// another officer is active, a role change or a new account asking for it leaves it pending, without
// officer powers (staff-auth reads the role from the staff table, which keeps the lesser role), until
// a different officer confirms it with POST /v1/staff/accounts/{staffId}/officer-grant-confirmation.
import { SECONDS } from '../kernel/law';
import { DeskProblem } from '../kernel/problems';
import { formatJapanTime } from '../requests/notifications';
import type { PendingOfficerGrant, StaffActor, StaffMember, StaffRole } from '../staff';
import { type AccountDeps, applyAccountChange, existingAccount } from './account-changes';

/** Desk policy: a grant nobody confirmed within a week is stale (the need may have passed); it is asked again. */
export const PENDING_OFFICER_GRANT_DAYS = 7;

/**
 * What a new account asked for as officer holds until confirmed: the read-only oversight role, which
 * any officer may give alone anyway, so the pending account gains nothing one officer could not give.
 */
export const PENDING_OFFICER_INTERIM_ROLE: StaffRole = 'auditor';

export const officerGrantExpiry = (askedAt: Date): string =>
  new Date(askedAt.getTime() + PENDING_OFFICER_GRANT_DAYS * SECONDS.DAY * 1000).toISOString();

export const grantExpired = (grant: PendingOfficerGrant, now: Date): boolean =>
  Date.parse(grant.expiresAt) <= now.getTime();

/** A second officer is needed when another active officer exists besides the one asking (pending grants are not officers). */
export async function officerGrantNeedsConfirmation(
  deps: Pick<AccountDeps, 'accounts'>,
  actor: StaffActor,
): Promise<boolean> {
  const officers = (await deps.accounts.list()).filter(
    (a) => a.role === 'officer' && a.status === 'active' && a.staffId !== actor.staffId,
  );
  return officers.length > 0;
}

export function pendingOfficerGrant(actor: StaffActor, now: Date, reason?: string): PendingOfficerGrant {
  return {
    requestedBy: actor.staffId,
    requestedAt: now.toISOString(),
    expiresAt: officerGrantExpiry(now),
    ...(reason ? { reason } : {}),
  };
}

const confirmationRoute = (staffId: string) => `POST /v1/staff/accounts/${staffId}/officer-grant-confirmation`;

/** The account-change e-mail's words for a grant left pending. */
export function pendingGrantWords(staffId: string, grant: PendingOfficerGrant) {
  return {
    ja: `個人情報保護管理者（officer）の役割の付与を申請（未確定・管理者の権限なし）。申請者以外の管理者が ${formatJapanTime(grant.expiresAt, 'ja')} までに確認してください: ${confirmationRoute(staffId)}`,
    en: `the officer role was asked for (pending, no officer powers yet). Another officer than the one who asked must confirm it by ${formatJapanTime(grant.expiresAt, 'en')}: ${confirmationRoute(staffId)}`,
  };
}

/** The account-change e-mail's words for a grant completed by the only active officer. */
export const soleOfficerGrantWords = {
  ja: '他に有効な個人情報保護管理者がいないため、確認を経ずに1人の管理者が付与しました',
  en: 'granted by one officer alone: there is no other active officer to confirm it',
};

export interface OfficerGrantDecision {
  confirm: boolean;
  reason?: string;
}

/**
 * A different officer confirms the pending grant, or any officer (the asker too) declines it. The
 * write is conditional on the account's version, so of two decisions at once one wins.
 */
export async function decideOfficerGrant(
  deps: AccountDeps,
  actor: StaffActor,
  staffId: string,
  decision: OfficerGrantDecision,
) {
  const account = await existingAccount(deps, staffId);
  const grant = account.pendingOfficerGrant;
  if (!grant) {
    throw new DeskProblem(
      'conflict',
      'No officer grant pending',
      `"${staffId}" has no officer role awaiting confirmation (its role is ${account.role}). To make it an officer, ask with POST /v1/staff/accounts/${staffId}/role.`,
      undefined,
      { slug: 'no-officer-grant-pending' },
    );
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const reason = decision.reason ? `: ${decision.reason}` : '';
  if (!decision.confirm) {
    return applyAccountChange(deps, actor, {
      account,
      fields: { role: account.role, status: account.status, pendingOfficerGrant: undefined },
      logged: { fields: ['role'], reason: `officer role asked by ${grant.requestedBy} declined${reason}` },
      notice: {
        what: {
          ja: `個人情報保護管理者（officer）の役割の申請（${grant.requestedBy}）を却下`,
          en: `the officer role asked by ${grant.requestedBy} was declined`,
        },
        ...(decision.reason ? { reason: decision.reason } : {}),
      },
      identity: async () => {},
    });
  }
  if (grant.requestedBy === actor.staffId) {
    throw new DeskProblem(
      'forbidden',
      'Not by the officer who asked',
      `You asked for the officer role of "${staffId}"; a different officer must confirm it (the two-person rule of the officer role). You may still decline it with { "confirm": false }.`,
      undefined,
      { slug: 'not-by-the-officer-who-asked' },
    );
  }
  if (grantExpired(grant, now)) {
    throw new DeskProblem(
      'conflict',
      'Officer grant expired',
      `The officer role of "${staffId}" asked by ${grant.requestedBy} expired at ${grant.expiresAt} (${PENDING_OFFICER_GRANT_DAYS} days, desk policy) without confirmation. Ask again with POST /v1/staff/accounts/${staffId}/role if it is still needed.`,
      undefined,
      { slug: 'officer-grant-expired' },
    );
  }
  if (account.status !== 'active') {
    throw new DeskProblem(
      'conflict',
      'Account disabled',
      `"${staffId}" is disabled; enable it first, or decline the officer role with { "confirm": false }.`,
      undefined,
      { slug: 'account-disabled' },
    );
  }
  return applyAccountChange(deps, actor, {
    account,
    // roleGrantedBy stays the asker: an export they request is not approved by the officer they asked for.
    fields: {
      role: 'officer',
      status: account.status,
      roleGrantedAt: at,
      roleGrantedBy: grant.requestedBy,
      roleConfirmedAt: at,
      roleConfirmedBy: actor.staffId,
      pendingOfficerGrant: undefined,
    },
    logged: {
      fields: ['role'],
      reason: `staff role ${account.role} → officer asked by ${grant.requestedBy}, confirmed${reason}`,
    },
    notice: {
      what: {
        ja: `ロール ${account.role} → officer（${grant.requestedBy} の申請を確認）`,
        en: `role ${account.role} → officer (asked by ${grant.requestedBy}, confirmed)`,
      },
      ...(decision.reason ? { reason: decision.reason } : {}),
    },
    identity: (identity) => identity.changeRole(staffId, account.role, 'officer'),
  });
}

/** Whether an account's officer grant still awaits a decision (an expired one is replaced by a new ask). */
export const grantPending = (account: StaffMember, now: Date): boolean =>
  account.pendingOfficerGrant !== undefined && !grantExpired(account.pendingOfficerGrant, now);
