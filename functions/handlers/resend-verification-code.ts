import { company } from '../adapters/company';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { resendVerificationCode } from '../domain/requests/resend-verification-code';
import { httpRoute } from '../http/route-handler';
import { resendVerificationCode as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  writer: dynamoDeskWriter,
  secrets: cryptoSecrets,
  clock: systemClock,
  company: company(),
};

export const handler = httpRoute(route, async ({ params }) => ({
  body: await resendVerificationCode(deps, params.requestId),
}));
