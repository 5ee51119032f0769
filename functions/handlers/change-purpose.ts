import { dynamoPurposePublisher, dynamoPurposeVersions } from '../adapters/purpose-repository';
import { systemClock } from '../adapters/system';
import { changePurpose } from '../domain/purposes/publishing';
import { httpRoute } from '../http/route-handler';
import { changePurpose as route } from '../routes/purposes';

const deps = { purposes: dynamoPurposeVersions, publisher: dynamoPurposePublisher, clock: systemClock };

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await changePurpose(deps, actor, params.purposeId, body),
}));
