// Scheduled daily: e-mails the Information Security Officer about each corrective action of an audit
// past its due day, once per action and due day (policy §6(2)A).
import { dynamoActionReminders, dynamoAudits } from '../adapters/audit-repository';
import { company } from '../adapters/company';
import { officerEmail } from '../adapters/desk-settings';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { remindOverdueActions } from '../domain/audits/reminders';
import { deskContact } from '../domain/company';

const deps = {
  audits: dynamoAudits,
  reminders: dynamoActionReminders,
  clock: systemClock,
  officerEmail: officerEmail(),
  desk: deskContact(company()),
};

export const handler = async () => {
  const tally = await remindOverdueActions(deps);
  if (tally.reminded > 0) logger.info('Reminded the officer of overdue corrective actions', { ...tally });
  return tally;
};
