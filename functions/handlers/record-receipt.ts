import { dynamoProvisionLedger } from '../adapters/provision-repository';
import { cryptoSecrets, systemClock } from '../adapters/system';
import { recordReceipt } from '../domain/provisions/record-receipt';
import { httpRoute } from '../http/route-handler';
import { recordReceipt as route } from '../routes/provisions';

const deps = { ledger: dynamoProvisionLedger, secrets: cryptoSecrets, clock: systemClock };

export const handler = httpRoute(route, async ({ body, actor }) => ({
  body: await recordReceipt(deps, actor, body),
}));
