// Scheduled every quarter hour: analyses each closed hour of the access log once and e-mails the
// Information Security Officer what it flags (policy §6(1)).

import { dynamoMonitoredAccessLog, dynamoMonitoringStore } from '../adapters/access-monitoring-repository';
import { company } from '../adapters/company';
import { officerEmail } from '../adapters/desk-settings';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { analyseStaffAccess, type MonitoringTally, maxSubjectsPerHour } from '../domain/monitoring/access-analysis';

const deps = {
  log: dynamoMonitoredAccessLog,
  store: dynamoMonitoringStore,
  clock: systemClock,
  company: company(),
  officerEmail: officerEmail(),
  maxSubjectsPerHour: maxSubjectsPerHour(process.env.DESK_MONITOR_MAX_SUBJECTS_PER_HOUR),
};

export const handler = async (): Promise<MonitoringTally> => {
  const tally = await analyseStaffAccess(deps);
  if (tally.alert) logger.warn('Access monitoring alerted the officer', { ...tally });
  else if (tally.hours > 0) logger.info('Access monitoring found nothing', { hours: tally.hours });
  return tally;
};
