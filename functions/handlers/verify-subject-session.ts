import { company } from '../adapters/company';
import { dynamoSessions } from '../adapters/session-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { verifySession } from '../domain/consents/self-service';
import { httpRoute } from '../http/route-handler';
import { verifySubjectSession as route } from '../routes/consents';

const deps = { sessions: dynamoSessions, secrets: cryptoSecrets, clock: systemClock, company: company() };

export const handler = httpRoute(route, async ({ params, body }) => ({
  body: await verifySession(deps, params.sessionId, body.code),
}));
