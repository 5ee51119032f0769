import { dynamoAccessLog } from '../adapters/access-log-repository';
import { company } from '../adapters/company';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { recordPosting } from '../domain/requests/types/disclosure/paper-disclosure';
import { httpRoute } from '../http/route-handler';
import { recordPosting as route } from '../routes/disclosures';

const deps = {
  requests: dynamoRequestReader,
  accessLog: dynamoAccessLog,
  writer: dynamoDeskWriter,
  secrets: cryptoSecrets,
  clock: systemClock,
  company: company(),
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await recordPosting(deps, actor, params.requestId, body),
}));
