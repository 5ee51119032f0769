// The dev stage as synthesised: every promise of the CDK part, checked against the manifests it is
// generated from (TABLES, ROUTES, WORKERS).
import { Duration, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMPANY_ENV } from '../../functions/adapters/company';
import { TABLES, type TableName, tableEnvVar } from '../../functions/adapters/tables';
import { DEMO_COMPANY, parseCompany } from '../../functions/domain/company';
import { SYSTEM_NAMES, type SystemName } from '../../functions/domain/systems';
import { ROUTES, type RouteDefinition, type TableAccess } from '../../functions/routes';
import { WORKERS, type WorkerDefinition } from '../../functions/workers';
import { API_SECURITY_POLICY } from '../../lib/api';
import { UNAUTHORIZED_API_CALLS_PATTERN } from '../../lib/audit';
import { CAPABILITIES, type Capability, capabilityRoutes, routeCapability } from '../../lib/capabilities';
import type { DeskFunction } from '../../lib/functions';
import { PrivacyCenter } from '../../lib/privacy-center';
import { asArray, flatten, referencedIds, type Statement } from './iam';
import { type SynthesisedDesk, synthDesk } from './synth';

type Json = Record<string, any>;

let desk: SynthesisedDesk;
let resources: Record<string, Json>;

beforeAll(() => {
  desk = synthDesk();
  resources = desk.template.toJSON().Resources;
}, 180_000);

const resource = (construct: Parameters<SynthesisedDesk['logicalId']>[0]) => resources[desk.logicalId(construct)]!;
/** The desk's own functions, without CDK's deployment function for the Privacy Center. */
const deskFunctions = () =>
  Object.fromEntries(
    Object.entries(desk.template.findResources('AWS::Lambda::Function')).filter(
      ([id]) => !PrivacyCenter.isDeploymentFunction(id),
    ),
  );
const tableId = (name: TableName) => desk.logicalId(desk.stack.data.tables[name].table);
const keyId = (name: TableName) => desk.logicalId(desk.stack.data.tables[name].key);

function statementsOf(fn: DeskFunction): Statement[] {
  return resource(fn.role.managedPolicy).Properties.PolicyDocument.Statement;
}

/** For each table, the actions a function's policy allows (or denies) on it or its key. */
function tableActions(fn: DeskFunction, effect: 'Allow' | 'Deny'): Map<TableName, Set<string>> {
  const byId = new Map<string, TableName>(
    TABLES.flatMap(
      (t) =>
        [
          [tableId(t.name), t.name],
          [keyId(t.name), t.name],
        ] as const,
    ),
  );
  const result = new Map<TableName, Set<string>>();
  for (const statement of statementsOf(fn).filter((s) => s.Effect === effect)) {
    for (const id of referencedIds(statement.Resource)) {
      const table = byId.get(id);
      if (!table) continue;
      const actions = result.get(table) ?? new Set<string>();
      asArray(statement.Action).forEach((a) => actions.add(a));
      result.set(table, actions);
    }
  }
  return result;
}

const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const READ_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];

interface ManifestEntry {
  name: string;
  tables: Partial<Record<TableName, TableAccess>>;
  fn: () => DeskFunction;
  streamTable?: TableName;
}
const entries: ManifestEntry[] = [
  ...ROUTES.map((r) => ({ name: r.name, tables: r.tables, fn: () => desk.stack.api.functions[r.name]! })),
  ...(WORKERS as readonly WorkerDefinition[]).map((w) => ({
    name: w.name,
    tables: w.tables,
    fn: () => desk.stack.workers.functions[w.name]!,
    ...(w.source.kind === 'stream' ? { streamTable: w.source.table } : {}),
  })),
];

describe('data: one table per entry of TABLES', () => {
  it.each(TABLES.map((t) => [t.name, t] as const))(
    '%s has its keys, indexes, TTL, stream, CMK and PITR',
    (name, definition) => {
      const table = resources[tableId(name)]!;
      const props = table.Properties;
      expect(props.KeySchema).toEqual([
        { AttributeName: definition.partitionKey.name, KeyType: 'HASH' },
        ...(definition.sortKey ? [{ AttributeName: definition.sortKey.name, KeyType: 'RANGE' }] : []),
      ]);
      expect(props.BillingMode).toBe('PAY_PER_REQUEST');
      expect((props.GlobalSecondaryIndexes ?? []).map((i: Json) => i.IndexName)).toEqual(
        (definition.globalIndexes ?? []).map((i) => i.indexName),
      );
      expect(props.TimeToLiveSpecification).toEqual(
        definition.timeToLiveAttribute ? { AttributeName: 'expiresAt', Enabled: true } : undefined,
      );
      expect(props.StreamSpecification).toEqual(definition.stream ? { StreamViewType: definition.stream } : undefined);
      expect(props.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
      const [replica] = props.Replicas;
      expect(replica.SSESpecification.KMSMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId(name), 'Arn'] });
      expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(resources[keyId(name)]!.Properties.EnableKeyRotation).toBe(true);
    },
  );

  it('each table has a key of its own', () => {
    expect(new Set(TABLES.map((t) => keyId(t.name))).size).toBe(TABLES.length);
  });

  it('has no deletion protection outside prod, and tables are destroyed with the stack', () => {
    for (const t of TABLES) {
      const table = resources[tableId(t.name)]!;
      expect(table.Properties.Replicas[0].DeletionProtectionEnabled).toBe(false);
      expect(table.DeletionPolicy).toBe('Delete');
    }
  });

  it('keeps Individual Numbers in my-number: per subject and document, expiring, keys-only stream, own key, PITR', () => {
    const props = resources[tableId('my-number')]!.Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: 'subjectId', KeyType: 'HASH' },
      { AttributeName: 'documentId', KeyType: 'RANGE' },
    ]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(props.StreamSpecification).toEqual({ StreamViewType: 'KEYS_ONLY' });
    expect(props.GlobalSecondaryIndexes).toBeUndefined();
    expect(props.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.Replicas[0].SSESpecification.KMSMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId('my-number'), 'Arn'] });
    expect(keyId('my-number')).not.toBe(keyId('personal-data'));
  });

  it('keeps subject lifecycles in subjects: per subject, no TTL of their own, a stream of both images for erasure on request, own key, PITR', () => {
    const props = resources[tableId('subjects')]!.Properties;
    expect(props.KeySchema).toEqual([{ AttributeName: 'subjectId', KeyType: 'HASH' }]);
    expect(props.TimeToLiveSpecification).toBeUndefined();
    expect(props.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(props.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.Replicas[0].SSESpecification.KMSMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId('subjects'), 'Arn'] });
  });

  it('keeps self-service sessions in sessions: one key per code session or token, expiring, no stream, own key, PITR', () => {
    const props = resources[tableId('sessions')]!.Properties;
    expect(props.KeySchema).toEqual([{ AttributeName: 'sessionKey', KeyType: 'HASH' }]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(props.StreamSpecification).toBeUndefined();
    expect(props.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.Replicas[0].SSESpecification.KMSMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId('sessions'), 'Arn'] });
  });

  it('keeps the recipient registry in recipients for good: per recipient, no TTL, no stream, own key, PITR', () => {
    const props = resources[tableId('recipients')]!.Properties;
    expect(props.KeySchema).toEqual([{ AttributeName: 'recipientId', KeyType: 'HASH' }]);
    expect(props.TimeToLiveSpecification).toBeUndefined();
    expect(props.StreamSpecification).toBeUndefined();
    expect(props.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.Replicas[0].SSESpecification.KMSMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId('recipients'), 'Arn'] });
  });

  it('keeps records of provision in provision-records until their statutory retention ends (TTL)', () => {
    const props = resources[tableId('provision-records')]!.Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: 'subjectId', KeyType: 'HASH' },
      { AttributeName: 'recordId', KeyType: 'RANGE' },
    ]);
    expect(props.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(
      props.GlobalSecondaryIndexes.map((i: Json) => [i.IndexName, i.KeySchema.map((k: Json) => k.AttributeName)]),
    ).toEqual([['byCounterparty', ['counterpartyId', 'date']]]);
  });

  it('keeps every purpose version in purposes for good: per purpose and numeric version, no TTL, no stream, own key, PITR', () => {
    const props = resources[tableId('purposes')]!.Properties;
    expect(props.KeySchema).toEqual([
      { AttributeName: 'purposeId', KeyType: 'HASH' },
      { AttributeName: 'version', KeyType: 'RANGE' },
    ]);
    expect(props.AttributeDefinitions).toContainEqual({ AttributeName: 'version', AttributeType: 'N' });
    expect(props.TimeToLiveSpecification).toBeUndefined();
    expect(props.StreamSpecification).toBeUndefined();
    expect(props.Replicas[0].PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(props.Replicas[0].SSESpecification.KMSMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId('purposes'), 'Arn'] });
  });
});

describe('functions: one per route and per worker', () => {
  it('creates exactly one Lambda function per manifest entry, Node.js 22 on arm64, traced', () => {
    const functions = deskFunctions();
    // ...plus the staff pool's Cognito triggers (test/infra/staff-pool.test.ts).
    expect(Object.keys(functions)).toHaveLength(
      ROUTES.length + WORKERS.length + Object.keys(desk.stack.api.staff.triggers).length,
    );
    for (const entry of entries) {
      const props = resource(entry.fn().fn).Properties;
      expect(props.Runtime).toBe('nodejs22.x');
      expect(props.Architectures).toEqual(['arm64']);
      expect(props.TracingConfig).toEqual({ Mode: 'Active' });
      expect(props.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'appi-desk',
        POWERTOOLS_LOG_LEVEL: 'INFO',
      });
      const logGroup = resources[props.LoggingConfig.LogGroup.Ref]!.Properties;
      expect(logGroup.KmsKeyId).toBeDefined();
      expect(logGroup.RetentionInDays).toBeGreaterThan(0);
    }
  });

  it.each(entries.map((e) => [e.name, e] as const))(
    '%s is told the physical name of exactly its tables',
    (_, entry) => {
      const variables: Json = resource(entry.fn().fn).Properties.Environment.Variables;
      const tableVars = Object.fromEntries(Object.entries(variables).filter(([k]) => k.startsWith('DESK_TABLE_')));
      const tables = Object.keys(entry.tables) as TableName[];
      expect(tableVars).toEqual(Object.fromEntries(tables.map((t) => [tableEnvVar(t), { Ref: tableId(t) }])));
    },
  );

  it.each(entries.map((e) => [e.name, e] as const))(
    "%s speaks as the configured company, within Lambda's 4 KB of variables",
    (_, entry) => {
      const variables: Json = resource(entry.fn().fn).Properties.Environment.Variables;
      expect(parseCompany(JSON.parse(variables[COMPANY_ENV]))).toEqual(DEMO_COMPANY);
      // A reference becomes a physical name at deployment: count each as a long one (100 bytes).
      const bytes = Object.entries(variables).reduce(
        (sum, [key, value]) => sum + key.length + (typeof value === 'string' ? Buffer.byteLength(value) : 100),
        0,
      );
      expect(bytes).toBeLessThan(4096);
    },
  );

  it.each(entries.map((e) => [e.name, e] as const))(
    '%s is granted only its tables, writing only where the manifest says',
    (_, entry) => {
      const allowed = tableActions(entry.fn(), 'Allow');
      const granted = new Set([...Object.keys(entry.tables), ...(entry.streamTable ? [entry.streamTable] : [])]);
      expect([...allowed.keys()].filter((t) => !granted.has(t))).toEqual([]);
      for (const [table, access] of Object.entries(entry.tables) as [TableName, TableAccess][]) {
        const actions = allowed.get(table) ?? new Set();
        const writes = WRITE_ACTIONS.filter((a) => actions.has(a));
        if (access === 'read') expect(writes).toEqual([]);
        if (access === 'append') expect(writes).toEqual(['dynamodb:PutItem']);
        if (access === 'write' || access === 'read-write')
          expect(writes.sort()).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
        if (access === 'erase') expect(writes.sort()).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem']);
        if (access === 'read' || access === 'read-write' || access === 'erase')
          expect(READ_ACTIONS.filter((a) => actions.has(a))).toEqual(READ_ACTIONS);
        if (access === 'append') expect(actions.has('dynamodb:Query')).toBe(true);
        if (access === 'lookup')
          expect([...actions].filter((a) => a.startsWith('dynamodb:'))).toEqual(['dynamodb:Query']);
        expect(actions.has('kms:Decrypt')).toBe(true);
      }
    },
  );

  it('get-disclosure may read the disclosures table and touch nothing else', () => {
    const fn = desk.stack.api.functions['get-disclosure']!;
    const allowed = tableActions(fn, 'Allow');
    expect([...allowed.keys()]).toEqual(['disclosures']);
    const actions = [...allowed.get('disclosures')!];
    expect(actions.filter((a) => a.startsWith('dynamodb:')).sort()).toEqual([
      'dynamodb:BatchGetItem',
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:Scan',
    ]);
    const everyAction = statementsOf(fn).flatMap((s) => asArray(s.Action));
    expect(everyAction).not.toContain('dynamodb:PutItem');
  });

  it('denies update, delete and batch write on the access log to every function granted append', () => {
    const appenders = entries.filter((e) => e.tables['access-log'] === 'append');
    expect(appenders.map((e) => e.name).sort()).toEqual([
      'add-audit-finding',
      'add-request-note',
      'change-corrective-action',
      'change-holder',
      'change-incident',
      'change-staff-role',
      'close-audit',
      'close-incident',
      'confirm-officer-grant',
      'create-anonymisation-definition',
      'create-staff-account',
      'decide-request',
      'disable-staff-account',
      'download-export',
      'enable-staff-account',
      'get-my-number',
      'get-paper-disclosure',
      'get-request-report',
      'lift-provision-cessation',
      'link-incident-subjects',
      'list-access-alerts',
      'list-assignees',
      'list-holders',
      'list-incidents',
      'list-provisions',
      'list-request-records',
      'list-requests',
      'list-staff-accounts',
      'list-standings',
      'list-training',
      'list-unacknowledged-rules',
      'notify-incident-persons',
      'open-incident',
      'open-incident-from-alert',
      'override-reportability',
      'plan-audit',
      'preview-decision',
      'preview-incident-notice',
      'read-anonymisation-method',
      'read-anonymised-rows',
      'record-audit-result',
      'record-consent-by-staff',
      'record-holder-review',
      'record-posting',
      'record-report-submission',
      'record-training-completion',
      'register-holder',
      'register-incident',
      'register-personal-data-by-staff',
      'request-export',
      'retire-holder',
      'search-subjects',
      'start-anonymisation-run',
      'verify-representative',
      'view-holder',
      'view-incident',
      'view-incident-report',
      'view-my-number',
      'view-request',
      'view-subject',
    ]);
    for (const entry of appenders) {
      const denied = tableActions(entry.fn(), 'Deny').get('access-log');
      expect([...(denied ?? [])].sort()).toEqual([
        'dynamodb:BatchWriteItem',
        'dynamodb:DeleteItem',
        'dynamodb:UpdateItem',
      ]);
    }
  });

  it('lets only e-mail sending workers use SES, and only through the desk identity and configuration set', () => {
    const identity = desk.logicalId(desk.stack.notify.identity);
    const configurationSet = desk.logicalId(desk.stack.notify.configurationSet);
    for (const entry of entries) {
      const worker = (WORKERS as readonly WorkerDefinition[]).find((w) => w.name === entry.name);
      const ses = statementsOf(entry.fn()).filter((s) => asArray(s.Action).some((a) => a.startsWith('ses:')));
      const variables: Json = resource(entry.fn().fn).Properties.Environment.Variables;
      if (worker?.sendsEmail) {
        expect(ses).toHaveLength(1);
        expect(asArray(ses[0]!.Action).sort()).toEqual(['ses:SendEmail', 'ses:SendRawEmail']);
        expect(referencedIds(ses[0]!.Resource).sort()).toEqual([configurationSet, identity].sort());
        expect(variables.DESK_SENDER_EMAIL).toBe('privacy-desk@example.jp');
        expect(variables.DESK_SES_CONFIGURATION_SET).toEqual({ Ref: configurationSet });
      } else {
        expect(ses).toEqual([]);
        expect(variables.DESK_SENDER_EMAIL).toBeUndefined();
      }
    }
  });

  it('has no public base URL for decide-request unless the context sets one', () => {
    const variables: Json = resource(desk.stack.api.functions['decide-request']!.fn).Properties.Environment.Variables;
    expect(variables.DESK_PUBLIC_BASE_URL).toBeUndefined();
  });

  it('feeds stream workers from their table stream, with retries, bisection and an encrypted failure queue', () => {
    for (const worker of WORKERS as readonly WorkerDefinition[]) {
      if (worker.source.kind !== 'stream') continue;
      const fn = desk.stack.workers.functions[worker.name]!.fn;
      const mappings = Object.values(
        desk.template.findResources('AWS::Lambda::EventSourceMapping', {
          Properties: { FunctionName: { Ref: desk.logicalId(fn) } },
        }),
      );
      expect(mappings).toHaveLength(1);
      const props = mappings[0]!.Properties;
      expect(props).toMatchObject({
        EventSourceArn: { 'Fn::GetAtt': [tableId(worker.source.table), 'StreamArn'] },
        StartingPosition: 'LATEST',
        BatchSize: worker.batchSize ?? 10,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
      const queue = resources[props.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0]]!;
      expect(queue.Type).toBe('AWS::SQS::Queue');
      expect(queue.Properties.KmsMasterKeyId).toBeDefined();
    }
  });

  it('runs scheduled workers on their rate, with a dead-letter queue for failed runs', () => {
    for (const worker of WORKERS as readonly WorkerDefinition[]) {
      if (worker.source.kind !== 'schedule') continue;
      const fn = desk.stack.workers.functions[worker.name]!.fn;
      desk.template.hasResourceProperties('AWS::Events::Rule', {
        // As CDK writes the rate: whole hours in hours (60 minutes is "rate(1 hour)").
        ScheduleExpression: events.Schedule.rate(Duration.minutes(worker.source.everyMinutes)).expressionString,
        Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [desk.logicalId(fn), 'Arn'] } })]),
      });
      expect(resource(fn).Properties.DeadLetterConfig.TargetArn).toBeDefined();
    }
  });

  it('reminds the officer of overdue corrective actions once a day, touching only the audits and the outbox', () => {
    const fn = desk.stack.workers.functions['remind-corrective-actions']!;
    desk.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 day)',
      Targets: Match.arrayWith([Match.objectLike({ Arn: { 'Fn::GetAtt': [desk.logicalId(fn.fn), 'Arn'] } })]),
    });
    expect([...tableActions(fn, 'Allow').keys()].sort()).toEqual(['audits', 'outbox']);
  });

  it('check-use may read personal data but not change it', () => {
    const actions = tableActions(desk.stack.api.functions['check-use']!, 'Allow').get('personal-data')!;
    expect(READ_ACTIONS.filter((a) => actions.has(a))).toEqual(READ_ACTIONS);
    expect(WRITE_ACTIONS.filter((a) => actions.has(a))).toEqual([]);
  });

  it('view-subject and the other personal-data views hold nothing on my-number', () => {
    for (const name of ['view-subject', 'search-subjects', 'check-use']) {
      expect(tableActions(desk.stack.api.functions[name]!, 'Allow').has('my-number'), name).toBe(false);
    }
    // A disclosure lists the documents held, never the number: a Query whose attributes IAM limits
    // (the condition itself is asserted in test/infra/grants.test.ts).
    expect([...tableActions(desk.stack.api.functions['decide-request']!, 'Allow').get('my-number')!].sort()).toEqual([
      'dynamodb:Query',
      'kms:Decrypt',
    ]);
  });

  it('only the four /v1/me functions touch sessions, and none may delete from it', () => {
    const me = ['start-subject-session', 'verify-subject-session', 'list-my-consents', 'withdraw-my-consent'];
    for (const entry of entries) {
      const actions = tableActions(entry.fn(), 'Allow').get('sessions');
      expect(actions !== undefined, entry.name).toBe(me.includes(entry.name));
      expect(
        [...(actions ?? [])].filter((a) => a === 'dynamodb:DeleteItem' || a === 'dynamodb:BatchWriteItem'),
        entry.name,
      ).toEqual([]);
    }
    const starting = tableActions(desk.stack.api.functions['start-subject-session']!, 'Allow');
    expect([...starting.keys()].sort()).toEqual(['outbox', 'sessions']);
  });

  it("the consent ledger may add events and set a withdrawn consent's expiry, never delete one; listing reads only", () => {
    for (const name of ['record-consent', 'record-consent-by-staff', 'withdraw-my-consent']) {
      const consents = tableActions(desk.stack.api.functions[name]!, 'Allow').get('consents')!;
      expect(
        WRITE_ACTIONS.filter((a) => consents.has(a)),
        name,
      ).toEqual(['dynamodb:PutItem', 'dynamodb:UpdateItem']);
      expect(tableActions(desk.stack.api.functions[name]!, 'Allow').has('my-number'), name).toBe(false);
    }
    // Each names the recipient as the registry holds it (in the receipt, in the list): read only.
    for (const name of ['record-consent', 'record-consent-by-staff', 'withdraw-my-consent', 'list-my-consents']) {
      const recipients = tableActions(desk.stack.api.functions[name]!, 'Allow').get('recipients')!;
      expect([...recipients].filter((a) => a.startsWith('dynamodb:')).sort(), name).toEqual(READ_ACTIONS);
    }
    const listing = tableActions(desk.stack.api.functions['list-my-consents']!, 'Allow');
    expect([...listing.keys()].sort()).toEqual(['consents', 'personal-data', 'recipients', 'sessions']);
    for (const actions of listing.values()) expect(WRITE_ACTIONS.filter((a) => actions.has(a))).toEqual([]);
  });

  it('get-privacy-notice may read the purposes, recipients and anonymised-publications tables and touch nothing else', () => {
    const allowed = tableActions(desk.stack.api.functions['get-privacy-notice']!, 'Allow');
    expect([...allowed.keys()].sort()).toEqual(['anonymised-publications', 'purposes', 'recipients']);
    for (const table of ['anonymised-publications', 'purposes', 'recipients'] as const) {
      expect([...allowed.get(table)!].filter((a) => a.startsWith('dynamodb:')).sort()).toEqual(READ_ACTIONS);
    }
  });

  it('permit-provision writes records of provision and evidence, reads consents, recipients and holders, and holds nothing on personal data', () => {
    const allowed = tableActions(desk.stack.api.functions['permit-provision']!, 'Allow');
    expect([...allowed.keys()].sort()).toEqual([
      'consents',
      'evidence',
      'holders',
      'provision-records',
      'purposes',
      'recipients',
      'subjects',
    ]);
    for (const table of ['consents', 'recipients', 'holders', 'subjects'] as const) {
      expect(
        WRITE_ACTIONS.filter((a) => allowed.get(table)!.has(a)),
        table,
      ).toEqual([]);
    }
    expect(allowed.get('provision-records')!.has('dynamodb:PutItem')).toBe(true);
    expect(allowed.get('evidence')!.has('dynamodb:PutItem')).toBe(true);
  });

  it("only the officer's register-recipient writes the recipient registry", () => {
    const writers = entries
      .filter((e) => WRITE_ACTIONS.some((a) => tableActions(e.fn(), 'Allow').get('recipients')?.has(a)))
      .map((e) => e.name);
    expect(writers).toEqual(['register-recipient']);
  });

  it('certifies each removal of an Individual Number from the my-number stream, which carries keys only', () => {
    const fn = desk.stack.workers.functions['certify-my-number-erasure']!.fn;
    desk.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: desk.logicalId(fn) },
      EventSourceArn: { 'Fn::GetAtt': [tableId('my-number'), 'StreamArn'] },
    });
    expect(resources[tableId('my-number')]!.Properties.StreamSpecification).toEqual({ StreamViewType: 'KEYS_ONLY' });
  });

  it('erases on request from the subjects stream: deletes personal data and writes evidence, and reads no lifecycle but the stream', () => {
    const worker = desk.stack.workers.functions['erase-on-request']!;
    desk.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: desk.logicalId(worker.fn) },
      EventSourceArn: { 'Fn::GetAtt': [tableId('subjects'), 'StreamArn'] },
    });
    const allowed = tableActions(worker, 'Allow');
    expect([...allowed.keys()].sort()).toEqual(['evidence', 'personal-data', 'subjects']);
    expect([...allowed.get('personal-data')!]).toEqual(
      expect.arrayContaining(['dynamodb:Query', 'dynamodb:BatchWriteItem', 'dynamodb:DeleteItem']),
    );
    expect([...allowed.get('evidence')!]).toContain('dynamodb:PutItem');
    expect([...allowed.get('subjects')!].filter((a) => READ_ACTIONS.includes(a) || WRITE_ACTIONS.includes(a))).toEqual(
      [],
    );
  });

  it('applies purpose changes every minute', () => {
    desk.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [desk.logicalId(desk.stack.workers.functions['apply-purpose-change']!.fn), 'Arn'] },
        }),
      ],
    });
  });
});

describe('api', () => {
  const methodOf = (route: RouteDefinition) => {
    const method = resources[desk.logicalId(desk.stack.api.methods[route.name]!)]!.Properties;
    expect(method.ResourceId, route.name).toEqual({
      Ref: desk.logicalId(desk.stack.api.api.root.resourceForPath(route.path)),
    });
    return method;
  };

  it('puts Cognito in front of staff routes, IAM in front of system routes and no authorizer in front of the others', () => {
    const authorizer = desk.template.findResources('AWS::ApiGateway::Authorizer');
    const [authorizerId] = Object.keys(authorizer);
    expect(authorizer[authorizerId!]!.Properties).toMatchObject({
      Type: 'COGNITO_USER_POOLS',
      ProviderARNs: [{ 'Fn::GetAtt': [desk.logicalId(desk.stack.api.staff.userPool), 'Arn'] }],
    });
    for (const route of ROUTES) {
      const method = methodOf(route);
      if (route.auth.kind === 'staff') {
        expect(method.AuthorizationType, route.name).toBe('COGNITO_USER_POOLS');
        expect(method.AuthorizerId, route.name).toEqual({ Ref: authorizerId });
      } else if (route.auth.kind === 'system') {
        expect(method.AuthorizationType, route.name).toBe('AWS_IAM');
        expect(method.AuthorizerId, route.name).toBeUndefined();
      } else {
        expect(method.AuthorizationType, route.name).toBe('NONE');
        expect(method.AuthorizerId, route.name).toBeUndefined();
      }
    }
  });

  it('routes each method to its own function and validates its request', () => {
    const validators = desk.template.findResources('AWS::ApiGateway::RequestValidator', {
      Properties: { ValidateRequestBody: true, ValidateRequestParameters: true },
    });
    const [validatorId] = Object.keys(validators);
    for (const route of ROUTES) {
      const method = methodOf(route);
      expect(method.HttpMethod).toBe(route.method);
      expect(method.RequestValidatorId).toEqual({ Ref: validatorId });
      expect(JSON.stringify(method.Integration.Uri)).toContain(
        desk.logicalId(desk.stack.api.functions[route.name]!.fn),
      );
    }
  });

  it('deploys a stage with access logs, throttling, tracing and no cache', () => {
    desk.template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'dev',
      TracingEnabled: true,
      AccessLogSetting: { DestinationArn: Match.anyValue() },
      MethodSettings: [
        Match.objectLike({
          HttpMethod: '*',
          ResourcePath: '/*',
          CachingEnabled: false,
          DataTraceEnabled: false,
          LoggingLevel: 'ERROR',
          ThrottlingRateLimit: Match.anyValue(),
          ThrottlingBurstLimit: Match.anyValue(),
        }),
      ],
    });
  });

  it('guards the stage with a regional WAF web ACL: AWS managed rules and a rate limit, logged', () => {
    const acl = desk.template.findResources('AWS::WAFv2::WebACL');
    const [aclId] = Object.keys(acl);
    const props = acl[aclId!]!.Properties;
    expect(props.Scope).toBe('REGIONAL');
    const managed = props.Rules.map((r: Json) => r.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean);
    expect(managed).toEqual([
      'AWSManagedRulesCommonRuleSet',
      'AWSManagedRulesKnownBadInputsRuleSet',
      'AWSManagedRulesAmazonIpReputationList',
    ]);
    expect(
      props.Rules.some((r: Json) => r.Statement.RateBasedStatement?.AggregateKeyType === 'IP' && r.Action.Block),
    ).toBe(true);

    const stageId = desk.logicalId(desk.stack.api.api.deploymentStage);
    desk.template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
    const association = Object.values(desk.template.findResources('AWS::WAFv2::WebACLAssociation'))[0]!;
    expect(JSON.stringify(association.Properties.ResourceArn)).toContain(stageId);
    desk.template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: { 'Fn::GetAtt': [aclId, 'Arn'] },
    });
  });

  it('signs staff in through a Cognito user pool with MFA required and the three role groups', () => {
    const pool = resource(desk.stack.api.staff.userPool).Properties;
    expect(pool.MfaConfiguration).toBe('ON');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
    expect(pool.Policies.PasswordPolicy).toMatchObject({
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(pool.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    const groups = Object.values(desk.template.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => g.Properties.GroupName,
    );
    expect(groups.sort()).toEqual(['auditor', 'officer', 'operator']);
  });

  describe('company systems', () => {
    const systemRoutes = ROUTES.filter((r) => r.auth.kind === 'system');
    const callerPolicy = (system: SystemName) => resource(desk.stack.api.callerPolicies[system]);
    const invokeArns = (system: SystemName) => {
      const [statement, ...others] = callerPolicy(system).Properties.PolicyDocument.Statement as Statement[];
      expect(others).toEqual([]);
      expect(statement).toMatchObject({ Effect: 'Allow', Action: 'execute-api:Invoke' });
      return asArray(statement!.Resource).map(flatten).sort();
    };
    const arn = (method: string, path: string) =>
      `arn:aws:execute-api:ap-northeast-1:<AWS::AccountId>:<${desk.logicalId(desk.stack.api.api)}>/dev/${method}${path}`;

    it('serves every route under /v1/system/ to systems, and none elsewhere', () => {
      for (const route of ROUTES) {
        expect(route.auth.kind === 'system', route.name).toBe(route.path.startsWith('/v1/system/'));
      }
      expect(systemRoutes.map((r) => r.name).sort()).toEqual([
        'check-use',
        'get-my-number',
        'permit-provision',
        'record-consent',
        'record-receipt',
        'record-subject-event',
        'refuse-anonymised-provision',
        'register-my-number',
        'register-personal-data',
        'register-personal-data-batch',
      ]);
    });

    it('lets payroll call the My Number routes and nothing else', () => {
      expect(invokeArns('payroll')).toEqual([
        arn('GET', '/v1/system/my-number/*'),
        arn('POST', '/v1/system/my-number'),
      ]);
    });

    it('lets business systems record consents, register personal data (one subject or in batches), ask before a provision (of personal data or, always refused, of an anonymised dataset), record a receipt, report events and ask use checks, and nothing else', () => {
      expect(invokeArns('business-systems')).toEqual([
        arn('POST', '/v1/system/anonymised-provisions'),
        arn('POST', '/v1/system/consents'),
        arn('POST', '/v1/system/personal-data'),
        arn('POST', '/v1/system/personal-data/batches'),
        arn('POST', '/v1/system/provisions'),
        arn('POST', '/v1/system/receipts'),
        arn('POST', '/v1/system/subjects/*/events'),
        arn('POST', '/v1/system/use-checks'),
      ]);
    });

    it.each(SYSTEM_NAMES.map((s) => [s] as const))(
      'names in the %s policy exactly the routes the manifest opens to it',
      (system) => {
        const expected = systemRoutes
          .filter((r) => r.auth.kind === 'system' && r.auth.systems.includes(system))
          .map((r) => arn(r.method, r.path.replace(/\{\w+\}/g, '*')));
        expect(invokeArns(system)).toEqual(expected.sort());
      },
    );

    it.each(SYSTEM_NAMES.map((s) => [s] as const))(
      'names the %s policy by stage and system, attaches it to nothing and exports its ARN',
      (system) => {
        const props = callerPolicy(system).Properties;
        expect(props.ManagedPolicyName).toBe(`appi-desk-dev-${system}-caller`);
        expect(props.Roles ?? props.Users ?? props.Groups).toBeUndefined();
        const outputs = Object.values(desk.template.toJSON().Outputs as Record<string, Json>);
        expect(outputs).toContainEqual(
          expect.objectContaining({
            Value: { Ref: desk.logicalId(desk.stack.api.callerPolicies[system]) },
            Export: { Name: `appi-desk-dev-${system}-caller-policy-arn` },
          }),
        );
      },
    );
  });
});

describe('audit', () => {
  it('keeps a validated, encrypted, multi-region trail with DynamoDB data events on every desk table', () => {
    const trail = resource(desk.stack.audit.trail).Properties;
    expect(trail).toMatchObject({ EnableLogFileValidation: true, IsMultiRegionTrail: true, IsLogging: true });
    expect(trail.KMSKeyId).toBeDefined();
    expect(trail.EventSelectors).toBeUndefined();
    const selectors: Json[] = trail.AdvancedEventSelectors;
    expect(selectors).toContainEqual(
      expect.objectContaining({ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }),
    );
    const dynamo = selectors.find((s) =>
      s.FieldSelectors.some((f: Json) => f.Field === 'resources.type' && f.Equals?.[0] === 'AWS::DynamoDB::Table'),
    );
    const arns = dynamo!.FieldSelectors.find((f: Json) => f.Field === 'resources.ARN').Equals;
    expect(arns).toEqual(TABLES.map((t) => ({ 'Fn::GetAtt': [tableId(t.name), 'Arn'] })));
    expect(selectors.some((s) => s.FieldSelectors.some((f: Json) => f.Equals?.[0] === 'AWS::S3::Object'))).toBe(true);
  });

  it('delivers the trail to an Object Lock bucket in compliance mode', () => {
    const trail = resource(desk.stack.audit.trail).Properties;
    const bucketId = desk.logicalId(desk.stack.audit.trailBucket);
    expect(trail.S3BucketName).toEqual({ Ref: bucketId });
    const bucket = resources[bucketId]!;
    expect(bucket.Properties).toMatchObject({
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1827 } },
      },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: expect.anything() },
    });
    expect(bucket.DeletionPolicy).toBe('Retain');
  });

  it('alarms the officer on unauthorised API calls seen by the trail', () => {
    const trail = resource(desk.stack.audit.trail).Properties;
    const logGroupId = desk.logicalId(desk.stack.audit.trailLogGroup);
    expect(trail.CloudWatchLogsLogGroupArn).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
    desk.template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: logGroupId },
      FilterPattern: UNAUTHORIZED_API_CALLS_PATTERN,
      MetricTransformations: [
        { MetricName: 'UnauthorizedApiCalls', MetricNamespace: 'AppiDesk/Security', MetricValue: '1' },
      ],
    });
    desk.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'UnauthorizedApiCalls',
      Namespace: 'AppiDesk/Security',
      AlarmActions: [{ Ref: desk.logicalId(desk.stack.notify.alarmTopic) }],
    });
  });
});

describe('notify', () => {
  it("counts failed sends and messages set aside from the outbox senders' ERROR logs, and alarms the officer on one set aside", () => {
    const sender = resource(desk.stack.workers.functions['send-outbox']!.fn).Properties;
    const retry = resource(desk.stack.workers.functions['retry-outbox']!.fn).Properties;
    const logGroupRef = sender.LoggingConfig.LogGroup;
    expect(retry.LoggingConfig.LogGroup).toEqual(logGroupRef);
    for (const [message, metric] of [
      ['Outbox send failed', 'OutboxSendFailed'],
      ['Outbox message undeliverable', 'OutboxUndeliverable'],
    ]) {
      desk.template.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: logGroupRef,
        FilterPattern: `{ ($.level = "ERROR") && ($.message = "${message}") }`,
        MetricTransformations: [
          { MetricName: metric, MetricNamespace: 'AppiDesk/Outbox', MetricValue: '1', DefaultValue: 0 },
        ],
      });
    }
    desk.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'OutboxUndeliverable',
      Namespace: 'AppiDesk/Outbox',
      Statistic: 'Sum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: desk.logicalId(desk.stack.notify.alarmTopic) }],
    });
  });

  it('sends through an SES identity whose configuration set suppresses bounces and complaints', () => {
    desk.template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'privacy-desk@example.jp',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: desk.logicalId(desk.stack.notify.configurationSet) } },
    });
    desk.template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('alarms the officer by e-mail through a KMS-encrypted topic that CloudWatch may publish to', () => {
    const topicId = desk.logicalId(desk.stack.notify.alarmTopic);
    expect(resources[topicId]!.Properties.KmsMasterKeyId).toBeDefined();
    desk.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
    desk.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'security-officer@example.jp',
      TopicArn: { Ref: topicId },
    });
  });
});

describe("the stacks' size and how API Gateway reaches the route functions", () => {
  it('the API takes TLS 1.2 with forward secrecy or newer, through its own endpoint only', () => {
    desk.template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      SecurityPolicy: API_SECURITY_POLICY,
      EndpointAccessMode: 'STRICT',
    });
  });

  it("keeps every stack, nested ones included, well within CloudFormation's 500 resources and 200 parameters", () => {
    // The limits are per template. Past these marks, split the capability (lib/capabilities.ts) or the base before adding more.
    expect(desk.templates.size).toBe(1 + Object.keys(CAPABILITIES).length + 2);
    for (const [stack, template] of desk.templates) {
      const { Resources, Parameters = {} } = template.toJSON();
      expect(Object.keys(Resources).length, stack.node.path).toBeLessThanOrEqual(stack === desk.stack ? 300 : 150);
      expect(Object.keys(Parameters).length, stack.node.path).toBeLessThanOrEqual(150);
    }
  });

  it("puts each route's function and method in the nested stack of its capability, and every route has one", () => {
    for (const route of ROUTES as readonly RouteDefinition[]) {
      const stack = desk.stack.api.routeStacks[routeCapability(route.name)]!;
      expect(Stack.of(desk.stack.api.functions[route.name]!.fn), route.name).toBe(stack);
      expect(Stack.of(desk.stack.api.methods[route.name]!), route.name).toBe(stack);
    }
    const named = (Object.keys(CAPABILITIES) as Capability[]).flatMap((c) => capabilityRoutes(c));
    expect([...named].sort()).toEqual(ROUTES.map((r) => r.name).sort());
    expect(() => routeCapability('no-such-route')).toThrow(/functions\/routes\//);
  });

  it("keeps the stateful resources in the desk's stack: tables, keys, buckets, trail, staff pool, API and distribution", () => {
    const stateful = [
      ...Object.values(desk.stack.data.tables).flatMap((t) => [t.table, t.key]),
      ...Object.values(desk.stack.audit.buckets).flatMap((b) => [b.bucket, b.key]),
      desk.stack.audit.trailBucket,
      desk.stack.api.staff.userPool,
      desk.stack.api.api,
      desk.stack.privacyCenter.distribution,
    ];
    for (const construct of stateful) expect(Stack.of(construct), construct.node.path).toBe(desk.stack);
  });

  it("the API's deployment waits for every stack that holds a method", () => {
    const [deployment, ...others] = Object.values(
      desk.templates.get(desk.stack)!.findResources('AWS::ApiGateway::Deployment'),
    );
    expect(others).toEqual([]);
    const holders = [...Object.values(desk.stack.api.routeStacks), desk.stack.privacyCenter.preflights];
    for (const nested of holders)
      expect(deployment!.DependsOn, nested.node.path).toContain(desk.logicalId(nested.nestedStackResource!));
  });

  it('the functions of a kind share one encrypted log group: routes, workers, triggers', () => {
    const groups = new Set(
      Object.values(deskFunctions()).map((f) => f.Properties.LoggingConfig.LogGroup.Ref as string),
    );
    expect(groups.size).toBe(3);
  });

  it("API Gateway invokes each route function as one role that may invoke only this stage's route functions, by name", () => {
    const roleId = desk.logicalId(desk.stack.api.integrationRole);
    const statements = Object.values(desk.template.findResources('AWS::IAM::ManagedPolicy'))
      .filter((p) => ((p.Properties.Roles ?? []) as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    expect(statements.map((s) => [s.Action, flatten(s.Resource)])).toEqual([
      ['lambda:InvokeFunction', 'arn:<AWS::Partition>:lambda:<AWS::Region>:<AWS::AccountId>:function:desk-dev-api-*'],
    ]);
    for (const route of ROUTES) {
      const fn = desk.template.toJSON().Resources[desk.logicalId(desk.stack.api.functions[route.name]!.fn)];
      expect(fn.Properties.FunctionName).toBe(`desk-dev-api-${route.name}`);
    }
    // The Privacy Center's CORS preflights are answered by API Gateway itself (test/infra/privacy-center.test.ts).
    const methods = Object.values(desk.template.findResources('AWS::ApiGateway::Method')).filter(
      (m) => m.Properties.HttpMethod !== 'OPTIONS',
    );
    expect(methods.length).toBe(ROUTES.length);
    for (const method of methods)
      expect(method.Properties.Integration.Credentials).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    // No resource policy per function: the only permissions left are the triggers' and the schedules'.
    const permitted = Object.values(desk.template.findResources('AWS::Lambda::Permission')).map(
      (p) => p.Properties.Principal as string,
    );
    expect(permitted).not.toContain('apigateway.amazonaws.com');
  });
});
