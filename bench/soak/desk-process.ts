// The local desk for the soak, in a process of its own (forked by bench/soak.ts with an IPC channel),
// so that the memory measured is the desk's alone and not the load generator's: the same startDesk
// npm start runs, on free loopback ports, DynamoDB Local in memory, the emulators its children.
import { randomBytes } from 'node:crypto';
import { type RunningDesk, startDesk } from '../../local/desk';
import { freePort } from '../../local/emulators';

export type ToDesk = { type: 'memory' } | { type: 'stop' };
export type FromDesk =
  | { type: 'ready'; url: string; mailboxUrl: string; demoPassword: string }
  | { type: 'failed'; message: string }
  | { type: 'memory'; rss: number; heapUsed: number; heapAfterGc: number; heapTotal: number; external: number }
  | { type: 'stopped' };

const send = (message: FromDesk) => process.send?.(message);
// Started with --expose-gc: a full collection before reading the heap shows what is retained.
const gc = (globalThis as { gc?: () => void }).gc;

let desk: RunningDesk | undefined;
let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await desk?.stop().catch(() => {});
    send({ type: 'stopped' });
  }
  process.exit(code);
}

// The parent gone (killed, crashed): stop the emulators this desk started rather than orphan them.
process.on('disconnect', () => void stop(0));
process.on('message', (message: ToDesk) => {
  if (message.type === 'stop') void stop(0);
  if (message.type === 'memory') {
    const before = process.memoryUsage();
    gc?.();
    const after = process.memoryUsage();
    send({
      type: 'memory',
      rss: after.rss,
      heapUsed: before.heapUsed,
      heapAfterGc: after.heapUsed,
      heapTotal: after.heapTotal,
      external: after.external,
    });
  }
});

try {
  const demoPassword = randomBytes(12).toString('base64url');
  desk = await startDesk({
    port: await freePort(),
    dynamoPort: await freePort(),
    sesPort: await freePort(),
    s3Port: await freePort(),
    demoProcessorPort: 0,
    tablePrefix: 'appi-desk-soak-',
    demoPassword,
    senderEmail: 'privacy-desk@example.jp',
    officerEmail: 'officer@desk.example.jp',
    log: (m) => console.log(m),
  });
  send({ type: 'ready', url: desk.url, mailboxUrl: desk.mailboxUrl, demoPassword });
} catch (error) {
  send({ type: 'failed', message: (error as Error).message });
  await stop(1);
}
