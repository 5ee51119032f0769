import { dynamoAnonymisation } from '../adapters/anonymisation-repository';
import { viewDefinition } from '../domain/anonymisation/definitions';
import { httpRoute } from '../http/route-handler';
import { viewAnonymisationDefinition as route } from '../routes/anonymisation';

const deps = { store: dynamoAnonymisation };

export const handler = httpRoute(route, async ({ params }) => ({
  body: await viewDefinition(deps, params.definitionId),
}));
