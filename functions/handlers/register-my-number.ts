import { dynamoMyNumberWriter } from '../adapters/my-number-repository';
import { systemClock } from '../adapters/system';
import { registerMyNumber } from '../domain/my-number/register-my-number';
import { httpRoute } from '../http/route-handler';
import { registerMyNumber as route } from '../routes/my-number';

const deps = { myNumbers: dynamoMyNumberWriter, clock: systemClock };

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await registerMyNumber(deps, actor, body),
}));
