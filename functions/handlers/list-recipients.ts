import { dynamoRecipients } from '../adapters/recipient-repository';
import { viewOf } from '../domain/provisions/recipients';
import { httpRoute } from '../http/route-handler';
import { listRecipients as route } from '../routes/provisions';

export const handler = httpRoute(route, async () => ({
  body: { items: (await dynamoRecipients.list()).map(viewOf) },
}));
