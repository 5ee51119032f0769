import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoSubjectFinder } from '../adapters/holdings-repository';
import { dynamoProvisionLedger } from '../adapters/provision-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { systemClock } from '../adapters/system';
import { listProvisions } from '../domain/provisions/list-provisions';
import { httpRoute } from '../http/route-handler';
import { listProvisions as route } from '../routes/provisions';

const deps = {
  ledger: dynamoProvisionLedger,
  requests: dynamoRequestReader,
  subjects: dynamoSubjectFinder,
  accessLog: dynamoAccessLog,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ query, actor }) => ({
  body: await listProvisions(deps, actor, query),
}));
