// The dependencies of every contact with a holder, shared by the stream worker and the schedule.
import type { ContactDeps } from '../domain/fulfilment/contact';
import { dynamoDisclosureReader } from './disclosure-repository';
import { dynamoTaskReader, fulfilmentWriter } from './fulfilment-task-repository';
import { dynamoHolders } from './holder-repository';
import { OpenDsrClient } from './opendsr-client';
import { openDsrSettings } from './opendsr-settings';
import { dynamoRequestReader } from './request-repository';
import { cryptoSecrets, systemClock } from './system';

/** Read per call: the local desk names its own URL, and allows its loopback demo holder, when it starts. */
export function contactDeps(): ContactDeps {
  const client = new OpenDsrClient();
  return {
    requests: dynamoRequestReader,
    tasks: dynamoTaskReader,
    writer: fulfilmentWriter,
    secrets: cryptoSecrets,
    clock: systemClock,
    holders: dynamoHolders,
    client,
    // A poll that finds a disclosure completed merges the holder's results into the dossier.
    results: { holders: dynamoHolders, client, disclosures: dynamoDisclosureReader },
    ...openDsrSettings(),
  };
}
