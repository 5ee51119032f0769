// The whole desk on one machine: emulators, tables, demo data, the gateway, the stream poller and
// the schedules, started in that order and stopped in reverse.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { s3 } from '../functions/adapters/audit-bucket';
import { dynamo } from '../functions/adapters/clients';
import { COMPANY_ENV, company, companyEnvironmentValue } from '../functions/adapters/company';
import { DESK_OPENDSR_EXTENSION } from '../functions/domain/fulfilment/task';
import { ALLOW_PLAIN_HTTP_HOLDERS } from '../functions/domain/holders/holder';
import { scheduleMinutes, WORKERS } from '../functions/workers';
import { createBuckets } from './buckets';
import { discoverEndpoint, type RunningDemoProcessor, startDemoProcessor } from './demo-processor';
import {
  ensurePortFree,
  type RunningEmulator,
  startDynamoDbLocal,
  startS3Emulator,
  startSesEmulator,
  useEmulators,
} from './emulators';
import { LocalGateway } from './gateway';
import { loadHandler } from './handlers';
import { PRIVACY_CENTER_PATH } from './privacy-center';
import {
  DEMO_CRM_NAME,
  DEMO_CRM_PEOPLE,
  seedDemoCustomer,
  seedDemoHolders,
  seedDemoIncident,
  seedDemoStaff,
} from './seed';
import { seedDemoPopulation } from './seed-anonymisation';
import { seedDemoSafeguards } from './seed-safeguards';
import { LOCAL_ISSUER, LocalSignIn, LocalTokenIssuer } from './staff-sign-in';
import { type StreamHandler, StreamPoller } from './stream-poller';
import { createTables, physicalTableName } from './tables';

/** The commands that may put records on a table's stream. */
const WRITES =
  /^(Put|Update|Delete|BatchWrite|TransactWrite|BatchExecuteStatement|ExecuteStatement|ExecuteTransaction)/;

export interface DeskOptions {
  port: number;
  /** Use emulators already running here instead of starting them. */
  dynamoEndpoint?: string;
  sesEndpoint?: string;
  s3Endpoint?: string;
  dynamoPort: number;
  sesPort: number;
  s3Port: number;
  /** The demo processor "Mecara CRM" (an OpenDSR holder); a free port when absent or 0. */
  demoProcessorPort?: number;
  /** How long the demo processor keeps a request pending before carrying it out. */
  demoProcessorDelayMs?: number;
  /** Where DynamoDB Local keeps its data; in memory when absent. */
  dataDir?: string;
  /** Where the S3 emulator keeps its objects; a scratch folder emptied on stop when absent. */
  s3DataDir?: string;
  tablePrefix: string;
  demoPassword: string;
  senderEmail: string;
  /** The Information Security Officer's address for account changes and access alerts. */
  officerEmail: string;
  log?: (message: string) => void;
  /**
   * Seed the synthetic population anonymisation runs on (local/seed-anonymisation.ts); on unless
   * false. Its 1,500 records stream through every worker of the registry, which a test desk that does
   * not anonymise need not wait for.
   */
  demoPopulation?: boolean;
}

export interface RunningDesk {
  url: string;
  mailboxUrl: string;
  dynamoEndpoint: string;
  s3Endpoint: string;
  /** The demo processor, with its fault switches for tests. */
  demoProcessor: RunningDemoProcessor;
  stop(): Promise<void>;
}

export async function startDesk(options: DeskOptions): Promise<RunningDesk> {
  const log = options.log ?? (() => {});
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => {});
  };
  try {
    await ensurePortFree(options.port, 'the desk gateway', 'DESK_PORT');
    if (options.demoProcessorPort) {
      await ensurePortFree(options.demoProcessorPort, 'the demo processor', 'DESK_DEMO_PROCESSOR_PORT');
    }
    // The company (DESK_COMPANY_FILE, else the demo company), validated before anything starts: a bad
    // file stops the start naming the field; the handlers then read the same JSON, as in AWS.
    process.env[COMPANY_ENV] = companyEnvironmentValue(company({ ...process.env, [COMPANY_ENV]: undefined }));
    const url = `http://localhost:${options.port}`;
    // The desk's extension is keyed by its host (OpenDSR §7.1.2); the demo processor is on plain HTTP
    // on the loopback, which only the local runtime allows.
    const extensionDomain = new URL(url).host;
    process.env[DESK_OPENDSR_EXTENSION] = extensionDomain;
    process.env[ALLOW_PLAIN_HTTP_HOLDERS] = 'true';
    const processorStarting = startDemoProcessor({
      name: DEMO_CRM_NAME,
      port: options.demoProcessorPort ?? 0,
      people: DEMO_CRM_PEOPLE,
      deskExtensionDomain: extensionDomain,
      completionDelayMs: options.demoProcessorDelayMs ?? 5000,
      log,
    });
    // Stopped with the rest even if something else fails to start; its failure is thrown where awaited.
    processorStarting.catch(() => {});
    stops.push(async () => (await processorStarting.catch(() => undefined))?.stop());
    const start = async (given: string | undefined, begin: () => Promise<RunningEmulator>) => {
      if (given) return given;
      const emulator = await begin();
      stops.push(emulator.stop);
      return emulator.endpoint;
    };
    const [dynamoEndpoint, sesEndpoint, s3Endpoint] = await Promise.all([
      start(options.dynamoEndpoint, () => startDynamoDbLocal(options.dynamoPort, options.dataDir)),
      start(options.sesEndpoint, () => startSesEmulator(options.sesPort)),
      start(options.s3Endpoint, () => startS3Emulator(options.s3Port, options.s3DataDir)),
    ]);
    log(`emulators ready: DynamoDB Local ${dynamoEndpoint}, SES ${sesEndpoint}, S3 ${s3Endpoint}`);
    useEmulators(dynamoEndpoint, sesEndpoint, s3Endpoint);

    const client = new DynamoDBClient({});
    Object.assign(process.env, await createTables(client, options.tablePrefix));
    client.destroy();
    Object.assign(process.env, await createBuckets(s3(), options.tablePrefix));
    process.env.DESK_SENDER_EMAIL = options.senderEmail;
    process.env.DESK_OFFICER_EMAIL = options.officerEmail;
    process.env.DESK_PUBLIC_BASE_URL = url;
    process.env.DESK_PRIVACY_CENTER_URL = `${url}${PRIVACY_CENTER_PATH}`;
    process.env.DESK_STAFF_TOKEN_ISSUER = LOCAL_ISSUER;
    const demoProcessor = await processorStarting;
    const crmEndpoint = await discoverEndpoint(demoProcessor.baseUrl, demoProcessor.processorDomain);
    // The demo incident links Hanako, so it follows her records (linking checks the registry).
    await Promise.all([
      seedDemoCustomer().then(seedDemoIncident),
      seedDemoStaff(options.demoPassword).then(() => seedDemoSafeguards(options.demoPassword)),
      seedDemoHolders(crmEndpoint),
      options.demoPopulation === false ? Promise.resolve() : seedDemoPopulation(),
    ]);
    log('tables ready, demo data seeded');

    const gateway = new LocalGateway({
      port: options.port,
      issuer: new LocalTokenIssuer(),
      signIn: new LocalSignIn(),
      mailboxUrl: sesEndpoint,
      demoPassword: options.demoPassword,
      demoProcessorUrl: demoProcessor.baseUrl,
    });
    await gateway.start();
    stops.push(() => gateway.stop());

    const subscriptions = await Promise.all(
      WORKERS.filter((w) => w.source.kind === 'stream').map(async (w) => ({
        tableName: physicalTableName(
          options.tablePrefix,
          (w.source as { table: Parameters<typeof physicalTableName>[1] }).table,
        ),
        handler: await loadHandler<StreamHandler>(w.name),
      })),
    );
    // Every 250 ms while the desk writes, every second when idle: each write through the handlers'
    // client (the only writer here besides DynamoDB Local's TTL sweep) brings the quick pace back.
    const poller = new StreamPoller(subscriptions, 250, (m) => log(m), 1_000);
    poller.start();
    stops.push(() => poller.stop());
    const nudge = `localStreamNudge-${options.tablePrefix}`;
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (WRITES.test(context.commandName ?? '')) poller.nudge();
        return result;
      },
      { step: 'initialize', name: nudge, override: true },
    );
    stops.push(async () => void dynamo().middlewareStack.remove(nudge));

    for (const worker of WORKERS) {
      if (worker.source.kind !== 'schedule') continue;
      const handler = await loadHandler<(event: unknown) => Promise<unknown>>(worker.name);
      const run = () => handler({ source: 'local.timer' }).catch((e) => log(`${worker.name}: ${(e as Error).message}`));
      const timer = setInterval(run, scheduleMinutes(worker.source, process.env) * 60_000);
      stops.push(async () => clearInterval(timer));
    }

    return { url, mailboxUrl: sesEndpoint, dynamoEndpoint, s3Endpoint, demoProcessor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
