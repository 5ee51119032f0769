// Scheduled daily: e-mails the Information Security Officer about each processor whose supervision
// review is overdue, once per due day (policy §6(2)B, APPI Art. 25).
import { officerEmail } from '../adapters/desk-settings';
import { dynamoHolders, dynamoReviewReminders } from '../adapters/holder-repository';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { remindHolderReviews } from '../domain/holders/review-reminders';

const deps = {
  holders: dynamoHolders,
  reminders: dynamoReviewReminders,
  clock: systemClock,
  officerEmail: officerEmail(),
};

export const handler = async () => {
  const tally = await remindHolderReviews(deps);
  if (tally.reminded > 0) logger.info('Reminded the officer of overdue processor reviews', { ...tally });
  return tally;
};
