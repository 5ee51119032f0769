import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { dynamoStaffAccounts } from '../adapters/staff-repository';
import { systemClock } from '../adapters/system';
import { recordCompletion } from '../domain/safeguards/training-register';
import { httpRoute } from '../http/route-handler';
import { recordTrainingCompletion as route } from '../routes/training';

const deps = {
  safeguards: dynamoSafeguards,
  staff: dynamoStaffAccounts,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ actor, body }) => ({
  body: await recordCompletion(deps, actor, body),
}));
