// npm start: the whole desk on this machine, on embedded defaults (DESIGN §5), each overridable.
import { resolve } from 'node:path';
import { startDesk } from '../local/desk';
import { LocalStartError } from '../local/emulators';
import { DEMO_CUSTOMER, DEMO_PASSWORD_DEFAULT } from '../local/seed';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const demoPassword = process.env.DESK_DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT;

try {
  const desk = await startDesk({
    port: port('DESK_PORT', 3000),
    dynamoPort: port('DESK_DYNAMODB_PORT', 8000),
    sesPort: port('DESK_SES_PORT', 8005),
    dataDir: resolve(process.env.DESK_DATA_DIR ?? '.local/dynamodb'),
    tablePrefix: 'appi-desk-local-',
    demoPassword,
    senderEmail: process.env.DESK_SENDER_EMAIL ?? 'privacy-desk@example.jp',
    log: (m) => console.log(`  ${m}`),
  });
  console.log(`
appi-desk is running locally.

  Desk (API and start page)  ${desk.url}
  Privacy notice             ${desk.url}/v1/privacy-notice
  OpenAPI                    ${desk.url}/v1/openapi.json
  Mailbox (SES emulator)     ${desk.mailboxUrl}
  DynamoDB Local             ${desk.dynamoEndpoint}

  Demo customer  ${DEMO_CUSTOMER.name} <${DEMO_CUSTOMER.email}>
  Demo staff     operator, officer, auditor; password ${demoPassword}
                 sign in: POST ${desk.url}/local/sign-in {"username":"operator","password":"${demoPassword}"}

Press Ctrl-C to stop.`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the desk and its emulators...');
    await desk.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof LocalStartError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`appi-desk: ${(error as Error).message}`);
  } else {
    console.error(`appi-desk: could not start: ${(error as Error).stack ?? error}`);
  }
  process.exit(1);
}
