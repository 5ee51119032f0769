import { Duration, NestedStack, type RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { SEND_FAILED_LOG_MESSAGE, UNDELIVERABLE_LOG_MESSAGE } from '../functions/adapters/outbox-log';
import { scheduleMinutes, WORKERS, type WorkerDefinition } from '../functions/workers';
import type { DeskBuckets } from './audit';
import type { DeskTables } from './data';
import { DeskFunction, functionLogGroup, HOLDERS_OUTSIDE_AWS } from './functions';
import type { DeskLogging } from './logs';
import type { NotifyConstruct } from './notify';

export const OUTBOX_METRIC_NAMESPACE = 'AppiDesk/Outbox';

export interface WorkersConstructProps {
  tables: DeskTables;
  buckets: DeskBuckets;
  notify: NotifyConstruct;
  logging: DeskLogging;
  removalPolicy: RemovalPolicy;
  /** The desk's settings and the officer's address, handed to every worker (functions/adapters/desk-settings.ts reads them). */
  deskSettings: Record<string, string>;
  /** The desk's public base URL, which the workers that reach holders name as the callback address. */
  publicBaseUrl?: string;
}

/**
 * The functions no one calls over HTTP, built from WORKERS: stream consumers and schedules. What a
 * worker cannot process lands in an encrypted queue, and a message there alarms the officer. A nested
 * stack of the desk's, so workers can be added without crowding the tables and the API.
 */
export class WorkersConstruct extends NestedStack {
  readonly functions: Record<string, DeskFunction> = {};
  private readonly queueKey: kms.Key;
  private readonly logGroup: logs.LogGroup;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: WorkersConstructProps,
  ) {
    super(scope, id, {
      description: 'appi-desk workers: stream consumers and schedules, their failure queues and alarms',
    });
    this.queueKey = new kms.Key(this, 'FailureQueueKey', {
      description: 'Encrypts the failure queues of the privacy desk workers',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    this.logGroup = functionLogGroup(this, 'FunctionLogGroup', props.logging);
    for (const worker of WORKERS as readonly WorkerDefinition[]) this.addWorker(worker);
    this.outboxAlarm();
  }

  /**
   * The outbox senders log each failed send and each message set aside at ERROR
   * (functions/adapters/outbox-log.ts); these filters count them, and one message set aside alarms
   * the officer. The alarm goes through SNS, not SES, so it arrives when SES is the thing that is down.
   */
  private outboxAlarm(): void {
    const count = (id: string, message: string, metricName: string) =>
      new logs.MetricFilter(this, id, {
        logGroup: this.logGroup,
        filterPattern: logs.FilterPattern.literal(`{ ($.level = "ERROR") && ($.message = "${message}") }`),
        metricNamespace: OUTBOX_METRIC_NAMESPACE,
        metricName,
        metricValue: '1',
        defaultValue: 0,
      });
    count('OutboxSendFailedFilter', SEND_FAILED_LOG_MESSAGE, 'OutboxSendFailed');
    const undeliverable = count('OutboxUndeliverableFilter', UNDELIVERABLE_LOG_MESSAGE, 'OutboxUndeliverable');
    const alarm = new cloudwatch.Alarm(this, 'OutboxUndeliverableAlarm', {
      alarmDescription:
        'An e-mail of the desk was set aside as undeliverable (a statutory answer may not have reached the person): see "undeliverable" in GET /v1/staff/reports/requests and send it again.',
      metric: undeliverable.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
      threshold: 0,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.props.notify.alarmTopic));
  }

  private addWorker(worker: WorkerDefinition): void {
    const failures = this.failureQueue(worker.name);
    const source = worker.source;
    const desk = new DeskFunction(this, worker.name, {
      name: worker.name,
      tables: worker.tables,
      deskTables: this.props.tables,
      ...(worker.buckets ? { buckets: worker.buckets } : {}),
      deskBuckets: this.props.buckets,
      logGroup: this.logGroup,
      timeout: Duration.seconds(worker.timeoutSeconds ?? 60),
      ...(worker.memoryMb ? { memorySize: worker.memoryMb } : {}),
      environment: {
        ...this.props.deskSettings,
        ...(worker.sendsEmail ? this.props.notify.senderEnvironment : {}),
        ...(worker.reachesHolders && this.props.publicBaseUrl
          ? { DESK_PUBLIC_BASE_URL: this.props.publicBaseUrl }
          : {}),
      },
      ...(worker.reachesHolders ? { outsideAws: HOLDERS_OUTSIDE_AWS } : {}),
      // Scheduled runs are asynchronous invocations; stream batches fail over to the mapping's queue.
      ...(source.kind === 'schedule' ? { deadLetterQueue: failures } : {}),
    });
    this.functions[worker.name] = desk;
    if (worker.sendsEmail) this.props.notify.grantSendEmail(desk.role);

    if (source.kind === 'stream') {
      desk.fn.addEventSource(
        new sources.DynamoEventSource(this.props.tables[source.table].table, {
          startingPosition: lambda.StartingPosition.LATEST,
          batchSize: worker.batchSize ?? 10,
          bisectBatchOnError: true,
          retryAttempts: 5,
          reportBatchItemFailures: true,
          onFailure: new sources.SqsDlq(failures),
        }),
      );
      Validations.of(failures).acknowledge({
        id: 'AwsSolutions-SQS3',
        reason: `This queue is itself the on-failure destination of the ${worker.name} stream mapping; a queue behind it would only move the same records once more.`,
      });
    } else {
      new events.Rule(this, `${worker.name}-schedule`, {
        description: `Runs ${worker.name}: ${worker.summary}`,
        schedule: events.Schedule.rate(Duration.minutes(scheduleMinutes(source, this.props.deskSettings))),
        targets: [new targets.LambdaFunction(desk.fn)],
      });
    }
    this.acknowledgeQueueKeyGrant(desk);
  }

  private failureQueue(workerName: string): sqs.Queue {
    const queue = new sqs.Queue(this, `${workerName}-failures`, {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: this.queueKey,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: this.props.removalPolicy,
    });
    const alarm = new cloudwatch.Alarm(this, `${workerName}-failures-alarm`, {
      alarmDescription: `${workerName} gave up on work; it waits in its failure queue for a person to look.`,
      metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.props.notify.alarmTopic));
    return queue;
  }

  private acknowledgeQueueKeyGrant(desk: DeskFunction): void {
    const reason =
      "Granted by Queue.grantSendMessages (behind SqsDlq and the Lambda dead-letter config) on one resource only: the key of the workers' failure queues, which encrypts nothing else.";
    Validations.of(desk.role.managedPolicy).acknowledge(
      { id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', reason },
      { id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]', reason },
    );
  }
}
