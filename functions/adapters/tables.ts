// The desk's tables, one per data class (docs/architecture.md). This one description is read by the CDK
// data construct and by the local runtime, so key schemas, indexes, TTL and streams cannot drift.
import { MY_NUMBER_DETAIL_ATTRIBUTES } from '../domain/my-number/ports';

export type TableName =
  | 'requests'
  | 'disclosures'
  | 'personal-data'
  | 'my-number'
  | 'subjects'
  | 'purposes'
  | 'consents'
  | 'provision-records'
  | 'recipients'
  | 'access-log'
  | 'staff'
  | 'outbox'
  | 'evidence'
  | 'sessions'
  | 'exports'
  | 'holders'
  | 'fulfilment-tasks'
  | 'suppressions'
  | 'incidents'
  | 'safeguards'
  | 'audits'
  | 'anonymisation'
  | 'anonymised-publications';

export interface KeyAttribute {
  name: string;
  type: 'S' | 'N';
}

export interface GlobalIndexDefinition {
  indexName: string;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
}

export type StreamView = 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';

export interface TableDefinition {
  name: TableName;
  partitionKey: KeyAttribute;
  sortKey?: KeyAttribute;
  globalIndexes?: GlobalIndexDefinition[];
  /** Attribute holding the epoch second after which the item must never be served. */
  timeToLiveAttribute?: 'expiresAt';
  stream?: StreamView;
  /**
   * The table holds personal data (policy §6(2)): a staff route touching it is refused to a member
   * whose rules or training have lapsed (functions/http/safeguards-gate.ts). 'when-read': only reading
   * it handles personal data, since every staff call appends to it or mails through it (the access
   * log, the outbox), whatever it touches.
   */
  personalData?: 'held' | 'when-read';
  /**
   * The attributes a 'details' grant may read besides the keys: what may be told of an item without
   * its secret value. A table without them cannot be granted 'details'.
   */
  detailAttributes?: readonly string[];
}

export const TTL_ATTRIBUTE = 'expiresAt';

export const TABLES: readonly TableDefinition[] = [
  {
    name: 'requests',
    personalData: 'held',
    partitionKey: { name: 'requestId', type: 'S' },
    globalIndexes: [
      { indexName: 'byStatus', partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'createdAt', type: 'S' } },
    ],
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    // A disclosed dossier is a copy of personal data with a 14-day life and one reader, the link
    // holder; a table of its own lets that reader be granted nothing else. It is stored once per
    // subject it copies ('none' when it holds nobody), so erasing a subject finds every copy by
    // bySubject; every item carries subjectId, so the index holds them all (see outbox).
    name: 'disclosures',
    personalData: 'held',
    partitionKey: { name: 'tokenHash', type: 'S' },
    sortKey: { name: 'subjectId', type: 'S' },
    globalIndexes: [
      {
        indexName: 'bySubject',
        partitionKey: { name: 'subjectId', type: 'S' },
        sortKey: { name: 'tokenHash', type: 'S' },
      },
    ],
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    name: 'personal-data',
    personalData: 'held',
    partitionKey: { name: 'subjectId', type: 'S' },
    sortKey: { name: 'recordId', type: 'S' },
    // Every record carries a lookupKey (holdings.ts lookupKeyOf): identifier records are found by
    // address; an index missing items is never TTL-swept by DynamoDB Local (see outbox).
    globalIndexes: [{ indexName: 'byLookupKey', partitionKey: { name: 'lookupKey', type: 'S' } }],
    timeToLiveAttribute: TTL_ATTRIBUTE,
    stream: 'NEW_AND_OLD_IMAGES',
  },
  {
    // Individual Numbers (My Number Act): a table and key of their own, so only the functions of the
    // statutory affairs are ever granted them. The stream carries keys only: the erasure certificate
    // needs no number, so the function writing it never sees one.
    name: 'my-number',
    personalData: 'held',
    partitionKey: { name: 'subjectId', type: 'S' },
    sortKey: { name: 'documentId', type: 'S' },
    timeToLiveAttribute: TTL_ATTRIBUTE,
    stream: 'KEYS_ONLY',
    // A disclosure states which documents are held and until when; the number is not among these.
    detailAttributes: MY_NUMBER_DETAIL_ATTRIBUTES,
  },
  {
    // A subject's lifecycle: the events achievement rules count from (contract end, last activity)
    // and the flags requests set (cessation of use or of provision). Removed with the last record.
    // The stream carries a cessation-of-use flag saying erase to the erase-on-request worker; both
    // images, so a flag is acted on when it newly appears, not on every later change of the item.
    name: 'subjects',
    personalData: 'held',
    partitionKey: { name: 'subjectId', type: 'S' },
    stream: 'NEW_AND_OLD_IMAGES',
  },
  {
    // The purpose registry: every published version of every purpose, kept for good, since the
    // privacy notice of any past date must be reproducible.
    name: 'purposes',
    partitionKey: { name: 'purposeId', type: 'S' },
    sortKey: { name: 'version', type: 'N' },
  },
  {
    name: 'consents',
    personalData: 'held',
    partitionKey: { name: 'subjectId', type: 'S' },
    sortKey: { name: 'eventId', type: 'S' },
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    name: 'provision-records',
    personalData: 'held',
    partitionKey: { name: 'subjectId', type: 'S' },
    sortKey: { name: 'recordId', type: 'S' },
    // Auditors list a recipient's or provider's records across people (APPI Art. 29(2), 30(4)). Every
    // record carries counterpartyId: an index missing items is never TTL-swept by DynamoDB Local.
    globalIndexes: [
      {
        indexName: 'byCounterparty',
        partitionKey: { name: 'counterpartyId', type: 'S' },
        sortKey: { name: 'date', type: 'S' },
      },
    ],
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    // The recipient registry (APPI Art. 27-29): who data goes to, as records of provision name them.
    // Kept for good, like purposes: a record of provision may cite a recipient for years.
    name: 'recipients',
    partitionKey: { name: 'recipientId', type: 'S' },
  },
  {
    name: 'access-log',
    personalData: 'when-read',
    partitionKey: { name: 'chainId', type: 'S' },
    sortKey: { name: 'seq', type: 'N' },
    // Listing and monitoring read by time across every chain: one partition per Japan day.
    globalIndexes: [
      { indexName: 'byDay', partitionKey: { name: 'day', type: 'S' }, sortKey: { name: 'at', type: 'S' } },
    ],
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    name: 'staff',
    partitionKey: { name: 'staffId', type: 'S' },
  },
  {
    name: 'outbox',
    personalData: 'when-read',
    partitionKey: { name: 'messageId', type: 'S' },
    // Every message keeps its outboxState (pending, sent, undeliverable); the sweep queries 'pending'.
    // Not sparse on purpose: DynamoDB Local never TTL-deletes an expired item missing from a GSI, and
    // such an item holds up its whole table's TTL deletion.
    globalIndexes: [
      {
        indexName: 'pending',
        partitionKey: { name: 'outboxState', type: 'S' },
        sortKey: { name: 'createdAt', type: 'S' },
      },
    ],
    timeToLiveAttribute: TTL_ATTRIBUTE,
    stream: 'NEW_IMAGE',
  },
  {
    name: 'evidence',
    partitionKey: { name: 'evidenceId', type: 'S' },
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    // Self-service sessions: an e-mailed code's session and the subject token it
    // gives, both short-lived and hashed. A table of its own: it holds addresses for minutes, is read
    // by the four /v1/me functions only, and keeps them from being granted the requests table.
    name: 'sessions',
    personalData: 'held',
    partitionKey: { name: 'sessionKey', type: 'S' },
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    // Export requests: one item per request, its decision, its link's token hash and
    // its download; subject ids and categories, never values. Every item carries a status, so the
    // byStatus index holds them all (see outbox).
    name: 'exports',
    personalData: 'held',
    partitionKey: { name: 'exportId', type: 'S' },
    globalIndexes: [
      {
        indexName: 'byStatus',
        partitionKey: { name: 'status', type: 'S' },
        sortKey: { name: 'requestedAt', type: 'S' },
      },
    ],
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    // The holder registry: every system and subcontractor (processor) that holds personal data, and
    // for a processor its consignment contract and supervision (policy §6(2)B, APPI Art. 25). The
    // holder itself is the item 'holder'; its supervision reviews are items 'review#<at>' beside it.
    // Kept for good, like recipients: a fulfilment task names the holder it went to for years.
    name: 'holders',
    partitionKey: { name: 'holderId', type: 'S' },
    sortKey: { name: 'itemKey', type: 'S' },
  },
  {
    // One task per holder per decided request: the decision's instruction to that holder (OpenDSR),
    // its state and every contact. taskId is the OpenDSR subject_request_id (a UUID v4). byRequest
    // lists a request's tasks; byState is what the send, retry and poll sweep reads (every task
    // carries taskState, so the index holds them all: see outbox). The stream starts the first send.
    name: 'fulfilment-tasks',
    personalData: 'held',
    partitionKey: { name: 'taskId', type: 'S' },
    globalIndexes: [
      {
        indexName: 'byRequest',
        partitionKey: { name: 'requestId', type: 'S' },
        sortKey: { name: 'holderId', type: 'S' },
      },
      {
        indexName: 'byState',
        partitionKey: { name: 'taskState', type: 'S' },
        sortKey: { name: 'nextContactAt', type: 'S' },
      },
    ],
    timeToLiveAttribute: TTL_ATTRIBUTE,
    stream: 'NEW_AND_OLD_IMAGES',
  },
  {
    // What an erasure or a cessation of use leaves so that the next sync cannot bring the data back:
    // a keyed HMAC of one identifier of the person and the purposes ceased, no personal data. One item
    // per identifier and request; kept as long as the evidence.
    name: 'suppressions',
    personalData: 'held',
    partitionKey: { name: 'identifierMac', type: 'S' },
    sortKey: { name: 'requestId', type: 'S' },
    timeToLiveAttribute: TTL_ATTRIBUTE,
  },
  {
    // The register of leaks, losses and damage of personal data (APPI Art. 26). An incident's current
    // version is the item 'incident', its history 'version#0001'…, each subject linked to it an item
    // 'subject#<subjectId>' carrying the notice given to them, and reminders 'reminder#<report>#<due>'.
    // bySubject (over the subject items alone) lists a person's incidents for their dossier. Kept for
    // good: the PPC may ask about an incident years later, and the register names subject ids only.
    name: 'incidents',
    personalData: 'held',
    partitionKey: { name: 'incidentId', type: 'S' },
    sortKey: { name: 'itemKey', type: 'S' },
    globalIndexes: [
      {
        indexName: 'bySubject',
        partitionKey: { name: 'subjectId', type: 'S' },
        sortKey: { name: 'incidentId', type: 'S' },
      },
    ],
  },
  {
    // Policy §6(2): the organisational safeguards. One partition 'rules' holds every version of every
    // internal rule or manual ('rule#<ruleId>#v#0001'), one 'courses' every training course
    // ('course#<courseId>'), and one per staff member 'staff#<staffId>' their acknowledgements
    // ('ack#<ruleId>#v#0001') and training completions ('training#<courseId>#<completedOn>'), so a
    // member's standing is three queries. 'reminders' holds the lapse reminders sent. Kept for good:
    // the evidence that staff were trained and bound by the rules.
    name: 'safeguards',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
  },
  {
    // Policy §6(2): audits of compliance with the internal rules. An audit's plan is the item 'plan',
    // each checklist result 'result#<itemId>', each finding with its corrective action
    // 'finding#<findingId>', reminders sent 'reminder#<findingId>#<due>'. Kept for good.
    name: 'audits',
    partitionKey: { name: 'auditId', type: 'S' },
    sortKey: { name: 'itemKey', type: 'S' },
  },
  {
    // Anonymously processed information (APPI Art. 43): each dataset definition is the item
    // pk 'definition#<definitionId>', sk 'definition'; each run of it sk 'dataset#<datasetId>' beside it,
    // with its state (requested, published, refused), risk report, columns or problem; pk
    // 'dataset#<datasetId>', sk 'dataset' points a dataset id back to its definition. No personal
    // data: the rows are in their own bucket. The stream starts the worker on a requested run. Kept
    // for good: what was created and published stays answerable.
    name: 'anonymisation',
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    stream: 'NEW_IMAGE',
  },
  {
    // What the privacy notice publishes of each dataset created (APPI Art. 43(3); Enforcement Rules
    // Art. 36): its title, its items of information and the day. A table of its own, so the public
    // notice route is granted this and nothing of the definitions or runs.
    name: 'anonymised-publications',
    partitionKey: { name: 'datasetId', type: 'S' },
  },
];

export function tableDefinition(name: TableName): TableDefinition {
  const found = TABLES.find((t) => t.name === name);
  if (!found) throw new Error(`No table definition named ${name}`);
  return found;
}

/** The environment variable that carries a table's physical name into a function. */
export function tableEnvVar(name: TableName): string {
  return `DESK_TABLE_${name.toUpperCase().replace(/-/g, '_')}`;
}
