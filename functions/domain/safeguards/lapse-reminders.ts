// Daily: the Information Security Officer hears of each staff member whose standing will lapse soon
// (so the training can be held or the rules acknowledged in time) and once more when it has lapsed
// (policy §6(2)A-B). Each reminder commits with a marker in the safeguards table's 'reminders'
// partition, so two runs never mail twice; a later lapse (after retraining) is reminded afresh.
import type { DeskContact } from '../company';
import type { Clock } from '../kernel/ports';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature } from '../requests/notifications';
import type { StaffMember } from '../staff';
import type { SafeguardsReader } from './ports';
import { addDays, type Obligation } from './standing';
import { type MemberStanding, standingsOf } from './standings';

/** Desk policy: the officer is told this many days before a member would be refused, time to hold a training session. */
export const STANDING_REMINDER_LEAD_DAYS = 14;

export const LAPSE_REMINDER_STAGES = ['coming', 'lapsed'] as const;
export type LapseReminderStage = (typeof LAPSE_REMINDER_STAGES)[number];

export interface LapseReminder {
  staffId: string;
  /** The first day the member is (or will be) refused. */
  lapsesOn: string;
  stage: LapseReminderStage;
}

export interface LapseReminders {
  /** Enqueues the message and marks the reminder sent, all or nothing; false when it was sent already. */
  remind(reminder: LapseReminder, message: OutboxMessage, now: Date): Promise<boolean>;
}

export interface LapseReminderDeps {
  members: () => Promise<StaffMember[]>;
  safeguards: SafeguardsReader;
  reminders: LapseReminders;
  graceDays: number;
  clock: Clock;
  officerEmail: string;
  /** The company's desk, which signs the e-mail. */
  desk: DeskContact;
}

/** The stage a standing is in today, or none while the lapse is further off than the lead time (or nothing can lapse). */
export function lapseReminderStage(standing: MemberStanding): LapseReminderStage | undefined {
  if (standing.status === 'lapsed') return 'lapsed';
  if (standing.lapsesOn !== undefined && standing.on >= addDays(standing.lapsesOn, -STANDING_REMINDER_LEAD_DAYS))
    return 'coming';
  return undefined;
}

function line(o: Obligation, language: 'ja' | 'en'): string {
  if (o.kind === 'rule')
    return language === 'ja'
      ? `・「${o.title.ja}」第${o.version}版の確認がありません（期限 ${o.dueOn}）`
      : `- version ${o.version} of "${o.title.en}" is not acknowledged (due by ${o.dueOn})`;
  if (!o.met)
    return language === 'ja'
      ? `・研修「${o.title.ja}」${o.validUntil ? `の有効期限 ${o.validUntil} が過ぎています` : 'の受講記録がありません'}（期限 ${o.dueOn}）`
      : `- the training "${o.title.en}" ${o.validUntil ? `was current until ${o.validUntil}` : 'has no completion'} (due by ${o.dueOn})`;
  return language === 'ja'
    ? `・研修「${o.title.ja}」の有効期限は ${o.validUntil} です`
    : `- the training "${o.title.en}" is current until ${o.validUntil}`;
}

/** The officer's e-mail: who, from which day, and what is missing; the member's records, nothing of customers. */
export function lapseReminderText(standing: MemberStanding, stage: LapseReminderStage, desk: DeskContact) {
  const who = `${standing.displayName} (${standing.staffId})`;
  const unmet = standing.obligations.filter((o) => !o.met);
  // Nothing unmet yet: what runs out is a training, or a version not yet in force that they have not acknowledged.
  const shown = unmet.length > 0 ? unmet : standing.obligations.filter((o) => o.kind === 'training');
  const lapsed = stage === 'lapsed';
  return {
    subject: lapsed
      ? `【安全管理措置】${who} は個人データを取り扱えなくなりました / ${who} is refused personal data`
      : `【安全管理措置】${who} は ${standing.lapsesOn} から個人データを取り扱えなくなります / ${who} will be refused personal data from ${standing.lapsesOn}`,
    text:
      [
        lapsed
          ? `${who} は、内部規程の確認または研修の受講が猶予期間（${standing.graceDays}日）内に行われなかったため、${standing.lapsesOn} から個人データを取り扱う機能を利用できません。`
          : `${who} は、次のことが行われないと ${standing.lapsesOn} から個人データを取り扱う機能を利用できなくなります。`,
        ...shown.map((o) => line(o, 'ja')),
        ...(shown.length === 0 ? ['・施行予定の内部規程の版の確認がありません'] : []),
        '本人がコンソールで規程を確認し、研修の受講はデスクのコンソールの研修の画面に記録してください（プライバシーポリシー6(2)）。',
        '',
        lapsed
          ? `${who} has been refused the desk's personal data since ${standing.lapsesOn}: the rules were not acknowledged or the training not renewed within the ${standing.graceDays}-day grace period.`
          : `${who} will be refused the desk's personal data from ${standing.lapsesOn} unless the following is put right:`,
        ...shown.map((o) => line(o, 'en')),
        ...(shown.length === 0 ? ['- a version of the internal rules coming into force is not acknowledged'] : []),
        "They acknowledge the rules in the desk console; record their training on the console's training page (privacy policy §6(2)).",
      ].join('\n') + bilingualSignature(desk),
  };
}

export async function remindStandingLapses(deps: LapseReminderDeps): Promise<{ due: number; reminded: number }> {
  const now = deps.clock.now();
  const active = (await deps.members()).filter((m) => m.status === 'active');
  let due = 0;
  let reminded = 0;
  for (const standing of await standingsOf(deps, active)) {
    const stage = lapseReminderStage(standing);
    if (!stage || standing.lapsesOn === undefined) continue;
    due++;
    const reminder: LapseReminder = { staffId: standing.staffId, lapsesOn: standing.lapsesOn, stage };
    const message = outboxMessage(
      `standing-${stage}-${standing.staffId}-${standing.lapsesOn}`,
      deps.officerEmail,
      lapseReminderText(standing, stage, deps.desk),
      now,
      `safeguards-standing-${stage}`,
    );
    if (await deps.reminders.remind(reminder, message, now)) reminded++;
  }
  return { due, reminded };
}
