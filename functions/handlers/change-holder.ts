import { dynamoAccessLog } from '../adapters/access-log-repository';
import { dynamoHolders } from '../adapters/holder-repository';
import { openDsrDiscovery } from '../adapters/opendsr-discovery';
import { dynamoPurposeVersions } from '../adapters/purpose-repository';
import { systemClock } from '../adapters/system';
import { ALLOW_PLAIN_HTTP_HOLDERS } from '../domain/holders/holder';
import { changeHolder } from '../domain/holders/registry';
import { answeringUnreachableHolder } from '../http/holder-discovery';
import { httpRoute } from '../http/route-handler';
import { changeHolder as route } from '../routes/holders';

// Read per call: the local runtime sets it after the module may have loaded.
const deps = () => {
  const allowPlainHttp = process.env[ALLOW_PLAIN_HTTP_HOLDERS] === 'true';
  return {
    holders: dynamoHolders,
    accessLog: dynamoAccessLog,
    purposes: dynamoPurposeVersions,
    discovery: openDsrDiscovery({ allowPlainHttp }),
    clock: systemClock,
    allowPlainHttp,
  };
};

export const handler = httpRoute(route, async ({ params, body, actor }) => ({
  body: await answeringUnreachableHolder(() => changeHolder(deps(), actor, params.holderId, body)),
}));
