import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

/** CIS AWS Foundations Benchmark 1.2, 3.2: Management Console sign-in without MFA. */
export const CONSOLE_SIGN_IN_WITHOUT_MFA_PATTERN =
  '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }';

/** CIS AWS Foundations Benchmark 1.2, 3.4: IAM policy changes. */
export const IAM_POLICY_CHANGES_PATTERN =
  '{ ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName = DeleteUserPolicy) || ' +
  '($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) || ($.eventName = PutUserPolicy) || ' +
  '($.eventName = CreatePolicy) || ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ' +
  '($.eventName = DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ' +
  '($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy) || ' +
  '($.eventName = DetachGroupPolicy) }';

/** CIS AWS Foundations Benchmark 1.2, 3.5: CloudTrail configuration changes. */
export const CLOUDTRAIL_CHANGES_PATTERN =
  '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ' +
  '($.eventName = StartLogging) || ($.eventName = StopLogging) }';

/** CIS AWS Foundations Benchmark 1.2, 3.7: disabling or scheduled deletion of customer-managed KMS keys. */
export const KMS_KEY_DISABLE_OR_DELETION_PATTERN =
  '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }';

export interface SecurityAlarm {
  /** The CIS AWS Foundations Benchmark 1.2 recommendation it implements. */
  cis: string;
  metricName: string;
  pattern: string;
  description: string;
}

/** The CIS monitoring recommendations the desk alarms on besides unauthorised API calls (3.1, lib/audit.ts). */
export const SECURITY_ALARMS: readonly SecurityAlarm[] = [
  {
    cis: '3.2',
    metricName: 'ConsoleSignInWithoutMfa',
    pattern: CONSOLE_SIGN_IN_WITHOUT_MFA_PATTERN,
    description: 'Someone signed in to the AWS console without MFA (CIS 3.2): check who, and require MFA for them.',
  },
  {
    cis: '3.4',
    metricName: 'IamPolicyChanges',
    pattern: IAM_POLICY_CHANGES_PATTERN,
    description:
      'An IAM policy was created, changed, attached or detached (CIS 3.4): check that the change was planned; grants decide who reaches personal data.',
  },
  {
    cis: '3.5',
    metricName: 'CloudTrailChanges',
    pattern: CLOUDTRAIL_CHANGES_PATTERN,
    description:
      'A CloudTrail trail was created, changed, deleted, started or stopped (CIS 3.5): the audit trail of the desk may have a gap.',
  },
  {
    cis: '3.7',
    metricName: 'KmsKeyDisabledOrScheduledForDeletion',
    pattern: KMS_KEY_DISABLE_OR_DELETION_PATTERN,
    description:
      'A customer-managed KMS key was disabled or scheduled for deletion (CIS 3.7): data it encrypts becomes unreadable; cancel the deletion if unplanned.',
  },
];

export const SECURITY_METRIC_NAMESPACE = 'AppiDesk/Security';

export interface SecurityAlarmsProps {
  /** The log group CloudTrail delivers the trail to. */
  trailLogGroup: logs.ILogGroup;
  /** The officer's alarm topic. */
  alarmTopic: sns.ITopic;
}

/** CloudTrail metric filters and alarms in the CIS style, each alarm to the officer's topic. */
export class SecurityAlarms extends Construct {
  readonly alarms: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: SecurityAlarmsProps) {
    super(scope, id);
    for (const definition of SECURITY_ALARMS) {
      const filter = new logs.MetricFilter(this, `${definition.metricName}Filter`, {
        logGroup: props.trailLogGroup,
        filterPattern: logs.FilterPattern.literal(definition.pattern),
        metricNamespace: SECURITY_METRIC_NAMESPACE,
        metricName: definition.metricName,
        metricValue: '1',
      });
      // One event is enough: each of these is rare and deliberate, so every one is worth a look.
      const alarm = new cloudwatch.Alarm(this, `${definition.metricName}Alarm`, {
        alarmDescription: definition.description,
        metric: filter.metric({ statistic: cloudwatch.Stats.SUM, period: Duration.minutes(5) }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      alarm.addAlarmAction(new actions.SnsAction(props.alarmTopic));
      this.alarms[definition.metricName] = alarm;
    }
  }
}
