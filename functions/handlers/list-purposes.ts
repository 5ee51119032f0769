import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { listPurposes } from '../domain/purposes/publishing';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

export const handler = httpRoute(routeNamed('list-purposes'), async () => ({
  body: listPurposes(await dynamoPurposeVersions.versions()),
}));
