import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoTaskReader } from '../adapters/fulfilment-task-repository';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { answerWithWhatIsKnown } from '../domain/fulfilment/tracking';
import { httpRoute } from '../http/route-handler';
import { answerWithWhatIsKnown as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  tasks: dynamoTaskReader,
  writer: dynamoDeskWriter,
  secrets: cryptoSecrets,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ params }) => ({
  body: await answerWithWhatIsKnown(deps, params.requestId),
}));
