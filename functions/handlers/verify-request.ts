import { company } from '../adapters/company';
import { deskSettings, privacyCenterUrl } from '../adapters/desk-settings';
import { dynamoDeskWriter } from '../adapters/desk-writer';
import { dynamoRequestReader } from '../adapters/request-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { verifyRequest } from '../domain/requests/verify-request';
import { httpRoute } from '../http/route-handler';
import { verifyRequest as route } from '../routes/requests';

const deps = {
  requests: dynamoRequestReader,
  writer: dynamoDeskWriter,
  secrets: cryptoSecrets,
  clock: systemClock,
  company: company(),
  responseDeskDays: deskSettings().responseDeskDays,
};
// Checked when the function loads, so a bad setting stops its start.
privacyCenterUrl();

export const handler = httpRoute(route, async ({ params, body }) => ({
  // Read per call, as DESK_PUBLIC_BASE_URL is: the local desk names its own port when it starts,
  // which may be after this module loaded.
  body: await verifyRequest({ ...deps, privacyCenterUrl: privacyCenterUrl() }, params.requestId, body.code),
}));
