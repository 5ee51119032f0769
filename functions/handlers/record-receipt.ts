import { dynamoProvisionLedger } from '../adapters/provision-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { recordReceipt } from '../domain/provisions/record-receipt';
import { httpRoute } from '../http/route-handler';
import { routeNamed } from '../routes';

const deps = { ledger: dynamoProvisionLedger, secrets: cryptoSecrets, clock: systemClock };

export const handler = httpRoute(routeNamed('record-receipt'), async ({ body, actor }) => ({
  body: await recordReceipt(deps, actor, body),
}));
