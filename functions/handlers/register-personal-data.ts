import { dynamoConsents } from '../adapters/consent-repository';
import { fiscalYear } from '../adapters/desk-settings';
import { secretIdentifierMac } from '../adapters/identifier-mac';
import { dynamoPersonalData } from '../adapters/personal-data-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { dynamoSuppressions } from '../adapters/suppression-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { registerPersonalData } from '../domain/personal-data/register-personal-data';
import { httpRoute } from '../http/route-handler';
import { registerPersonalData as route } from '../routes/personal-data';

const deps = {
  purposes: dynamoPurposeVersions,
  lifecycles: dynamoSubjectLifecycles,
  consents: dynamoConsents,
  records: dynamoPersonalData,
  secrets: cryptoSecrets,
  suppressions: dynamoSuppressions,
  identifierMac: secretIdentifierMac,
  clock: systemClock,
  fiscalYear: fiscalYear(),
};

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await registerPersonalData(deps, actor, body.subjectId, body.records),
}));
