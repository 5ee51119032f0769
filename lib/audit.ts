import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { BucketName } from '../functions/adapters/buckets';
import type { DeskTables } from './data';
import { type DeskLogging, encryptedLogGroup } from './logs';
import { ManagedPolicyRole } from './managed-policy-role';

export interface AuditConstructProps {
  tables: DeskTables;
  alarmTopic: sns.ITopic;
  logging: DeskLogging;
  /** How long no one, not even the account root, can delete or alter a trail log file. */
  retention: Duration;
  /** How long access-log entries are kept; each digest of them stays locked as long. */
  accessLogRetention: Duration;
}

/** A desk bucket and the key only it is encrypted with, so a grant on one never opens another. */
export interface DeskBucket {
  bucket: s3.Bucket;
  key: kms.Key;
}

export type DeskBuckets = Record<BucketName, DeskBucket>;

/** CIS AWS Foundations 3.1: API calls refused for want of permission. */
export const UNAUTHORIZED_API_CALLS_PATTERN =
  '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';

/**
 * Who did what, kept tamper-proof: a multi-region CloudTrail trail of management events and data
 * events on the desk's tables, delivered to an Object Lock bucket and to CloudWatch Logs, with an
 * alarm on unauthorised calls.
 */
export class AuditConstruct extends Construct {
  readonly trail: cloudtrail.Trail;
  readonly trailBucket: s3.Bucket;
  readonly trailLogGroup: logs.LogGroup;
  readonly buckets: DeskBuckets;

  constructor(scope: Construct, id: string, props: AuditConstructProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // Audit evidence outlives the stack in every stage: locked objects could not be deleted anyway.
    const key = new kms.Key(this, 'TrailKey', {
      description: 'Encrypts the CloudTrail log files of the privacy desk',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const cloudTrailPrincipal = new iam.ServicePrincipal('cloudtrail.amazonaws.com');
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [cloudTrailPrincipal],
        actions: ['kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringLike: {
            'kms:EncryptionContext:aws:cloudtrail:arn': `arn:${stack.partition}:cloudtrail:*:${stack.account}:trail/*`,
          },
        },
      }),
    );
    key.addToResourcePolicy(
      new iam.PolicyStatement({ principals: [cloudTrailPrincipal], actions: ['kms:DescribeKey'], resources: ['*'] }),
    );
    // S3 server access logging writes into an SSE-KMS bucket only if it may use the key.
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('logging.s3.amazonaws.com')],
        actions: ['kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );

    // Both buckets: the trail's key, private, TLS only, versioned, kept when the stack goes.
    const protectedBucket = {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
    } satisfies s3.BucketProps;
    const accessLogBucket = new s3.Bucket(this, 'AccessLogBucket', protectedBucket);
    this.trailBucket = new s3.Bucket(this, 'TrailBucket', {
      ...protectedBucket,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(props.retention),
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: 'trail-bucket/',
    });

    // The digests of the access log's chain heads, one object per few minutes, locked as long as the entries.
    const digestKey = new kms.Key(this, 'AccessLogDigestKey', {
      description: 'Encrypts the digests of the privacy desk access log',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const digestBucket = new s3.Bucket(this, 'AccessLogDigestBucket', {
      ...protectedBucket,
      encryptionKey: digestKey,
      objectLockEnabled: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.compliance(props.accessLogRetention),
      serverAccessLogsBucket: accessLogBucket,
      serverAccessLogsPrefix: 'access-log-digest-bucket/',
    });
    // Anonymously processed information (APPI Art. 43): the rows, and apart from them the processing
    // method (Art. 43(2); Enforcement Rules Art. 35), each with a key of its own so that a grant on the
    // rows never opens the method. No Object Lock: the company may delete a dataset it no longer uses.
    const anonymisationBucket = (id: string, description: string, prefix: string): DeskBucket => {
      const bucketKey = new kms.Key(this, `${id}Key`, {
        description,
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      const bucket = new s3.Bucket(this, `${id}Bucket`, {
        ...protectedBucket,
        encryptionKey: bucketKey,
        serverAccessLogsBucket: accessLogBucket,
        serverAccessLogsPrefix: prefix,
      });
      return { bucket, key: bucketKey };
    };
    const anonymisedDatasets = anonymisationBucket(
      'AnonymisedDatasets',
      'Encrypts the rows of the anonymised datasets of the privacy desk',
      'anonymised-datasets-bucket/',
    );
    const anonymisationMethods = anonymisationBucket(
      'AnonymisationMethods',
      'Encrypts the processing methods of the anonymised datasets of the privacy desk',
      'anonymisation-methods-bucket/',
    );
    this.buckets = {
      'access-log-digests': { bucket: digestBucket, key: digestKey },
      'anonymised-datasets': anonymisedDatasets,
      'anonymisation-methods': anonymisationMethods,
    };

    const replicationReason =
      'Single-region deployment: the trail is multi-region, and Object Lock in compliance mode with versioning keeps every log file and digest unalterable; a cross-region copy needs a second regional stack the desk does not have.';
    for (const bucket of [accessLogBucket, this.trailBucket, digestBucket]) {
      Validations.of(bucket).acknowledge({
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason: replicationReason,
      });
    }
    for (const { bucket } of [anonymisedDatasets, anonymisationMethods]) {
      Validations.of(bucket).acknowledge({
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason:
          'Single-region deployment: a dataset is made again from its definition by a new run, and versioning keeps every object written; a cross-region copy would put anonymised data in a second region the desk does not otherwise use.',
      });
    }

    this.trailLogGroup = encryptedLogGroup(this, 'TrailLogGroup', props.logging, logs.RetentionDays.ONE_YEAR);
    // Our own role rather than the Trail's, so its permission is a managed policy, not an inline one.
    const logsRole = new ManagedPolicyRole(this, 'TrailLogsRole', { assumedBy: cloudTrailPrincipal });
    this.trailLogGroup.grantWrite(logsRole);

    this.trail = new cloudtrail.Trail(this, 'Trail', {
      bucket: this.trailBucket,
      encryptionKey: key,
      enableFileValidation: true,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
    });
    const cfnTrail = this.trail.node.defaultChild as cloudtrail.CfnTrail;
    cfnTrail.cloudWatchLogsLogGroupArn = this.trailLogGroup.logGroupArn;
    cfnTrail.cloudWatchLogsRoleArn = logsRole.roleArn;
    cfnTrail.node.addDependency(logsRole.managedPolicy);
    // A trail takes basic or advanced selectors, never both: the L2 renders an empty basic list.
    cfnTrail.eventSelectors = undefined;
    cfnTrail.advancedEventSelectors = this.eventSelectors(props.tables, [this.trailBucket, accessLogBucket]);

    this.alarmOnUnauthorizedCalls(props.alarmTopic);
  }

  /** Every management event, every item-level call on the desk's tables, and S3 object events. */
  private eventSelectors(
    tables: DeskTables,
    ownBuckets: s3.IBucket[],
  ): cloudtrail.CfnTrail.AdvancedEventSelectorProperty[] {
    return [
      { name: 'Management events', fieldSelectors: [{ field: 'eventCategory', equalTo: ['Management'] }] },
      {
        name: 'Desk table data events',
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::DynamoDB::Table'] },
          { field: 'resources.ARN', equalTo: Object.values(tables).map((t) => t.table.tableArn) },
        ],
      },
      {
        // The trail's own buckets are left out: logging their writes would log itself without end.
        name: 'S3 object data events',
        fieldSelectors: [
          { field: 'eventCategory', equalTo: ['Data'] },
          { field: 'resources.type', equalTo: ['AWS::S3::Object'] },
          { field: 'resources.ARN', notStartsWith: ownBuckets.map((b) => b.arnForObjects('')) },
        ],
      },
    ];
  }

  private alarmOnUnauthorizedCalls(topic: sns.ITopic): void {
    const filter = new logs.MetricFilter(this, 'UnauthorizedApiCallsFilter', {
      logGroup: this.trailLogGroup,
      filterPattern: logs.FilterPattern.literal(UNAUTHORIZED_API_CALLS_PATTERN),
      metricNamespace: 'AppiDesk/Security',
      metricName: 'UnauthorizedApiCalls',
      metricValue: '1',
    });
    const alarm = new cloudwatch.Alarm(this, 'UnauthorizedApiCallsAlarm', {
      alarmDescription: 'API calls refused as unauthorised (CIS 3.1): someone is probing or a grant is missing.',
      metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(topic));
  }
}
