// Scheduled every half hour: e-mails operators about open requests due within two desk days and
// the officer about overdue ones, each request once of each kind.
import { company } from '../adapters/company';
import { logger } from '../adapters/logger';
import { dynamoReminderStore, dynamoStaffRoster } from '../adapters/request-report-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { type ReminderTally, sendDeadlineReminders } from '../domain/requests/deadline-reminders';

const deps = {
  store: dynamoReminderStore,
  staff: dynamoStaffRoster,
  secrets: cryptoSecrets,
  clock: systemClock,
  company: company(),
};

export const handler = async (): Promise<ReminderTally> => {
  const tally = await sendDeadlineReminders(deps);
  if (tally.messages > 0) logger.info('Deadline reminders sent', { ...tally.reminded, messages: tally.messages });
  if (tally.unaddressed['due-soon'] + tally.unaddressed.overdue > 0) {
    logger.warn('Deadline reminders without a recipient: no active staff member holds the role', {
      ...tally.unaddressed,
    });
  }
  return tally;
};
