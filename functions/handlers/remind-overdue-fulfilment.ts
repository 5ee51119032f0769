// Scheduled every half hour: e-mails the assignee (or the operators) and the officer about each
// decided request past its due date whose holders have not all finished, once per request.
import { company } from '../adapters/company';
import { logger } from '../adapters/logger';
import { dynamoOverdueFulfilmentStore, dynamoOverdueStaff } from '../adapters/overdue-fulfilment-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { type OverdueTally, remindOverdueFulfilment } from '../domain/fulfilment/overdue-reminders';

const deps = {
  store: dynamoOverdueFulfilmentStore,
  staff: dynamoOverdueStaff,
  secrets: cryptoSecrets,
  clock: systemClock,
  company: company(),
};

export const handler = async (): Promise<OverdueTally> => {
  const tally = await remindOverdueFulfilment(deps);
  if (tally.messages > 0) logger.info('Overdue fulfilment reminders sent', { ...tally });
  if (tally.unaddressed > 0) {
    logger.warn('Overdue fulfilment reminders without a recipient: no active operator or officer', {
      unaddressed: tally.unaddressed,
    });
  }
  return tally;
};
