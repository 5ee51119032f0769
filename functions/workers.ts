// Functions that no one calls over HTTP: stream consumers and schedules. CDK wires them to their
// event sources; the local runtime polls the same streams and runs the same schedules.
import type { BucketAccess, BucketName } from './adapters/buckets';
import type { TableName } from './adapters/tables';
import { ACCESS_LOG_DIGEST_MINUTES, accessLogDigestMinutes } from './domain/access-log/digest';
import type { TableAccess } from './http/route-definition';

export type WorkerSource =
  | { kind: 'stream'; table: TableName }
  /** `setting`: the desk setting that, when set, overrides everyMinutes (read with `minutes`). */
  | {
      kind: 'schedule';
      everyMinutes: number;
      setting?: { name: string; minutes: (value: string | undefined) => number };
    };

export interface WorkerDefinition {
  /** The handler's file name in functions/handlers. */
  name: string;
  summary: string;
  source: WorkerSource;
  tables: Partial<Record<TableName, TableAccess>>;
  buckets?: Partial<Record<BucketName, BucketAccess>>;
  /** Whether it may send e-mail through SES. */
  sendsEmail: boolean;
  /** It calls holders' OpenDSR endpoints on the internet (and names the desk's callback URL to them). */
  reachesHolders?: true;
  /** Lambda's memory in MB, when the default 512 is too little for the work (memory also buys CPU). */
  memoryMb?: number;
  /** Lambda's timeout in seconds, when the default 60 is too short. */
  timeoutSeconds?: number;
  /** Stream records per invocation, when the default 10 would make one invocation do too much. */
  batchSize?: number;
}

export const WORKERS = [
  {
    name: 'send-outbox',
    summary: 'Sends each new outbox message through SES and marks it sent.',
    source: { kind: 'stream', table: 'outbox' },
    tables: { outbox: 'read-write' },
    sendsEmail: true,
  },
  {
    name: 'retry-outbox',
    summary: 'Sends outbox messages still pending after a failed attempt.',
    source: { kind: 'schedule', everyMinutes: 5 },
    tables: { outbox: 'read-write' },
    sendsEmail: true,
  },
  {
    name: 'certify-erasure',
    summary: 'Turns each removal of personal data into an erasure certificate holding no personal data.',
    source: { kind: 'stream', table: 'personal-data' },
    tables: { evidence: 'write', 'personal-data': 'read', disclosures: 'erase', subjects: 'erase' },
    sendsEmail: false,
  },
  {
    name: 'certify-my-number-erasure',
    summary: 'Turns each removal of an Individual Number into an erasure certificate; its stream carries keys only.',
    source: { kind: 'stream', table: 'my-number' },
    tables: { evidence: 'write', 'my-number': 'read' },
    sendsEmail: false,
  },
  {
    name: 'erase-on-request',
    summary:
      'Erases every record of a subject flagged for erasure by a cessation-of-use request, and certifies it without personal data.',
    source: { kind: 'stream', table: 'subjects' },
    tables: { 'personal-data': 'erase', evidence: 'write' },
    sendsEmail: false,
  },
  {
    name: 'apply-purpose-change',
    summary:
      'Carries a published purpose change to the records: e-mails affected people within the SES sending rate, or recomputes expiry after a retirement.',
    source: { kind: 'schedule', everyMinutes: 1 },
    tables: { purposes: 'read-write', 'personal-data': 'read-write', subjects: 'read', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'send-deadline-reminders',
    summary:
      'E-mails operators about open requests due within two desk days and the officer about overdue ones, each request once.',
    source: { kind: 'schedule', everyMinutes: 30 },
    tables: { requests: 'read-write', staff: 'read', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'remind-holder-reviews',
    summary:
      'E-mails the officer about each processor whose supervision review is overdue (policy §6(2)B), once per due day.',
    source: { kind: 'schedule', everyMinutes: 24 * 60 },
    tables: { holders: 'read-write', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'remind-incident-reports',
    summary:
      'E-mails the officer about each report to the PPC on a reportable incident due within a desk day, and again once overdue, once each.',
    source: { kind: 'schedule', everyMinutes: 60 },
    tables: { incidents: 'read-write', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'remind-standing-lapses',
    summary:
      "E-mails the officer 14 days before a staff member's rules or training lapse past the grace period, and once when they have, once each.",
    source: { kind: 'schedule', everyMinutes: 24 * 60 },
    tables: { staff: 'read', safeguards: 'read-write', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'remind-corrective-actions',
    summary:
      'E-mails the officer about each corrective action of an audit past its due day (policy §6(2)A), once per action and due day.',
    source: { kind: 'schedule', everyMinutes: 24 * 60 },
    tables: { audits: 'read-write', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'remind-overdue-fulfilment',
    summary:
      'E-mails the assignee (or the operators) and the officer about each decided request past its due date whose holders have not all finished, once per request.',
    source: { kind: 'schedule', everyMinutes: 30 },
    tables: { 'fulfilment-tasks': 'read', holders: 'read', requests: 'read-write', staff: 'read', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'analyse-staff-access',
    summary:
      "Analyses each closed hour of the access log once and e-mails the officer about anyone reading many people's data in an hour or reading outside desk hours.",
    source: { kind: 'schedule', everyMinutes: 15 },
    tables: { 'access-log': 'read', evidence: 'read-write', outbox: 'write' },
    sendsEmail: false,
  },
  {
    name: 'write-access-log-digest',
    summary:
      "Writes the access log's chain heads as a new digest object to the Object Lock bucket, every few minutes (DESK_ACCESS_LOG_DIGEST_MINUTES) when a chain moved.",
    source: {
      kind: 'schedule',
      everyMinutes: ACCESS_LOG_DIGEST_MINUTES,
      setting: { name: 'DESK_ACCESS_LOG_DIGEST_MINUTES', minutes: accessLogDigestMinutes },
    },
    tables: { 'access-log': 'read' },
    buckets: { 'access-log-digests': 'read-write' },
    sendsEmail: false,
  },
  {
    name: 'send-fulfilment-tasks',
    summary:
      "Sends each new fulfilment task to its holder over OpenDSR, and each cancellation a withdrawal owes; the task's version claim keeps the schedule from sending it too.",
    source: { kind: 'stream', table: 'fulfilment-tasks' },
    // disclosures: a disclosure found completed has the holder's results merged into the stored dossier.
    tables: {
      'fulfilment-tasks': 'read-write',
      holders: 'read',
      requests: 'read-write',
      outbox: 'write',
      disclosures: 'read-write',
    },
    sendsEmail: false,
    reachesHolders: true,
  },
  {
    name: 'contact-holders',
    summary:
      'Every minute: retries sends to holders that were down (backing off), polls holders that sent no callback, and sends cancellations still owed; releases an answer when its last task completes.',
    source: { kind: 'schedule', everyMinutes: 1 },
    // disclosures: a disclosure found completed has the holder's results merged into the stored dossier.
    tables: {
      'fulfilment-tasks': 'read-write',
      holders: 'read',
      requests: 'read-write',
      outbox: 'write',
      disclosures: 'read-write',
    },
    sendsEmail: false,
    reachesHolders: true,
  },
  {
    name: 'anonymise-dataset',
    summary:
      'Makes each requested run of a dataset definition: reads the live registry records it names, anonymises them (Enforcement Rules Art. 34), stores the rows and the processing method apart, and publishes the items in the privacy notice, or refuses the run with why.',
    source: { kind: 'stream', table: 'anonymisation' },
    // personal-data and subjects are read by a projection of keys, category, value and dates, and the
    // cessation flag: the only function that reads the registry and writes a dataset.
    tables: {
      anonymisation: 'read-write',
      'anonymised-publications': 'write',
      'personal-data': 'read',
      subjects: 'read',
    },
    buckets: { 'anonymised-datasets': 'write', 'anonymisation-methods': 'write' },
    sendsEmail: false,
    // 100,000 subjects' records and the lattice search in one invocation (docs/operating.md); one run
    // per invocation, so a long one holds up no other.
    memoryMb: 3008,
    timeoutSeconds: 15 * 60,
    batchSize: 1,
  },
] as const satisfies readonly WorkerDefinition[];

/** How often a scheduled worker runs under the desk's settings: its setting when one is given, else its default. */
export function scheduleMinutes(
  source: Extract<WorkerSource, { kind: 'schedule' }>,
  settings: Record<string, string | undefined>,
): number {
  return source.setting ? source.setting.minutes(settings[source.setting.name]) : source.everyMinutes;
}
