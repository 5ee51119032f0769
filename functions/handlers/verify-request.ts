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
};

export const handler = httpRoute(routeNamed('verify-request'), async ({ params, body }) => {
  // Read per call, as DESK_PUBLIC_BASE_URL is: the local desk sets it when it starts.
  return { body: await verifyRequest({ ...deps, privacyCenterUrl: privacyCenterUrl() }, params.requestId, body.code) };
});
