// Scheduled: the officer hears of each processor whose supervision review is overdue (policy §6(2)B),
// once per due day. The reminder commits with a marker beside the holder, so two runs never mail twice.
import { japanDay } from '../kernel/calendar';
import type { Clock } from '../kernel/ports';
import { outboxMessage } from '../outbox';
import { nextReviewDue, SUPERVISION_INTERVAL_MONTHS } from './contract';
import type { Holder } from './holder';
import type { HolderRegistry, ReviewReminders } from './ports';

export interface ReviewReminderDeps {
  holders: Pick<HolderRegistry, 'list' | 'reviews'>;
  reminders: ReviewReminders;
  clock: Clock;
  officerEmail: string;
}

function reminderText(holder: Holder, dueOn: string) {
  return {
    subject: `【監督】委託先の定期確認の期限超過 / Overdue processor review: ${holder.name}`,
    text: [
      `委託先「${holder.name}」（管理部署: ${holder.owner}）の定期確認（監督）の期限 ${dueOn} を過ぎています。`,
      '委託契約の遵守状況を確認し、その結果をデスクのコンソールの「保有先」に記録してください（個人情報保護法第25条、プライバシーポリシー第6条(2)B）。',
      '',
      `The supervision review of the processor "${holder.name}" (owner: ${holder.owner}) was due on ${dueOn}.`,
      "Review how it keeps the consignment contract and record the review on the holder's page of the desk console (APPI Art. 25, policy §6(2)B).",
    ].join('\n'),
  };
}

export async function remindHolderReviews(deps: ReviewReminderDeps): Promise<{ overdue: number; reminded: number }> {
  const now = deps.clock.now();
  const today = japanDay(now);
  let overdue = 0;
  let reminded = 0;
  for (const holder of await deps.holders.list()) {
    if (holder.kind !== 'processor' || holder.retiredAt) continue;
    const dueOn = nextReviewDue(
      holder.contract,
      holder.supervisionEveryMonths ?? SUPERVISION_INTERVAL_MONTHS,
      await deps.holders.reviews(holder.holderId),
    );
    if (!dueOn || today <= dueOn) continue;
    overdue++;
    const message = outboxMessage(
      `holder-review-${holder.holderId}-${dueOn}`,
      deps.officerEmail,
      reminderText(holder, dueOn),
      now,
      'holder-review-overdue',
    );
    if (await deps.reminders.remind(holder.holderId, dueOn, message, now)) reminded++;
  }
  return { overdue, reminded };
}
