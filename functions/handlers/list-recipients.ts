import { dynamoRecipients } from '../adapters/recipient-repository';
import { viewOf } from '../domain/provisions/recipients';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

export const handler = httpRoute(routeNamed('list-recipients'), async () => ({
  body: { items: (await dynamoRecipients.list()).map(viewOf) },
}));
