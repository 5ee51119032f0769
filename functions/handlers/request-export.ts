import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSubjectFinder } from '../adapters/holdings-repository';
import { officerEmail } from '../adapters/desk-settings';
import { dynamoExports } from '../adapters/export-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { requestExport } from '../domain/exports/request-export';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { purposes: dynamoPurposeVersions, requests: dynamoRequestReader, subjects: dynamoSubjectFinder, exports: dynamoExports, accessLog: dynamoAccessLog, clock: systemClock, secrets: cryptoSecrets, officer: officerEmail() };

export const handler = httpRoute(routeNamed('request-export'), async ({ body, actor, publicBaseUrl }) => ({
  body: await requestExport(deps, actor, body, publicBaseUrl),
}));
