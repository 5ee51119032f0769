import { dynamoConsents } from '../adapters/consent-repository';
import { dynamoPersonalData } from '../adapters/personal-data-repository';
import { cachedPurposeRegistry } from '../adapters/purpose-registry-cache';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { dynamoUseExceptions } from '../adapters/use-exception-repository';
import { checkUse } from '../domain/personal-data/check-use';
import { httpRoute } from '../http/route-handler';
import { checkUse as route } from '../routes/personal-data';

const deps = {
  records: dynamoPersonalData,
  lifecycles: dynamoSubjectLifecycles,
  purposes: cachedPurposeRegistry,
  consents: dynamoConsents,
  exceptions: dynamoUseExceptions,
  secrets: cryptoSecrets,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await checkUse(deps, actor, body),
}));
