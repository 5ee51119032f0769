// POST /v1/staff/accounts/{staffId}/disabling: policy §6(1), immediate disabling of the accounts of
// transferred or retired employees. Refused on the very next call; in AWS also signed out everywhere.
import { DeskProblem } from '../kernel/problems';
import type { DisableReason, StaffActor } from '../staff';
import { type AccountDeps, applyAccountChange, existingAccount, notYourOwn } from './account-changes';

const REASON_LABELS: Record<DisableReason, { ja: string; en: string }> = {
  transfer: { ja: '異動', en: 'transfer' },
  retirement: { ja: '退職', en: 'retirement' },
  leave: { ja: '休職', en: 'leave' },
  other: { ja: 'その他', en: 'other' },
};

export async function disableAccount(
  deps: AccountDeps,
  actor: StaffActor,
  staffId: string,
  reason: DisableReason,
  note?: string,
) {
  notYourOwn(actor, staffId, 'disable');
  const account = await existingAccount(deps, staffId);
  if (account.status === 'disabled') {
    throw new DeskProblem(
      'conflict',
      'Already disabled',
      `"${staffId}" is already disabled (since ${account.disabledAt ?? 'before account changes were recorded'}).`,
      undefined,
      { slug: 'already-disabled' },
    );
  }
  const at = deps.clock.now().toISOString();
  const label = REASON_LABELS[reason];
  return applyAccountChange(deps, actor, {
    account,
    fields: {
      role: account.role,
      status: 'disabled',
      disabledAt: at,
      disabledBy: actor.staffId,
      disabledReason: reason,
    },
    logged: { fields: ['status'], reason: `staff account disabled: ${reason}${note ? ` (${note})` : ''}` },
    notice: { what: { ja: `無効化（${label.ja}）`, en: `disabled (${label.en})` }, ...(note ? { reason: note } : {}) },
    identity: (identity) => identity.disable(staffId),
  });
}
