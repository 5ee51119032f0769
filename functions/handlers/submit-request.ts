import { company } from '../adapters/company';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { submitRequest } from '../domain/requests/submit-request';
import { httpRoute } from '../http/route-handler';
import { submitRequest as route } from '../routes/request-details';

const deps = { writer: dynamoDeskWriter, secrets: cryptoSecrets, clock: systemClock, company: company() };

export const handler = httpRoute(route, async ({ body }) => ({
  body: await submitRequest(deps, body),
}));
