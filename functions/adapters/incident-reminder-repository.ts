// The officer's reminders of reports to the PPC: a marker 'reminder#<kind>#<due>#<stage>' in the
// incident's partition of the incidents table, put with the outbox message in one transaction and only
// if absent, so of two runs at once one mails and the other finds it done.
import type { IncidentReportReminders } from '../domain/incidents/report-reminders';
import { StaleWriteError } from '../domain/kernel/problems';
import { tableName } from './clients';
import { outboxPut } from './outbox-repository';
import { transactOrStale } from './transactions';

export const reminderKey = (kind: string, dueAt: string, stage: string) => `reminder#${kind}#${dueAt}#${stage}`;

export const dynamoIncidentReportReminders: IncidentReportReminders = {
  async remind(reminder, message, now) {
    try {
      await transactOrStale([
        {
          Put: {
            TableName: tableName('incidents'),
            Item: {
              incidentId: reminder.incidentId,
              itemKey: reminderKey(reminder.kind, reminder.dueAt, reminder.stage),
              messageId: message.messageId,
              at: now.toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(incidentId)',
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
