import { company } from '../adapters/company';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoTaskReader } from '../adapters/fulfilment-task-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { withdrawRequest } from '../domain/requests/withdraw-request';
import { httpRoute } from '../http/route-handler';
import { withdrawRequest as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  writer: dynamoDeskWriter,
  secrets: cryptoSecrets,
  tasks: dynamoTaskReader,
  clock: systemClock,
  company: company(),
};

export const handler = httpRoute(route, async ({ params, body, bearer }) => ({
  body: await withdrawRequest(deps, params.requestId, bearer, body),
}));
