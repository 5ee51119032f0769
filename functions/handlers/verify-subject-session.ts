import { dynamoSessions } from '../adapters/session-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { verifySession } from '../domain/consents/self-service';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { sessions: dynamoSessions, secrets: cryptoSecrets, clock: systemClock };

export const handler = httpRoute(routeNamed('verify-subject-session'), async ({ params, body }) => ({
  body: await verifySession(deps, params.sessionId, body.code),
}));
