import { dynamoPurposePublisher, dynamoPurposeVersions } from '../adapters/purpose-repository';
import { systemClock } from '../adapters/system';
import { createPurpose } from '../domain/purposes/publishing';
import { httpRoute } from '../http/route-handler';
import { createPurpose as route } from '../routes/purposes';

const deps = { purposes: dynamoPurposeVersions, publisher: dynamoPurposePublisher, clock: systemClock };

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await createPurpose(deps, actor, body),
}));
