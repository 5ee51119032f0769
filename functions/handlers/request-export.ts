import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { officerEmail } from '../adapters/desk-settings';
import { dynamoExports } from '../adapters/export-repository';
import { dynamoSubjectFinder } from '../adapters/holdings-repository';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { requestExport } from '../domain/exports/request-export';
import { httpRoute } from '../http/route-handler';
import { requestExport as route } from '../routes/exports';

const deps = {
  purposes: dynamoPurposeVersions,
  requests: dynamoRequestReader,
  subjects: dynamoSubjectFinder,
  exports: dynamoExports,
  accessLog: dynamoAccessLog,
  clock: systemClock,
  company: company(),
  secrets: cryptoSecrets,
  officer: officerEmail(),
};

export const handler = httpRoute(route, async ({ body, actor, publicBaseUrl }) => ({
  body: await requestExport(deps, actor, body, publicBaseUrl),
}));
