import { deskSettings, privacyCenterUrl } from '../adapters/desk-settings';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { verifyRequest } from '../domain/requests/verify-request';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = {
  requests: dynamoRequestReader, writer: dynamoDeskWriter, secrets: cryptoSecrets, clock: systemClock,
  responseDeskDays: deskSettings().responseDeskDays,
  privacyCenterUrl: privacyCenterUrl(),
};

export const handler = httpRoute(routeNamed('verify-request'), async ({ params, body }) => ({
  body: await verifyRequest(deps, params.requestId, body.code),
}));
