import { CfnOutput, type Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { SYSTEM_NAMES } from '../functions/domain/systems';
import { ApiConstruct } from './api';
import { AuditConstruct } from './audit';
import { DataConstruct } from './data';
import { createLogsKey } from './logs';
import { NotifyConstruct } from './notify';
import { PrivacyCenter } from './privacy-center';
import { SecurityAlarms } from './security-alarms';
import { WorkersConstruct } from './workers';

export interface AppiDeskStackProps extends StackProps {
  stage: string;
  senderEmail: string;
  officerEmail: string;
  publicBaseUrl?: string;
  /** The desk's service settings as the functions read them (DESK_RESPONSE_DESK_DAYS, DESK_FEES_JSON). */
  deskSettings?: Record<string, string>;
  /** How long CloudTrail log files stay under Object Lock in compliance mode. */
  auditRetention: Duration;
  /** When set, staff routes answer only these addresses (CIDRs); see lib/firewall.ts. */
  staffAllowedCidrs?: readonly string[];
  /** How long access-log entries are kept, and their digests locked (DESK_ACCESS_LOG_RETENTION_DAYS in deskSettings). */
  accessLogRetention: Duration;
}

/**
 * The desk's stack: the base every capability shares, with the parts that grow in nested stacks of it.
 *
 * Here: the tables and their keys, the audit trail and its buckets, notification (SES, the alarm
 * topic), the logs key, the API (paths, stage, authorizer, firewall, staff pool) and the web pages.
 * Everything with state or an address stays here, so its logical id, and with it the data, the API's
 * URL and the distribution's domain, survive as the rest moves. Nested: the route functions and their
 * methods, one stack per capability (lib/capabilities.ts); the workers; the CORS preflights.
 *
 * Nested stacks, not stacks of their own: one `cdk deploy` deploys and rolls back the desk as a whole,
 * a reference between the parts becomes a parameter CDK passes, and no CloudFormation export locks a
 * table or key in place the way a cross-stack import would. Each template has its own 500 resources.
 */
export class AppiDeskStack extends Stack {
  readonly data: DataConstruct;
  readonly notify: NotifyConstruct;
  readonly audit: AuditConstruct;
  readonly securityAlarms: SecurityAlarms;
  readonly api: ApiConstruct;
  readonly workers: WorkersConstruct;
  readonly privacyCenter: PrivacyCenter;

  constructor(scope: Construct, id: string, props: AppiDeskStackProps) {
    super(scope, id, props);
    const prod = props.stage === 'prod';
    // Production data and evidence survive a stack deletion; other stages clean up after themselves.
    const removalPolicy = prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logging = { key: createLogsKey(this, removalPolicy), removalPolicy };

    this.data = new DataConstruct(this, 'Data', { prod, removalPolicy });
    const tables = this.data.tables;
    this.notify = new NotifyConstruct(this, 'Notify', {
      senderEmail: props.senderEmail,
      officerEmail: props.officerEmail,
      removalPolicy,
    });
    this.audit = new AuditConstruct(this, 'Audit', {
      tables,
      alarmTopic: this.notify.alarmTopic,
      logging,
      retention: props.auditRetention,
      accessLogRetention: props.accessLogRetention,
    });
    this.securityAlarms = new SecurityAlarms(this, 'SecurityAlarms', {
      trailLogGroup: this.audit.trailLogGroup,
      alarmTopic: this.notify.alarmTopic,
    });
    const deskSettings = { ...props.deskSettings, DESK_OFFICER_EMAIL: props.officerEmail };
    this.api = new ApiConstruct(this, 'Api', {
      stage: props.stage,
      prod,
      tables,
      buckets: this.audit.buckets,
      secrets: this.data.secrets,
      logging,
      removalPolicy,
      ...(props.publicBaseUrl ? { publicBaseUrl: props.publicBaseUrl } : {}),
      deskSettings,
      ...(props.staffAllowedCidrs ? { staffAllowedCidrs: props.staffAllowedCidrs } : {}),
    });
    this.workers = new WorkersConstruct(this, 'Workers', {
      tables,
      buckets: this.audit.buckets,
      notify: this.notify,
      logging,
      removalPolicy,
      deskSettings,
    });

    this.privacyCenter = new PrivacyCenter(this, 'PrivacyCenter', {
      api: this.api.api,
      functions: this.api.functions,
      staff: this.api.staff,
      logging,
      removalPolicy,
    });
    this.api.allowOriginOnProblems(this.privacyCenter.origin);
    // The web ACL names the distribution's origin; the distribution never depends on the web ACL.
    this.api.firewall.allowOriginOnBlocks(this.privacyCenter.origin);

    new CfnOutput(this, 'ApiUrl', { value: this.api.api.url });
    new CfnOutput(this, 'PrivacyCenterUrl', { value: `${this.privacyCenter.origin}/` });
    new CfnOutput(this, 'DeskConsoleUrl', { value: this.privacyCenter.consoleUrl });
    new CfnOutput(this, 'StaffSignInUrl', { value: this.api.staff.signInDomain.baseUrl() });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.api.staff.userPool.userPoolId });
    new CfnOutput(this, 'StaffUserPoolClientId', { value: this.privacyCenter.deskClient.userPoolClientId });
    for (const system of SYSTEM_NAMES) {
      const pascal = system.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase());
      new CfnOutput(this, `${pascal}CallerPolicyArn`, {
        description: `Attach to the IAM role the ${system} system runs as, so it may call its routes`,
        value: this.api.callerPolicies[system].managedPolicyArn,
        exportName: `appi-desk-${props.stage}-${system}-caller-policy-arn`,
      });
    }
  }
}
