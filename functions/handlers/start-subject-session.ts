import { company } from '../adapters/company';
import { dynamoSessions } from '../adapters/session-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { startSession } from '../domain/consents/self-service';
import { httpRoute } from '../http/route-handler';
import { startSubjectSession as route } from '../routes/consents';

const deps = { sessions: dynamoSessions, secrets: cryptoSecrets, clock: systemClock, company: company() };

export const handler = httpRoute(route, async ({ body }) => ({
  body: await startSession(deps, body.email, body.language),
}));
