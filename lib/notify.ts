import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

export interface NotifyConstructProps {
  senderEmail: string;
  officerEmail: string;
  removalPolicy: RemovalPolicy;
}

/** E-mail to requesters through SES, and alarms to the Information Security Officer through SNS. */
export class NotifyConstruct extends Construct {
  readonly identity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;
  readonly alarmTopic: sns.Topic;
  private readonly senderEmail: string;
  private readonly officerEmail: string;

  constructor(scope: Construct, id: string, props: NotifyConstructProps) {
    super(scope, id);
    this.senderEmail = props.senderEmail;
    this.officerEmail = props.officerEmail;
    // Never mail an address that bounced or complained again: it protects the sender's reputation
    // and stops personal data going to a dead or unwilling mailbox.
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
    });
    this.identity = new ses.EmailIdentity(this, 'SenderIdentity', {
      identity: ses.Identity.email(props.senderEmail),
      configurationSet: this.configurationSet,
    });

    const topicKey = new kms.Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the alarm topic of the privacy desk',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    // CloudWatch alarms publish to the encrypted topic, so they must be able to use its key.
    topicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', {
      displayName: 'Privacy desk security alarms',
      masterKey: topicKey,
      enforceSSL: true,
    });
    // enforceSSL replaces the default topic policy, so the alarms of this account are let in by name.
    this.alarmTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.alarmTopic.topicArn],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.officerEmail));
  }

  /** What a function that sends e-mail needs to know. */
  get senderEnvironment(): Record<string, string> {
    return {
      DESK_SENDER_EMAIL: this.senderEmail,
      DESK_SES_CONFIGURATION_SET: this.configurationSet.configurationSetName,
      DESK_OFFICER_EMAIL: this.officerEmail,
    };
  }

  /** Sending through this identity and configuration set only. */
  grantSendEmail(grantee: iam.IGrantable): void {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.identity.emailIdentityArn, configurationSetArn],
      }),
    );
  }
}
