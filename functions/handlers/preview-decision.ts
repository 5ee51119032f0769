import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoHolders } from '../adapters/holder-repository';
import { dynamoHoldingsReader } from '../adapters/holdings-repository';
import { secretIdentifierMac } from '../adapters/identifier-mac';
import { dynamoIncidents } from '../adapters/incident-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { dynamoSuppressions } from '../adapters/suppression-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { previewDecision } from '../domain/requests/preview-decision';
import { httpRoute } from '../http/route-handler';
import { previewDecision as route } from '../routes/request-details';

const deps = {
  requests: dynamoRequestReader,
  holdings: dynamoHoldingsReader,
  purposes: dynamoPurposeVersions,
  accessLog: dynamoAccessLog,
  secrets: cryptoSecrets,
  suppressions: dynamoSuppressions,
  incidents: dynamoIncidents,
  identifierMac: secretIdentifierMac,
  lifecycles: dynamoSubjectLifecycles,
  recipients: dynamoRecipients,
  holders: dynamoHolders,
  clock: systemClock,
  company: company(),
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await previewDecision(deps, actor, params.requestId, body),
}));
