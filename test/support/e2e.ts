// The local desk for an end-to-end test file: started once before its tests on the run's emulators,
// under tables of its own, and stopped with its tables dropped afterwards (DynamoDB Local sweeps TTL
// on a handful of tables at a time; leave the slots to other files).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { startDesk, type RunningDesk } from '../../local/desk';
import { freePort } from '../../local/emulators';
import { dropTables } from './requests';

export const E2E_DEMO_PASSWORD = 'e2e-password';

/** Registers the hooks; the returned function gives the running desk inside tests. */
export function useLocalDesk(): () => RunningDesk {
  let desk: RunningDesk | undefined;
  const tablePrefix = `e2e${randomUUID().slice(0, 6)}-`;
  beforeAll(async () => {
    desk = await startDesk({
      port: await freePort(),
      dynamoEndpoint: inject('dynamoEndpoint'),
      sesEndpoint: inject('sesEndpoint'),
      dynamoPort: 0,
      sesPort: 0,
      tablePrefix,
      demoPassword: E2E_DEMO_PASSWORD,
      senderEmail: 'privacy-desk@example.jp',
    });
  });
  afterAll(async () => {
    await desk?.stop();
    await dropTables(tablePrefix);
  });
  return () => {
    if (!desk) throw new Error('The local desk is not running: call useLocalDesk() at the top of the file.');
    return desk;
  };
}
