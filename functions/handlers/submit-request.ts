import { dynamoDeskWriter } from '../adapters/desk-writer';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { submitRequest } from '../domain/requests/submit-request';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { writer: dynamoDeskWriter, secrets: cryptoSecrets, clock: systemClock };

export const handler = httpRoute(routeNamed('submit-request'), async ({ body }) => ({
  body: await submitRequest(deps, body),
}));
