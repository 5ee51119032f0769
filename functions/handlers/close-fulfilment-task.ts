import { systemClock } from '../adapters/system';
import { dynamoTaskTracker } from '../adapters/task-tracking-repository';
import { closeTaskByHand } from '../domain/fulfilment/tracking';
import { httpRoute } from '../http/route-handler';
import { closeFulfilmentTask as route } from '../routes/fulfilment';

const deps = { tracker: dynamoTaskTracker, clock: systemClock };

export const handler = httpRoute(route, async ({ params, body, actor }) => {
  const task = await closeTaskByHand(deps, actor, params.taskId, body.note);
  return { body: { taskId: task.taskId, state: 'completed' as const, completedAt: task.completedAt! } };
});
