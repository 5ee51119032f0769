import { dynamoDisclosureReader } from '../adapters/disclosure-repository';
import { systemClock } from '../adapters/system';
import { getDisclosure } from '../domain/requests/get-disclosure';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { disclosures: dynamoDisclosureReader, clock: systemClock };

export const handler = httpRoute(routeNamed('get-disclosure'), async ({ params }) => ({
  body: await getDisclosure(deps, params.token),
}));
