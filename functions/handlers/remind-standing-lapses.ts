// Scheduled daily: e-mails the Information Security Officer before a staff member's rules or
// training lapse past the grace period, and once when they have (policy §6(2)A-B).
import { company } from '../adapters/company';
import { officerEmail, safeguardsGrace } from '../adapters/desk-settings';
import { dynamoLapseReminders } from '../adapters/lapse-reminder-repository';
import { logger } from '../adapters/logger';
import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { deskContact } from '../domain/company';
import { remindStandingLapses } from '../domain/safeguards/lapse-reminders';

const deps = {
  members: () => dynamoStaffAccounts.list(),
  safeguards: dynamoSafeguards,
  reminders: dynamoLapseReminders,
  graceDays: safeguardsGrace(),
  clock: systemClock,
  officerEmail: officerEmail(),
  desk: deskContact(company()),
};

export const handler = async () => {
  const tally = await remindStandingLapses(deps);
  if (tally.reminded > 0) logger.info('Reminded the officer of staff standings lapsing', { ...tally });
  return tally;
};
