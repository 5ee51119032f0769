import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoAnonymisation } from '../adapters/anonymisation-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { systemClock } from '../adapters/system';
import { createDefinition } from '../domain/anonymisation/definitions';
import { checkDefinition } from '../domain/anonymisation/rules';
import { httpRoute } from '../http/route-handler';
import { createAnonymisationDefinition as route } from '../routes/anonymisation';

const deps = {
  store: dynamoAnonymisation,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  purposes: dynamoPurposeVersions,
  checkDefinition,
};

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await createDefinition(deps, actor, body),
}));
