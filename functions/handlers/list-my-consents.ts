import { dynamoConsents } from '../adapters/consent-repository';
import { dynamoSubjectHoldings } from '../adapters/holdings-repository';
import { dynamoRecipients } from '../adapters/recipient-repository';
import { dynamoSessions } from '../adapters/session-repository';
import { systemClock } from '../adapters/system';
import { listMyConsents } from '../domain/consents/self-service';
import { httpRoute } from '../http/route-handler';
import { listMyConsents as route } from '../routes/consents';

const deps = {
  sessions: dynamoSessions,
  subjects: dynamoSubjectHoldings,
  consents: dynamoConsents,
  recipients: dynamoRecipients,
  clock: systemClock,
};

export const handler = httpRoute(route, async ({ bearer }) => ({
  body: await listMyConsents(deps, bearer),
  headers: { 'cache-control': 'no-store' },
}));
