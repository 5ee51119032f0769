// Outside access and monitoring as synthesised: CIS-style CloudTrail alarms to
// the officer, the access monitoring worker and its failure alarm, and the WAF rules: per-route-class
// rate limits derived from the route manifest, and the staff allow list only when the context asks.
import type { App } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes';
import { nagPacks } from '../../lib/app';
import {
  BLOCK_RESPONSES,
  classPathRegex,
  PUBLIC_CEILING_PER_5_MINUTES,
  parseAllowedCidrs,
  RATE_LIMIT_WINDOW_SECONDS,
  RATE_LIMITS_PER_5_MINUTES,
  type RouteClass,
  routeClass,
} from '../../lib/firewall';
import {
  CLOUDTRAIL_CHANGES_PATTERN,
  CONSOLE_SIGN_IN_WITHOUT_MFA_PATTERN,
  IAM_POLICY_CHANGES_PATTERN,
  KMS_KEY_DISABLE_OR_DELETION_PATTERN,
  SECURITY_ALARMS,
  SECURITY_METRIC_NAMESPACE,
} from '../../lib/security-alarms';
import { type SynthesisedDesk, synthConfiguredDesk, synthDesk } from './synth';

type Json = Record<string, any>;

let desk: SynthesisedDesk;
let allowListed: SynthesisedDesk;

beforeAll(() => {
  desk = synthDesk();
  allowListed = synthConfiguredDesk();
}, 300_000);

const webAclRules = (d: SynthesisedDesk): Json[] =>
  Object.values(d.template.findResources('AWS::WAFv2::WebACL'))[0]!.Properties.Rules;
const ruleNamed = (d: SynthesisedDesk, name: string) => webAclRules(d).find((r) => r.Name === name);
const webAcl = (d: SynthesisedDesk): Json =>
  Object.values(d.template.findResources('AWS::WAFv2::WebACL'))[0]!.Properties;
const NOT_PREFLIGHT = {
  NotStatement: {
    Statement: {
      ByteMatchStatement: {
        FieldToMatch: { Method: {} },
        PositionalConstraint: 'EXACTLY',
        SearchString: 'OPTIONS',
        TextTransformations: [{ Priority: 0, Type: 'NONE' }],
      },
    },
  },
};
const examplePath = (path: string) => path.replace(/\{\w+\}/g, 'x-1');
const CLASSES: RouteClass[] = [
  'code-sending',
  'code-verifying',
  'bearer-token',
  'link',
  'staff',
  'system',
  'holder-callback',
  'public-read',
];

describe('CIS-style CloudTrail alarms', () => {
  it('uses the CIS AWS Foundations 1.2 filter patterns', () => {
    expect(CONSOLE_SIGN_IN_WITHOUT_MFA_PATTERN).toBe(
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    );
    for (const event of [
      'DeleteGroupPolicy',
      'DeleteRolePolicy',
      'DeleteUserPolicy',
      'PutGroupPolicy',
      'PutRolePolicy',
      'PutUserPolicy',
      'CreatePolicy',
      'DeletePolicy',
      'CreatePolicyVersion',
      'DeletePolicyVersion',
      'AttachRolePolicy',
      'DetachRolePolicy',
      'AttachUserPolicy',
      'DetachUserPolicy',
      'AttachGroupPolicy',
      'DetachGroupPolicy',
    ]) {
      expect(IAM_POLICY_CHANGES_PATTERN).toContain(`($.eventName = ${event})`);
    }
    for (const event of ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'])
      expect(CLOUDTRAIL_CHANGES_PATTERN).toContain(`($.eventName = ${event})`);
    expect(KMS_KEY_DISABLE_OR_DELETION_PATTERN).toBe(
      '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion)) }',
    );
    expect(SECURITY_ALARMS.map((a) => a.cis)).toEqual(['3.2', '3.4', '3.5', '3.7']);
  });

  it('filters the trail log group for each and alarms the officer on the first event in five minutes', () => {
    const logGroupId = desk.logicalId(desk.stack.audit.trailLogGroup);
    const topicId = desk.logicalId(desk.stack.notify.alarmTopic);
    for (const alarm of SECURITY_ALARMS) {
      desk.template.hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: { Ref: logGroupId },
        FilterPattern: alarm.pattern,
        MetricTransformations: [
          { MetricName: alarm.metricName, MetricNamespace: SECURITY_METRIC_NAMESPACE, MetricValue: '1' },
        ],
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
  const worker = (d: SynthesisedDesk) =>
    d.template.toJSON().Resources[d.logicalId(d.stack.workers.functions['analyse-staff-access']!.fn)];

  it("knows the officer's address, and the subject limit from context when given", () => {
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
    const byName = Object.fromEntries(ROUTES.map((r) => [r.name, routeClass(r)]));
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
      'receive-opendsr-callback': 'holder-callback',
    });
  });

  it("each route's path, with or without the stage, matches its own class's expression and no other", () => {
    const expressions = Object.fromEntries(CLASSES.map((c) => [c, new RegExp(classPathRegex(c, 'dev'))]));
    for (const route of ROUTES) {
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
    expect(RATE_LIMITS_PER_5_MINUTES).toEqual({
      'code-sending': 10,
      'code-verifying': 20,
      'bearer-token': 100,
      link: 50,
      staff: 3000,
      system: 10000,
      'holder-callback': 500,
    });
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
            EvaluationWindowSec: RATE_LIMIT_WINDOW_SECONDS,
            ScopeDownStatement: {
              AndStatement: {
                Statements: [
                  {
                    RegexMatchStatement: {
                      RegexString: classPathRegex(routeClassName as RouteClass, 'dev'),
                      FieldToMatch: { UriPath: {} },
                      TextTransformations: [
                        { Priority: 0, Type: 'URL_DECODE' },
                        { Priority: 1, Type: 'NORMALIZE_PATH' },
                      ],
                    },
                  },
                  NOT_PREFLIGHT,
                ],
              },
            },
          },
        },
      });
    }
  });

  it('neither counts nor blocks CORS preflights, so the browser sends the call and can read its refusal', () => {
    const rateRules = webAclRules(allowListed).filter((r) => r.Statement.RateBasedStatement);
    expect(rateRules).toHaveLength(Object.keys(RATE_LIMITS_PER_5_MINUTES).length + 1);
    for (const rule of rateRules)
      expect(rule.Statement.RateBasedStatement.ScopeDownStatement.AndStatement.Statements, rule.Name).toContainEqual(
        NOT_PREFLIGHT,
      );
    expect(ruleNamed(allowListed, 'StaffFromAllowedAddressesOnly')!.Statement.AndStatement.Statements).toContainEqual(
      NOT_PREFLIGHT,
    );
  });

  it('answers a rate limit with 429, Retry-After of the evaluation window and a problem body', () => {
    expect(RATE_LIMIT_WINDOW_SECONDS).toBe(300);
    for (const name of [
      ...Object.keys(RATE_LIMITS_PER_5_MINUTES).map((c) => `RateLimit-${c}`),
      'RateLimit-public-ceiling',
    ]) {
      const response = ruleNamed(desk, name)!.Action.Block.CustomResponse;
      expect(response, name).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: 'rate-limited' });
      expect(response.ResponseHeaders, name).toContainEqual({ Name: 'Retry-After', Value: '300' });
    }
    const body = webAcl(desk).CustomResponseBodies['rate-limited'];
    expect(body.ContentType).toBe('APPLICATION_JSON');
    expect(JSON.parse(body.Content)).toEqual({
      type: 'urn:appi-desk:problem:rate-limited',
      title: 'Too many requests',
      status: 429,
      detail: expect.stringContaining('5 minutes'),
    });
  });

  it('answers a staff route outside the staff network with 403 and a problem body saying so', () => {
    const response = ruleNamed(allowListed, 'StaffFromAllowedAddressesOnly')!.Action.Block.CustomResponse;
    expect(response).toMatchObject({ ResponseCode: 403, CustomResponseBodyKey: 'outside-staff-network' });
    expect(response.ResponseHeaders.map((h: Json) => h.Name)).not.toContain('Retry-After');
    const problem = JSON.parse(webAcl(allowListed).CustomResponseBodies['outside-staff-network'].Content);
    expect(problem).toEqual(BLOCK_RESPONSES['outside-staff-network'].problem);
    expect(problem.detail).toMatch(/company's network/);
  });

  it('lets the web pages read its refusals: their origin, Vary and Retry-After exposed, and the distribution does not wait for the web ACL', () => {
    const origin = {
      'Fn::Join': [
        '',
        [
          'https://',
          { 'Fn::GetAtt': [allowListed.logicalId(allowListed.stack.privacyCenter.distribution), 'DomainName'] },
        ],
      ],
    };
    for (const rule of webAclRules(allowListed).filter((r) => r.Action?.Block)) {
      const headers = rule.Action.Block.CustomResponse.ResponseHeaders as Json[];
      expect(headers, rule.Name).toContainEqual({ Name: 'Access-Control-Allow-Origin', Value: origin });
      expect(headers, rule.Name).toContainEqual({ Name: 'Vary', Value: 'Origin' });
      if (rule.Statement.RateBasedStatement)
        expect(headers, rule.Name).toContainEqual({ Name: 'Access-Control-Expose-Headers', Value: 'Retry-After' });
    }
    const resources = allowListed.template.toJSON().Resources as Json;
    const reached = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(walk);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const object = node as Json;
      const target =
        typeof object.Ref === 'string'
          ? object.Ref
          : Array.isArray(object['Fn::GetAtt'])
            ? object['Fn::GetAtt'][0]
            : undefined;
      for (const id of [target, ...[object.DependsOn ?? []].flat()]) {
        if (typeof id === 'string' && resources[id] && !reached.has(id)) {
          reached.add(id);
          walk(resources[id]);
        }
      }
      Object.values(object).forEach(walk);
    };
    walk(resources[allowListed.logicalId(allowListed.stack.privacyCenter.distribution)]);
    expect(reached.has(allowListed.logicalId(allowListed.stack.api.firewall.webAcl))).toBe(false);
  });

  it('keeps its custom responses within the WAF quotas (bodies at most 10,240 characters, 50 bodies and 100 response headers a web ACL)', () => {
    const acl = webAcl(allowListed);
    const bodies = Object.values(acl.CustomResponseBodies) as Json[];
    expect(bodies.length).toBeLessThanOrEqual(50);
    for (const body of bodies) expect(body.Content.length).toBeLessThanOrEqual(10_240);
    const headers = (acl.Rules as Json[]).flatMap((r) => r.Action?.Block?.CustomResponse?.ResponseHeaders ?? []);
    expect(headers.length).toBeLessThanOrEqual(100);
  });

  it('holds everything but staff and system routes to the public ceiling', () => {
    const scope = ruleNamed(desk, 'RateLimit-public-ceiling')!.Statement.RateBasedStatement;
    expect(scope.Limit).toBe(PUBLIC_CEILING_PER_5_MINUTES);
    const regex = new RegExp(
      scope.ScopeDownStatement.AndStatement.Statements[0].NotStatement.Statement.RegexMatchStatement.RegexString,
    );
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
    expect(resources[allowListed.logicalId(v4!)].Properties).toMatchObject({
      Scope: 'REGIONAL',
      IPAddressVersion: 'IPV4',
      Addresses: ['203.0.113.0/24', '198.51.100.7/32'],
    });
    expect(resources[allowListed.logicalId(v6!)].Properties).toMatchObject({
      Scope: 'REGIONAL',
      IPAddressVersion: 'IPV6',
      Addresses: ['2001:db8::/32'],
    });
    const rule = ruleNamed(allowListed, 'StaffFromAllowedAddressesOnly')!;
    expect(rule.Priority).toBe(0);
    expect(rule.Action.Block.CustomResponse.ResponseCode).toBe(403);
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
    for (const bad of [
      '10.0.0.0',
      '10.0.0.0/33',
      '10.0.0/8',
      'office',
      '2001:db8::/129',
      '10.0.0.0/8/1',
      ['10.0.0.0/8'],
    ]) {
      expect(() => parseAllowedCidrs(bad), String(bad)).toThrow(/staffAllowedCidrs/);
    }
    expect(() => synthDesk({ staffAllowedCidrs: '203.0.113.0' })).toThrow(/staffAllowedCidrs/);
  });

  it('the allow-listed stack leaves no cdk-nag finding unacknowledged either', () => {
    const findings = (app: App) =>
      nagPacks().flatMap((pack) =>
        pack
          .validateScope(app)
          .violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`)),
      );
    expect(findings(allowListed.app)).toEqual([]);
  });
});
