import { dynamoPurposePublisher, dynamoPurposeVersions } from '../adapters/purpose-repository';
import { systemClock } from '../adapters/system';
import { retirePurpose } from '../domain/purposes/publishing';
import { httpRoute } from '../http/route-handler';
import { retirePurpose as route } from '../routes/purposes';

const deps = { purposes: dynamoPurposeVersions, publisher: dynamoPurposePublisher, clock: systemClock };

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await retirePurpose(deps, actor, params.purposeId, body),
}));
