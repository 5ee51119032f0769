import { dynamoAnonymisation } from '../adapters/anonymisation-repository';
import { viewDataset } from '../domain/anonymisation/reading';
import { httpRoute } from '../http/route-handler';
import { viewAnonymisedDataset as route } from '../routes/anonymisation';

const deps = { store: dynamoAnonymisation };

export const handler = httpRoute(route, async ({ params, actor }) => ({
  body: await viewDataset(deps, actor, params.datasetId),
}));
