import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoTaskReader } from '../adapters/fulfilment-task-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { closeTaskByHand } from '../domain/fulfilment/tracking';
import { httpRoute } from '../http/route-handler';
import { closeFulfilmentTask as route } from '../routes/fulfilment';

const deps = {
  requests: dynamoRequestReader,
  tasks: dynamoTaskReader,
  writer: dynamoDeskWriter,
  secrets: cryptoSecrets,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params, body, actor }) => {
  const task = await closeTaskByHand(deps, actor, params.taskId, body.note);
  return { body: { taskId: task.taskId, state: 'completed' as const, completedAt: task.completedAt! } };
});
