// Outside access and monitoring as synthesised (issue 6 items 5 and 7): CIS-style CloudTrail alarms to
// the officer, the access monitoring worker and its failure alarm, and the WAF rules: per-route-class
// rate limits derived from the route manifest, and the staff allow list only when the context asks.
import type { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, type RouteDefinition } from '../../functions/routes';
import { nagPacks } from '../../lib/app';
import {
  classPathRegex,
  parseAllowedCidrs,
  PUBLIC_CEILING_PER_5_MINUTES,
  RATE_LIMITS_PER_5_MINUTES,
  routeClass,
  type RouteClass,
} from '../../lib/firewall';
import {
  CLOUDTRAIL_CHANGES_PATTERN,
  CONSOLE_SIGN_IN_WITHOUT_MFA_PATTERN,
  IAM_POLICY_CHANGES_PATTERN,
  KMS_KEY_DISABLE_OR_DELETION_PATTERN,
  SECURITY_ALARMS,
  SECURITY_METRIC_NAMESPACE,
} from '../../lib/security-alarms';
import { synthDesk, type SynthesisedDesk } from './synth';

type Json = Record<string, any>;

let desk: SynthesisedDesk;
let allowListed: SynthesisedDesk;

beforeAll(() => {
  desk = synthDesk();
  allowListed = synthDesk({ staffAllowedCidrs: '203.0.113.0/24, 198.51.100.7/32,2001:db8::/32', monitorMaxSubjectsPerHour: 50 });
}, 300_000);

const webAclRules = (d: SynthesisedDesk): Json[] => Object.values(d.template.findResources('AWS::WAFv2::WebACL'))[0]!.Properties.Rules;
const ruleNamed = (d: SynthesisedDesk, name: string) => webAclRules(d).find((r) => r.Name === name);
const examplePath = (path: string) => path.replace(/\{\w+\}/g, 'x-1');
const CLASSES: RouteClass[] = ['code-sending', 'code-verifying', 'bearer-token', 'link', 'staff', 'system', 'public-read'];

describe('CIS-style CloudTrail alarms', () => {
  it('uses the CIS AWS Foundations 1.2 filter patterns', () => {
    expect(CONSOLE_SIGN_IN_WITHOUT_MFA_PATTERN).toBe('{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }');
    for (const event of ['DeleteGroupPolicy', 'DeleteRolePolicy', 'DeleteUserPolicy', 'PutGroupPolicy', 'PutRolePolicy', 'PutUserPolicy', 'CreatePolicy', 'DeletePolicy',
      'CreatePolicyVersion', 'DeletePolicyVersion', 'AttachRolePolicy', 'DetachRolePolicy', 'AttachUserPolicy', 'DetachUserPolicy', 'AttachGroupPolicy', 'DetachGroupPolicy']) {
      expect(IAM_POLICY_CHANGES_PATTERN).toContain(`($.eventName = ${event})`);
    }
    for (const event of ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging']) expect(CLOUDTRAIL_CHANGES_PATTERN).toContain(`($.eventName = ${event})`);
    expect(KMS_KEY_DISABLE_OR_DELETION_PATTERN).toBe('{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }');
    expect(SECURITY_ALARMS.map((a) => a.cis)).toEqual(['3.2', '3.4', '3.5', '3.7']);
  });

  it('filters the trail log group for each and alarms the officer on the first event in five minutes', () => {
    const logGroupId = desk.logicalId(desk.stack.audit.trailLogGroup);
    const topicId = desk.logicalId(desk.stack.notify.alarmTopic);
    for (const alarm of SECURITY_ALARMS) {
      desk.template.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: { Ref: logGroupId },
        FilterPattern: alarm.pattern,
        MetricTransformations: [{ MetricName: alarm.metricName, MetricNamespace: SECURITY_METRIC_NAMESPACE, MetricValue: '1' }],
      });
      desk.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: alarm.metricName,
        Namespace: SECURITY_METRIC_NAMESPACE,
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
      });
    }
  });
});

describe('access monitoring worker', () => {
  const worker = (d: SynthesisedDesk) => d.template.toJSON().Resources[d.logicalId(d.stack.workers.functions['analyse-staff-access']!.fn)];

  it('knows the officer\'s address, and the subject limit from context when given', () => {
    expect(worker(desk).Properties.Environment.Variables.DESK_OFFICER_EMAIL).toBe('security-officer@example.jp');
    expect(worker(desk).Properties.Environment.Variables.DESK_MONITOR_MAX_SUBJECTS_PER_HOUR).toBeUndefined();
    expect(worker(allowListed).Properties.Environment.Variables.DESK_MONITOR_MAX_SUBJECTS_PER_HOUR).toBe('50');
  });

  it('refuses a subject limit that is not a whole number of at least one', () => {
    expect(() => synthDesk({ monitorMaxSubjectsPerHour: 0 })).toThrow(/DESK_MONITOR_MAX_SUBJECTS_PER_HOUR/);
  });

  it('a failed run lands in its dead-letter queue, which alarms the officer', () => {
    const queueId = worker(desk).Properties.DeadLetterConfig.TargetArn['Fn::GetAtt'][0];
    desk.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }],
      AlarmActions: [{ Ref: desk.logicalId(desk.stack.notify.alarmTopic) }],
    });
  });
});

describe('route classes from the manifest', () => {
  it('classes the code-sending and code-verifying routes as the issue names them', () => {
    const byName = Object.fromEntries((ROUTES as readonly RouteDefinition[]).map((r) => [r.name, routeClass(r)]));
    expect(byName).toMatchObject({
      'submit-request': 'code-sending',
      'start-subject-session': 'code-sending',
      'verify-request': 'code-verifying',
      'verify-subject-session': 'code-verifying',
      'get-request-status': 'bearer-token',
      'list-my-consents': 'bearer-token',
      'get-disclosure': 'link',
      'list-requests': 'staff',
      'register-personal-data': 'system',
      'get-privacy-notice': 'public-read',
    });
  });

  it('each route\'s path, with or without the stage, matches its own class\'s expression and no other', () => {
    const expressions = Object.fromEntries(CLASSES.map((c) => [c, new RegExp(classPathRegex(c, 'dev'))]));
    for (const route of ROUTES as readonly RouteDefinition[]) {
      for (const path of [examplePath(route.path), `/dev${examplePath(route.path)}`]) {
        const matching = CLASSES.filter((c) => expressions[c]!.test(path));
        expect(matching, `${route.method} ${path}`).toEqual([routeClass(route)]);
      }
    }
    expect(expressions['code-sending']!.test('/dev/v1/requests/x-1/verification')).toBe(false);
    // WAF takes a regular expression of at most 512 characters.
    for (const c of CLASSES) expect(classPathRegex(c, 'dev').length, c).toBeLessThanOrEqual(512);
  });

  it('the limits are desk policy: tight where a call e-mails a code or guesses one, generous for staff and systems', () => {
    expect(RATE_LIMITS_PER_5_MINUTES).toEqual({ 'code-sending': 10, 'code-verifying': 20, 'bearer-token': 100, link: 50, staff: 3000, system: 10000 });
    expect(PUBLIC_CEILING_PER_5_MINUTES).toBe(500);
  });
});

describe('WAF rules', () => {
  it('limits each route class per address, scoped down to its paths after decoding and normalising them', () => {
    for (const [routeClassName, limit] of Object.entries(RATE_LIMITS_PER_5_MINUTES)) {
      const rule = ruleNamed(desk, `RateLimit-${routeClassName}`);
      expect(rule, routeClassName).toMatchObject({
        Action: { Block: {} },
        Statement: {
          RateBasedStatement: {
            Limit: limit,
            AggregateKeyType: 'IP',
            ScopeDownStatement: {
              RegexMatchStatement: {
                RegexString: classPathRegex(routeClassName as RouteClass, 'dev'),
                FieldToMatch: { UriPath: {} },
                TextTransformations: [{ Priority: 0, Type: 'URL_DECODE' }, { Priority: 1, Type: 'NORMALIZE_PATH' }],
              },
            },
          },
        },
      });
    }
  });

  it('holds everything but staff and system routes to the public ceiling', () => {
    const scope = ruleNamed(desk, 'RateLimit-public-ceiling')!.Statement.RateBasedStatement;
    expect(scope.Limit).toBe(PUBLIC_CEILING_PER_5_MINUTES);
    const regex = new RegExp(scope.ScopeDownStatement.NotStatement.Statement.RegexMatchStatement.RegexString);
    expect(regex.test('/dev/v1/staff/requests')).toBe(true);
    expect(regex.test('/v1/system/consents')).toBe(true);
    expect(regex.test('/dev/v1/requests')).toBe(false);
  });

  it('has no staff allow list unless staffAllowedCidrs is set', () => {
    expect(ruleNamed(desk, 'StaffFromAllowedAddressesOnly')).toBeUndefined();
    expect(desk.template.findResources('AWS::WAFv2::IPSet')).toEqual({});
    expect(desk.stack.api.firewall.staffIpSets).toEqual([]);
  });

  it('with staffAllowedCidrs, blocks staff routes from any other address before any other rule', () => {
    const [v4, v6] = allowListed.stack.api.firewall.staffIpSets;
    const resources = allowListed.template.toJSON().Resources;
    expect(resources[allowListed.logicalId(v4!)].Properties).toMatchObject({ Scope: 'REGIONAL', IPAddressVersion: 'IPV4', Addresses: ['203.0.113.0/24', '198.51.100.7/32'] });
    expect(resources[allowListed.logicalId(v6!)].Properties).toMatchObject({ Scope: 'REGIONAL', IPAddressVersion: 'IPV6', Addresses: ['2001:db8::/32'] });
    const rule = ruleNamed(allowListed, 'StaffFromAllowedAddressesOnly')!;
    expect(rule.Priority).toBe(0);
    expect(rule.Action).toEqual({ Block: {} });
    const [staffPath, notAllowed] = rule.Statement.AndStatement.Statements;
    expect(staffPath.RegexMatchStatement.RegexString).toBe(classPathRegex('staff', 'dev'));
    expect(notAllowed.NotStatement.Statement.OrStatement.Statements).toEqual([
      { IPSetReferenceStatement: { Arn: { 'Fn::GetAtt': [allowListed.logicalId(v4!), 'Arn'] } } },
      { IPSetReferenceStatement: { Arn: { 'Fn::GetAtt': [allowListed.logicalId(v6!), 'Arn'] } } },
    ]);
    expect(webAclRules(allowListed).map((r) => r.Priority)).toEqual(webAclRules(allowListed).map((_, i) => i));
  });

  it('reads staffAllowedCidrs as comma-separated CIDRs and refuses anything else', () => {
    expect(parseAllowedCidrs(undefined)).toBeUndefined();
    expect(parseAllowedCidrs(' ')).toBeUndefined();
    expect(parseAllowedCidrs('10.0.0.0/8, 2001:db8::/48')).toEqual(['10.0.0.0/8', '2001:db8::/48']);
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0/8', 'office', '2001:db8::/129', '10.0.0.0/8/1', ['10.0.0.0/8']]) {
      expect(() => parseAllowedCidrs(bad), String(bad)).toThrow(/staffAllowedCidrs/);
    }
    expect(() => synthDesk({ staffAllowedCidrs: '203.0.113.0' })).toThrow(/staffAllowedCidrs/);
  });

  it('the allow-listed stack leaves no cdk-nag finding unacknowledged either', () => {
    const findings = (app: App) => nagPacks().flatMap((pack) => pack.validateScope(app).violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)));
    expect(findings(allowListed.app)).toEqual([]);
  });
});
