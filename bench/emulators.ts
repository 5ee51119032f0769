// The emulators a bench part runs on, started together: if one fails, the others are stopped before
// the error is passed on, so no Java or Node process is left behind.
import {
  freePort,
  type RunningEmulator,
  startDynamoDbLocal,
  startS3Emulator,
  startSesEmulator,
} from '../local/emulators';

/** DynamoDB Local, the SES emulator and the S3 emulator, in that order. */
export async function startEmulators(): Promise<RunningEmulator[]> {
  const started = await Promise.allSettled([
    startDynamoDbLocal(await freePort()),
    startSesEmulator(await freePort()),
    startS3Emulator(await freePort()),
  ]);
  const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(running.map((e) => e.stop()));
    throw failed.reason;
  }
  return running;
}
