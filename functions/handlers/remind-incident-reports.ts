// Scheduled hourly: e-mails the Information Security Officer before each report to the PPC on a
// reportable incident falls due and again once it is overdue, once each (APPI Art. 26(1), Rules Art. 8).
import { company } from '../adapters/company';
import { officerEmail } from '../adapters/desk-settings';
import { dynamoIncidentReportReminders } from '../adapters/incident-reminder-repository';
import { dynamoIncidents } from '../adapters/incident-repository';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { remindIncidentReports } from '../domain/incidents/report-reminders';

const deps = {
  incidents: dynamoIncidents,
  reminders: dynamoIncidentReportReminders,
  clock: systemClock,
  company: company(),
  officerEmail: officerEmail(),
};

export const handler = async () => {
  const tally = await remindIncidentReports(deps);
  if (tally.reminded > 0) logger.info('Reminded the officer of reports to the PPC', { ...tally });
  return tally;
};
