import { dynamoPurposePublisher, dynamoPurposeVersions } from '../adapters/purpose-repository';
import { systemClock } from '../adapters/system';
import { createPurpose } from '../domain/purposes/publishing';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { purposes: dynamoPurposeVersions, publisher: dynamoPurposePublisher, clock: systemClock };

export const handler = httpRoute(routeNamed('create-purpose'), async ({ body, actor }) => ({
  body: await createPurpose(deps, actor, body),
}));
