// Scheduled sweep, every minute: every task whose next contact is due (a send after a holder was down,
// a poll of a holder that sent no callback, a cancellation still owed) is contacted, a few per state
// per run, holders in parallel, so a slow holder cannot hold the others past the function's timeout.
import { contactDeps } from '../adapters/fulfilment-contact';
import { dynamoTaskReader } from '../adapters/fulfilment-task-repository';
import { logger } from '../adapters/logger';
import { systemClock } from '../adapters/system';
import { CONTACT_STATES, type ContactOutcome, contactHolder, SWEEP_LIMIT } from '../domain/fulfilment/contact';

export const handler = async (): Promise<Partial<Record<ContactOutcome | 'failed', number>>> => {
  const now = systemClock.now();
  const tally: Partial<Record<ContactOutcome | 'failed', number>> = {};
  for (const state of CONTACT_STATES) {
    const due = await dynamoTaskReader.due(state, now, SWEEP_LIMIT);
    if (due.length === 0) continue;
    const deps = contactDeps();
    const outcomes = await Promise.allSettled(due.map((task) => contactHolder(deps, task.taskId)));
    for (const [i, outcome] of outcomes.entries()) {
      const key = outcome.status === 'fulfilled' ? outcome.value : 'failed';
      tally[key] = (tally[key] ?? 0) + 1;
      if (outcome.status === 'rejected')
        logger.error('Holder contact not recorded', {
          taskId: due[i]!.taskId,
          errorName: (outcome.reason as Error).name,
        });
    }
  }
  if (Object.keys(tally).length > 0) logger.info('Holder contact sweep', tally);
  return tally;
};
