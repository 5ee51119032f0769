import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoHolders } from '../adapters/holder-repository';
import { dynamoHoldingsReader } from '../adapters/holdings-repository';
import { secretIdentifierMac } from '../adapters/identifier-mac';
import { dynamoIncidents } from '../adapters/incident-repository';
import { dynamoMyNumberDocuments } from '../adapters/my-number-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { dynamoSubjectLifecycles } from '../adapters/subject-repository';
import { dynamoSuppressions } from '../adapters/suppression-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { decideRequest } from '../domain/requests/decide-request';
import { httpRoute } from '../http/route-handler';
import { decideRequest as route } from '../routes/request-details';

const deps = {
  requests: dynamoRequestReader,
  holdings: dynamoHoldingsReader,
  purposes: dynamoPurposeVersions,
  accessLog: dynamoAccessLog,
  writer: dynamoDeskWriter,
  secrets: cryptoSecrets,
  suppressions: dynamoSuppressions,
  incidents: dynamoIncidents,
  myNumberDocuments: dynamoMyNumberDocuments,
  identifierMac: secretIdentifierMac,
  lifecycles: dynamoSubjectLifecycles,
  recipients: dynamoRecipients,
  holders: dynamoHolders,
  clock: systemClock,
  company: company(),
};

export const handler = httpRoute(route, async ({ params, body, actor, publicBaseUrl }) => ({
  body: await decideRequest(deps, actor, params.requestId, body, publicBaseUrl),
}));
