import { type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { SECRETS, type SecretName } from '../functions/adapters/secrets';
import {
  type KeyAttribute,
  TABLES,
  type TableDefinition,
  type TableName,
  TTL_ATTRIBUTE,
} from '../functions/adapters/tables';
import type { TableAccess } from '../functions/routes';

export interface DeskTable {
  definition: TableDefinition;
  table: dynamodb.TableV2;
  /** The table's own key, so a grant on one data class never opens another. */
  key: kms.Key;
}

export type DeskTables = Record<TableName, DeskTable>;

export interface DeskSecret {
  secret: secretsmanager.Secret;
  /** The secret's own key, so reading it needs a grant on this key too. */
  key: kms.Key;
}

export type DeskSecrets = Record<SecretName, DeskSecret>;

export interface DataConstructProps {
  prod: boolean;
  removalPolicy: RemovalPolicy;
}

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

/** One table per data class (docs/architecture.md), generated from TABLES. */
export class DataConstruct extends Construct {
  readonly tables: DeskTables;
  readonly secrets: DeskSecrets;

  constructor(scope: Construct, id: string, props: DataConstructProps) {
    super(scope, id);
    this.tables = Object.fromEntries(
      TABLES.map((definition) => [definition.name, this.createTable(definition, props)]),
    ) as DeskTables;
    this.secrets = Object.fromEntries(SECRETS.map((name) => [name, this.createSecret(name, props)])) as DeskSecrets;
  }

  /**
   * A secret Secrets Manager generates at the first deployment, encrypted with a key of its own, and
   * kept with the data: the identifier MAC key the suppression entries are found by. Never rotated: a
   * new key would make every entry unfindable, and erased people's data could be registered again.
   */
  private createSecret(name: SecretName, props: DataConstructProps): DeskSecret {
    const key = new kms.Key(this, `${name}-key`, {
      description: `Encrypts the ${name} secret of the privacy desk`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    const secret = new secretsmanager.Secret(this, name, {
      description: `The ${name} of the privacy desk: the HMAC key of the suppression entries. Never rotate it; losing it orphans every entry.`,
      encryptionKey: key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: props.removalPolicy,
    });
    const reason =
      'The HMAC key the suppression entries are keyed by (functions/domain/personal-data/suppression.ts): a rotated key gives every identifier a new MAC, so no entry written before would be found and erased data could be registered again. Its KMS key rotates instead.';
    Validations.of(secret).acknowledge(
      { id: 'AwsSolutions-SMG4', reason },
      { id: 'NIST.800.53.R5-SecretsManagerRotationEnabled', reason },
    );
    return { secret, key };
  }

  private createTable(definition: TableDefinition, props: DataConstructProps): DeskTable {
    const key = new kms.Key(this, `${definition.name}-key`, {
      description: `Encrypts the ${definition.name} table of the privacy desk`,
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    const table = new dynamodb.TableV2(this, definition.name, {
      partitionKey: attribute(definition.partitionKey),
      ...(definition.sortKey ? { sortKey: attribute(definition.sortKey) } : {}),
      globalSecondaryIndexes: definition.globalIndexes?.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
      })),
      ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
      ...(definition.stream ? { dynamoStream: dynamodb.StreamViewType[definition.stream] } : {}),
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.prod,
      removalPolicy: props.removalPolicy,
    });
    return { definition, table, key };
  }
}

/** Scan too: the purpose registry and the purpose rollout read whole tables (no wider than Query on the same table). */
const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem'];
const APPEND_ACTIONS = ['dynamodb:PutItem', 'dynamodb:Query'];
/**
 * Deleting items, for the erasure path and its cascade. IAM cannot narrow BatchWriteItem to deletes;
 * it is granted because batch deletion is what keeps bulk erasure fast.
 */
const ERASE_ACTIONS = ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** What an append-only grant must never allow, even if another statement were to. */
const APPEND_DENIED = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

const KMS_READ = ['kms:Decrypt'];
const KMS_WRITE = ['kms:Encrypt', 'kms:GenerateDataKey', 'kms:Decrypt'];

/**
 * Grants exactly what a route or worker manifest asks for on one table: named actions on the table
 * and its named indexes, and the table key only through DynamoDB.
 */
export function grantTableAccess(grantee: iam.IGrantable, desk: DeskTable, access: TableAccess): void {
  const { table, key, definition } = desk;
  const indexArns = (definition.globalIndexes ?? []).map((index) => `${table.tableArn}/index/${index.indexName}`);
  const allow = (actions: string[], resources: string[]) =>
    grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources }));

  const reads = access === 'read' || access === 'read-write' || access === 'erase';
  const writes = access === 'write' || access === 'read-write';
  if (reads) allow(READ_ACTIONS, [table.tableArn, ...indexArns]);
  if (writes) allow(WRITE_ACTIONS, [table.tableArn]);
  if (access === 'erase') allow(ERASE_ACTIONS, [table.tableArn]);
  if (access === 'lookup') {
    // Which subjects an address is known by, and nothing else: the indexes only, and only the key and
    // expiry attributes (IAM condition keys dynamodb:Attributes and dynamodb:Select, DynamoDB Developer
    // Guide, "Using IAM policy conditions for fine-grained access control").
    const keys = [definition.partitionKey.name, ...(definition.sortKey ? [definition.sortKey.name] : [])];
    const indexKeys = (definition.globalIndexes ?? []).map((index) => index.partitionKey.name);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: indexArns,
        conditions: {
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...new Set([...keys, ...indexKeys, TTL_ATTRIBUTE])] },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );
  }
  if (access === 'details') {
    // What may be told of an item, never its secret value: Query on the table itself, only for the
    // keys and the attributes the table lists (the same condition keys as lookup). A request
    // without a projection asks for every attribute (Select ALL_ATTRIBUTES) and is refused.
    if (!definition.detailAttributes) throw new Error(`Table ${definition.name} lists no detailAttributes to grant`);
    const keys = [definition.partitionKey.name, ...(definition.sortKey ? [definition.sortKey.name] : [])];
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringEquals': {
            'dynamodb:Attributes': [...new Set([...keys, ...definition.detailAttributes])],
          },
          StringEqualsIfExists: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      }),
    );
  }
  if (access === 'append') {
    allow(APPEND_ACTIONS, [table.tableArn]);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: APPEND_DENIED, resources: [table.tableArn] }),
    );
  }
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: access === 'read' || access === 'details' ? KMS_READ : KMS_WRITE,
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(table).region}.amazonaws.com` } },
    }),
  );
}

/**
 * Grants reading one secret: its value, and its key only through Secrets Manager. Named on the role
 * (not by the secret's grantRead), since the role may sit in a nested stack the key's policy must not name.
 */
export function grantSecretRead(grantee: iam.IGrantable, { secret, key }: DeskSecret): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }),
  );
  grantee.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(secret).region}.amazonaws.com` } },
    }),
  );
}
