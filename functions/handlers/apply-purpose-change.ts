import { fiscalYear } from '../adapters/desk-settings';
// Scheduled every minute: carries each published purpose change or retirement on from where its
// last run stopped, enqueueing at most a minute's worth of notices at the SES sending rate.

import { company } from '../adapters/company';
import { logger } from '../adapters/logger';
import { dynamoAffectedRecords, dynamoNotificationOutbox } from '../adapters/purpose-change-repository';
import { dynamoPurposeVersions, dynamoRolloutStore } from '../adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { systemClock } from '../adapters/system';
import {
  advanceRollouts,
  messagesPerRun,
  ROLLOUT_PAGES_PER_RUN,
  ROLLOUT_SCAN_PAGE_SIZE,
  type RolloutTally,
  sendRatePerSecond,
} from '../domain/purposes/rollout';
import { WORKERS } from '../workers';

const deps = {
  purposes: dynamoPurposeVersions,
  rollouts: dynamoRolloutStore,
  records: dynamoAffectedRecords,
  lifecycles: dynamoSubjectLifecycles,
  outbox: dynamoNotificationOutbox,
  clock: systemClock,
  fiscalYear: fiscalYear(),
  company: company(),
};

/** The worker's schedule in the manifest: each run enqueues that interval's worth of notices. */
const runIntervalSeconds =
  (WORKERS.find((w) => w.name === 'apply-purpose-change')!.source as { everyMinutes: number }).everyMinutes * 60;

export const handler = async (): Promise<RolloutTally> => {
  const tally = await advanceRollouts(deps, {
    messages: messagesPerRun(sendRatePerSecond(process.env.DESK_SES_MAX_SEND_RATE), runIntervalSeconds),
    pages: ROLLOUT_PAGES_PER_RUN,
    pageSize: ROLLOUT_SCAN_PAGE_SIZE,
  });
  if (tally.jobs > 0) logger.info('Purpose changes carried on', { ...tally });
  return tally;
};
