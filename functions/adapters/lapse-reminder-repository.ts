// The officer's reminders of staff standings about to lapse or lapsed: a marker
// 'lapse#<staffId>#<lapsesOn>#<stage>' in the safeguards table's 'reminders' partition, put with the
// outbox message in one transaction and only if absent, so of two runs at once one mails.
import { StaleWriteError } from '../domain/kernel/problems';
import type { LapseReminders } from '../domain/safeguards/lapse-reminders';
import { tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

export const REMINDERS_PARTITION = 'reminders';
export const lapseReminderKey = (staffId: string, lapsesOn: string, stage: string) =>
  `lapse#${staffId}#${lapsesOn}#${stage}`;

export const dynamoLapseReminders: LapseReminders = {
  async remind(reminder, message, now) {
    try {
      await transactOrStale([
        {
          Put: {
            TableName: tableName('safeguards'),
            Item: {
              pk: REMINDERS_PARTITION,
              sk: lapseReminderKey(reminder.staffId, reminder.lapsesOn, reminder.stage),
              ...reminder,
              messageId: message.messageId,
              at: now.toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        outboxPut(message),
      ]);
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  },
};
