// npm start: the whole desk on this machine, on embedded defaults, each overridable.
import { resolve } from 'node:path';
import { SYSTEM_NAMES } from '../functions/domain/systems';
import { startDesk } from '../local/desk';
import { LocalStartError } from '../local/emulators';
import { buildPrivacyCenter, DESK_CONSOLE_PATH, PRIVACY_CENTER_PATH } from '../local/privacy-center';
import { DEMO_CUSTOMER, DEMO_PASSWORD_DEFAULT } from '../local/seed';
import { LOCAL_SIGNING_REGION, LOCAL_SYSTEM_CREDENTIALS, SIGNING_SERVICE } from '../local/system-signing';
import { API_DOCS_PATH } from '../web/api-docs';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const demoPassword = process.env.DESK_DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT;

try {
  if (await buildPrivacyCenter()) console.log('  Privacy Center and desk console built (web/ -> web/dist)');
  const desk = await startDesk({
    port: port('DESK_PORT', 3000),
    dynamoPort: port('DESK_DYNAMODB_PORT', 8000),
    sesPort: port('DESK_SES_PORT', 8005),
    s3Port: port('DESK_S3_PORT', 8006),
    demoProcessorPort: port('DESK_DEMO_PROCESSOR_PORT', 8010),
    dataDir: resolve(process.env.DESK_DATA_DIR ?? '.local/dynamodb'),
    s3DataDir: resolve(process.env.DESK_S3_DATA_DIR ?? '.local/s3'),
    tablePrefix: 'appi-desk-local-',
    demoPassword,
    senderEmail: process.env.DESK_SENDER_EMAIL ?? 'privacy-desk@example.jp',
    officerEmail: process.env.DESK_OFFICER_EMAIL ?? 'officer@desk.example.jp',
    log: (m) => console.log(`  ${m}`),
  });
  const systems = SYSTEM_NAMES.map((s) => {
    const { accessKeyId, secretAccessKey } = LOCAL_SYSTEM_CREDENTIALS[s];
    return `                 ${s.padEnd(18)}${accessKeyId} / ${secretAccessKey}`;
  }).join('\n');
  const subject = `${desk.url}/v1/staff/subjects/${DEMO_CUSTOMER.subjectId}`;
  console.log(`
appi-desk is running locally.

  Desk (API and start page)  ${desk.url}
  Privacy Center             ${desk.url}${PRIVACY_CENTER_PATH}
  Desk console (staff)       ${desk.url}${DESK_CONSOLE_PATH}
  Privacy notice             ${desk.url}/v1/privacy-notice
  API reference              ${desk.url}${API_DOCS_PATH}
  OpenAPI                    ${desk.url}/v1/openapi.json
  Mailbox (SES emulator)     ${desk.mailboxUrl}
  DynamoDB Local             ${desk.dynamoEndpoint}
  S3 emulator (digests)      ${desk.s3Endpoint}
  Demo processor (OpenDSR)   ${desk.demoProcessor.baseUrl}/discovery   ("${desk.demoProcessor.name}", the company's CRM)

  Demo customer  ${DEMO_CUSTOMER.name} <${DEMO_CUSTOMER.email}>, subject ${DEMO_CUSTOMER.subjectId}, customer number ${DEMO_CUSTOMER.customerId}
  Demo staff     operator, officer, auditor; password ${demoPassword}
                 sign in: POST ${desk.url}/local/sign-in {"username":"operator","password":"${demoPassword}"}
  Staff views    GET ${subject}?purpose=service-provision
                 GET ${desk.url}/v1/staff/subjects?customerId=${DEMO_CUSTOMER.customerId}&purpose=service-provision
                 GET ${desk.url}/v1/staff/purposes
                 GET ${subject}/my-number?affair=tax   (officer)
  Systems        SigV4, service ${SIGNING_SERVICE}, region ${LOCAL_SIGNING_REGION}; access key id / secret:
${systems}
                 e.g. POST ${desk.url}/v1/system/use-checks, GET ${desk.url}/v1/system/my-number/${DEMO_CUSTOMER.subjectId}?affair=tax
                 with curl --aws-sigv4 "aws:amz:${LOCAL_SIGNING_REGION}:${SIGNING_SERVICE}" --user KEY:SECRET

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
