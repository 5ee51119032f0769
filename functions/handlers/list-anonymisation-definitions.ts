import { dynamoAnonymisation } from '../adapters/anonymisation-repository';
import { listDefinitions } from '../domain/anonymisation/definitions';
import { httpRoute } from '../http/route-handler';
import { listAnonymisationDefinitions as route } from '../routes/anonymisation';

const deps = { store: dynamoAnonymisation };

export const handler = httpRoute(route, async () => ({ body: await listDefinitions(deps) }));
