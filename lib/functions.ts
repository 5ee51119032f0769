import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type BucketAccess, type BucketName, bucketEnvVar } from '../functions/adapters/buckets';
import { type SecretName, secretEnvVar } from '../functions/adapters/secrets';
import { type TableName, tableEnvVar } from '../functions/adapters/tables';
import type { TableAccess } from '../functions/routes';
import type { DeskBucket, DeskBuckets } from './audit';
import { type DeskSecrets, type DeskTables, grantSecretRead, grantTableAccess } from './data';
import { LAMBDA_BUNDLING } from './lambda-bundling';
import { type DeskLogging, encryptedLogGroup } from './logs';
import { ManagedPolicyRole } from './managed-policy-role';
import { acknowledgeOnceResolved, nagName } from './nag';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface DeskFunctionProps {
  /** The handler's file name in functions/handlers, from the route or worker manifest. */
  name: string;
  tables: Partial<Record<TableName, TableAccess>>;
  deskTables: DeskTables;
  buckets?: Partial<Record<BucketName, BucketAccess>>;
  /** Needed only by a function that names buckets. */
  deskBuckets?: DeskBuckets;
  secrets?: readonly SecretName[];
  /** Needed only by a function that names secrets. */
  deskSecrets?: DeskSecrets;
  /** A fixed name, for functions another resource's policy names by prefix. */
  functionName?: string;
  /** The log group the function writes to, shared with its kind (routes, workers, triggers). */
  logGroup: logs.ILogGroup;
  timeout: Duration;
  /** MB; 512 unless the work needs more (lib/workers.ts, from the worker manifest). */
  memorySize?: number;
  environment?: Record<string, string>;
  deadLetterQueue?: sqs.IQueue;
  /** Why the function, unlike the others, also calls hosts outside AWS (it then runs outside a VPC for that reason). */
  outsideAws?: string;
}

/**
 * One handler as a Lambda function: Node.js 22 on arm64, bundled with esbuild, traced, logging to an
 * encrypted log group it shares with its kind, and granted exactly the tables its manifest entry lists.
 */
export class DeskFunction extends Construct {
  readonly fn: nodejs.NodejsFunction;
  readonly role: ManagedPolicyRole;

  constructor(scope: Construct, id: string, props: DeskFunctionProps) {
    super(scope, id);
    this.role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs the ${props.name} function of the privacy desk`,
    });
    props.logGroup.grantWrite(this.role);

    const grants = Object.entries(props.tables) as [TableName, TableAccess][];
    for (const [table, access] of grants) grantTableAccess(this.role, props.deskTables[table], access);
    const bucketGrants = Object.entries(props.buckets ?? {}) as [BucketName, BucketAccess][];
    const deskBucket = (bucket: BucketName) => {
      if (!props.deskBuckets) throw new Error(`${props.name} names bucket ${bucket}, but no buckets were given`);
      return props.deskBuckets[bucket];
    };
    for (const [bucket, access] of bucketGrants) grantBucketAccess(this.role, bucket, deskBucket(bucket), access);
    const deskSecret = (name: SecretName) => {
      if (!props.deskSecrets) throw new Error(`${props.name} names secret ${name}, but no secrets were given`);
      return props.deskSecrets[name];
    };
    for (const name of props.secrets ?? []) grantSecretRead(this.role, deskSecret(name));

    this.fn = new nodejs.NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, 'functions', 'handlers', `${props.name}.ts`),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout,
      role: this.role,
      logGroup: props.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      description: `appi-desk ${props.name}`,
      ...(props.functionName ? { functionName: props.functionName } : {}),
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'appi-desk',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...Object.fromEntries(grants.map(([table]) => [tableEnvVar(table), props.deskTables[table].table.tableName])),
        ...Object.fromEntries(
          bucketGrants.map(([bucket]) => [bucketEnvVar(bucket), deskBucket(bucket).bucket.bucketName]),
        ),
        ...Object.fromEntries(
          (props.secrets ?? []).map((name) => [secretEnvVar(name), deskSecret(name).secret.secretArn]),
        ),
        ...props.environment,
      },
      // The esbuild options the bundle benchmark measures, so what is measured is what is deployed.
      bundling: {
        minify: LAMBDA_BUNDLING.minify,
        sourceMap: LAMBDA_BUNDLING.sourcemap,
        format: nodejs.OutputFormat.ESM,
        target: LAMBDA_BUNDLING.target,
        mainFields: [...LAMBDA_BUNDLING.mainFields],
        banner: LAMBDA_BUNDLING.banner.js,
        esbuildArgs: {
          '--alias': Object.entries(LAMBDA_BUNDLING.alias).map(([from, to]) => `${from}=${to}`),
        },
        bundleAwsSDK: LAMBDA_BUNDLING.external.length === 0,
        forceDockerBundling: false,
        logLevel: nodejs.LogLevel.WARNING,
      },
    });

    acknowledgeFunctionFindings(this.fn, props.deadLetterQueue !== undefined, props.outsideAws);
    Validations.of(this.role.managedPolicy).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'xray:PutTraceSegments and xray:PutTelemetryRecords, granted for active tracing, support no resource-level permissions.',
    });
  }
}

/**
 * Grants what a manifest asks for on one bucket: read lists it and gets objects; write puts objects
 * only; read-write does both, with their Object Lock retention (never a governance bypass, nor a delete). The bucket's
 * key only through S3.
 */
function grantBucketAccess(
  role: ManagedPolicyRole,
  name: BucketName,
  { bucket, key }: DeskBucket,
  access: BucketAccess,
): void {
  const allow = (actions: string[], resources: string[], conditions?: Record<string, unknown>) =>
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources, ...(conditions ? { conditions } : {}) }));
  // write puts objects and reads none: the worker that makes a dataset never reads another one back.
  const objectActions = {
    read: ['s3:GetObject'],
    write: ['s3:PutObject'],
    'read-write': ['s3:GetObject', 's3:PutObject', 's3:PutObjectRetention'],
  }[access];
  const keyActions = {
    read: ['kms:Decrypt'],
    write: ['kms:GenerateDataKey'],
    'read-write': ['kms:Decrypt', 'kms:GenerateDataKey'],
  }[access];
  if (access !== 'write') allow(['s3:ListBucket'], [bucket.bucketArn]);
  allow(objectActions, [bucket.arnForObjects('*')]);
  allow(keyActions, [key.keyArn], {
    StringEquals: { 'kms:ViaService': `s3.${Stack.of(bucket).region}.amazonaws.com` },
  });
  // The bucket may sit in another stack than the role (a nested stack names it by a parameter).
  acknowledgeOnceResolved(role.managedPolicy, () => [
    {
      id: `AwsSolutions-IAM5[Resource::${nagName(role, bucket.arnForObjects('*'))}]`,
      reason: `Objects of the ${name} bucket only, a bucket of the desk's own holding nothing else; its object keys are not known until written.`,
    },
  ]);
}

/** Why the functions that reach holders run outside a VPC (cdk-nag NIST.800.53.R5-LambdaInsideVPC). */
export const HOLDERS_OUTSIDE_AWS =
  "They call the holders' OpenDSR endpoints on the internet over HTTPS (answers verified against the holder's pinned certificate; at registration, the discovery and certificate the officer pins), besides AWS regional APIs; no private network resource exists, and a VPC would need a NAT gateway to reach the same internet hosts.";

/** Findings every desk function shares, each for a reason that holds for all of them. */
function acknowledgeFunctionFindings(fn: lambda.Function, hasDeadLetterQueue: boolean, outsideAws?: string): void {
  const validations = Validations.of(fn);
  validations.acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason:
        'Node.js 22 is the runtime the handlers are bundled for (esbuild target node22) and tested on; moving to a newer runtime is a deliberate upgrade, not a drift.',
    },
    {
      id: 'NIST.800.53.R5-LambdaConcurrency',
      reason:
        'Load is bounded before it reaches the functions: API routes by stage throttling and the WAF rate-based rule, workers by their stream shards and schedule; reserving concurrency per function in an account with the default quota can make deployment fail.',
    },
    {
      id: 'NIST.800.53.R5-LambdaInsideVPC',
      reason:
        outsideAws ??
        'The functions reach only AWS regional APIs (DynamoDB, KMS, SES, X-Ray, CloudWatch Logs) over TLS with IAM authorisation and no private network resource exists; a VPC would protect nothing here.',
    },
  );
  if (!hasDeadLetterQueue) {
    validations.acknowledge({
      id: 'NIST.800.53.R5-LambdaDLQ',
      reason:
        'Invoked synchronously (by API Gateway, or by a stream event-source mapping that has its own on-failure queue); a Lambda DLQ applies only to asynchronous invocations.',
    });
  }
}

/**
 * The encrypted log group a kind of desk function shares. Lambda names each function's streams
 * YYYY/MM/DD/<function>[<version>]<id>, so a shared group keeps them apart, and one group per kind
 * instead of one per function keeps the stack within CloudFormation's 500 resources.
 */
export function functionLogGroup(scope: Construct, id: string, logging: DeskLogging): logs.LogGroup {
  return encryptedLogGroup(scope, id, logging, logs.RetentionDays.THREE_MONTHS);
}
