import { dynamoSafeguards } from '../adapters/safeguards-repository';
import { systemClock } from '../adapters/system';
import { publishRuleVersion } from '../domain/safeguards/rule-register';
import { httpRoute } from '../http/route-handler';
import { publishRuleVersion as route } from '../routes/internal-rules';

const deps = { safeguards: dynamoSafeguards, clock: systemClock };

export const handler = httpRoute(route, async ({ actor, body }) => ({
  body: await publishRuleVersion(deps, actor, body),
}));
