import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { encryptedLogGroup, type DeskLogging } from './logs';

export interface FirewallProps {
  /** The ARN of the API Gateway stage to protect. */
  stageArn: string;
  logging: DeskLogging;
  /** Requests one client IP may make in any five minutes. */
  rateLimitPer5Minutes: number;
}

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

/** AWS WAF in front of the API: AWS managed rules, a per-IP rate limit, and logs of what it saw. */
export class Firewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;

  constructor(scope: Construct, id: string, props: FirewallProps) {
    super(scope, id);
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('appi-desk-web-acl'),
      rules: [
        ...MANAGED_RULE_GROUPS.map((name, i) => ({
          name,
          priority: i,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
          visibilityConfig: visibility(name),
        })),
        {
          name: 'RateLimitPerIp',
          priority: MANAGED_RULE_GROUPS.length,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: props.rateLimitPer5Minutes, aggregateKeyType: 'IP' } },
          visibilityConfig: visibility('RateLimitPerIp'),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'StageAssociation', {
      resourceArn: props.stageArn,
      webAclArn: this.webAcl.attrArn,
    });

    // WAF delivers only to log groups named aws-waf-logs-*, and takes their ARN without the ":*".
    const logGroupName = `aws-waf-logs-${Stack.of(this).stackName}`;
    const logGroup = encryptedLogGroup(this, 'LogGroup', props.logging, logs.RetentionDays.THREE_MONTHS, logGroupName);
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        Stack.of(this).formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ],
      // Status tokens ride in the Authorization header and disclosure tokens in the path: never log them.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { uriPath: {} }, { queryString: {} }],
    });
    logging.node.addDependency(logGroup);
  }
}
