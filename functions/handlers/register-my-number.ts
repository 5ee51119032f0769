import { dynamoMyNumberWriter } from '../adapters/my-number-repository';
import { systemClock } from '../adapters/system';
import { registerMyNumber } from '../domain/my-number/register-my-number';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { myNumbers: dynamoMyNumberWriter, clock: systemClock };

export const handler = httpRoute(routeNamed('register-my-number'), async ({ body, actor }) => ({
  body: await registerMyNumber(deps, actor, body),
}));
