// Daily: the officer hears of each corrective action past its due day, once per action and due day
// (policy §6(2)A: audits of compliance are followed up). The reminder commits with a marker in the
// audit's partition, so two runs never mail twice; a new due day is reminded again once it passes.
import type { DeskContact } from '../company';
import type { Clock } from '../kernel/ports';
import { type OutboxMessage, outboxMessage } from '../outbox';
import { bilingualSignature } from '../requests/notifications';
import type { AuditFinding } from './audit';
import { checklistItem } from './checklist';
import type { AuditReader, CorrectiveActionReminders } from './ports';
import { daysOverdue, isOverdue } from './report';

export interface ActionReminderDeps {
  audits: Pick<AuditReader, 'allFindings'>;
  reminders: CorrectiveActionReminders;
  clock: Clock;
  officerEmail: string;
  /** The company's desk, which signs the e-mail. */
  desk: DeskContact;
}

/** The officer's e-mail: the audit, the finding, its owner and due day; no personal data. */
export function actionReminderText(
  finding: AuditFinding,
  now: Date,
  desk: DeskContact,
): { subject: string; text: string } {
  const item = checklistItem(finding.itemId);
  const days = daysOverdue(finding.action.dueOn, now);
  return {
    subject: `【監査】是正措置の期限超過 / Overdue corrective action: ${finding.auditId} ${finding.findingId}`,
    text:
      [
        `監査 ${finding.auditId} の指摘 ${finding.findingId}（${item?.ja ?? finding.itemId}）の是正措置は、期限（${finding.action.dueOn}）を${days}日過ぎていますが、完了の記録がありません。担当: ${finding.action.owner}`,
        '是正措置の状況をデスクのコンソールの監査の画面で確認し、完了したら実施した内容を記録してください。',
        '',
        `The corrective action of finding ${finding.findingId} (${item?.en ?? finding.itemId}) in audit ${finding.auditId} was due on ${finding.action.dueOn}, ${days} day(s) ago, and is not recorded as done. Owner: ${finding.action.owner}.`,
        "Check where it stands on the audit's page of the desk console, and record what was done once it is done.",
      ].join('\n') + bilingualSignature(desk),
  };
}

export async function remindOverdueActions(deps: ActionReminderDeps): Promise<{ overdue: number; reminded: number }> {
  const now = deps.clock.now();
  let overdue = 0;
  let reminded = 0;
  for (const finding of await deps.audits.allFindings()) {
    if (!isOverdue(finding, now)) continue;
    overdue++;
    const message: OutboxMessage = outboxMessage(
      `audit-action-${finding.auditId}-${finding.findingId}-${finding.action.dueOn}`,
      deps.officerEmail,
      actionReminderText(finding, now, deps.desk),
      now,
      'audit-action-overdue',
    );
    if (await deps.reminders.remind(finding, message, now)) reminded++;
  }
  return { overdue, reminded };
}
