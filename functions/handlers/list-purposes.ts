import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { listPurposes } from '../domain/purposes/publishing';
import { httpRoute } from '../http/route-handler';
import { listPurposes as route } from '../routes/purposes';

export const handler = httpRoute(route, async () => ({
  body: listPurposes(await dynamoPurposeVersions.versions()),
}));
