import { dynamoHolders } from '../adapters/holder-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { systemClock } from '../adapters/system';
import { registerRecipient } from '../domain/provisions/register-recipient';
import { httpRoute } from '../http/route-handler';
import { registerRecipient as route } from '../routes/provisions';

const deps = { recipients: dynamoRecipients, holders: dynamoHolders, clock: systemClock };

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await registerRecipient(deps, actor, body),
}));
