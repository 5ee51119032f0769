import { isIP } from 'node:net';
import { ArnFormat, Lazy, Stack } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { OUTSIDE_STAFF_NETWORK_PROBLEM, RATE_LIMITED_PROBLEM } from '../functions/http/problem-words';
import { ROUTES, type RouteDefinition } from '../functions/routes';
import { type DeskLogging, encryptedLogGroup } from './logs';

export interface FirewallProps {
  /** The ARN of the API Gateway stage to protect. */
  stageArn: string;
  /** The stage's name: the default endpoint's paths begin with it, a custom domain's need not. */
  stageName: string;
  logging: DeskLogging;
  /** When set, staff routes answer only these addresses (CIDR, IPv4 or IPv6); others are blocked. */
  staffAllowedCidrs?: readonly string[];
}

/**
 * How hard a route may be called from one address, by what it does (policy §6(1), prevention of
 * unauthorised access from outside). Derived from the route manifest, so a new route is classed
 * without anyone remembering.
 */
export type RouteClass =
  | 'code-sending'
  | 'code-verifying'
  | 'bearer-token'
  | 'link'
  | 'staff'
  | 'system'
  | 'holder-callback'
  | 'public-read';

export function routeClass(route: Pick<RouteDefinition, 'method' | 'path' | 'auth'>): RouteClass {
  switch (route.auth.kind) {
    case 'staff':
    case 'system':
    case 'link':
      return route.auth.kind;
    case 'status-token':
    case 'subject-token':
      return 'bearer-token';
    case 'holder-signature':
      return 'holder-callback';
    case 'public':
      if (route.method === 'GET') return 'public-read';
      return route.path.endsWith('/verification') ? 'code-verifying' : 'code-sending';
  }
}

/**
 * Desk policy: requests one address may make in any five minutes, per route class. Each class is
 * counted on its own; everything but staff and system routes is also held to PUBLIC_CEILING.
 * - code-sending: each call e-mails a six-digit code to an address the caller typed; a person makes
 *   one or two requests, so ten covers a family or an office behind one address.
 * - code-verifying: each call is a guess at a code (five per request before it locks,
 *   VERIFICATION_MAX_ATTEMPTS); twenty lets people mistype, not sweep many requests.
 * - bearer-token: status and self-service calls with a token; a person checking and managing consents.
 * - link: a disclosure dossier opened in its three formats a few times.
 * - staff: a whole desk behind one office address working its queue.
 * - system: company systems registering records in bulk, within the stage throttle (50 a second).
 * - holder-callback: a holder's processor reporting the status of the tasks sent to it, one or two
 *   callbacks per task; held to the public ceiling too, as a callback refused here is not lost: the
 *   desk polls a task that heard nothing.
 */
export const RATE_LIMITS_PER_5_MINUTES: Readonly<Record<Exclude<RouteClass, 'public-read'>, number>> = {
  'code-sending': 10,
  'code-verifying': 20,
  'bearer-token': 100,
  link: 50,
  staff: 3000,
  system: 10000,
  'holder-callback': 500,
};

/** Desk policy: every request to anything but staff and system routes, public reads and unknown paths included. */
export const PUBLIC_CEILING_PER_5_MINUTES = 500;

/**
 * How far back a rate-based rule counts, and so how long a blocked address waits at most before its
 * count falls under the limit: 300 s (AWS WAF Developer Guide, rate-based rule statement,
 * EvaluationWindowSec; 300 is also its default). The limits above are per this window.
 */
export const RATE_LIMIT_WINDOW_SECONDS = 300;

/**
 * What the firewall answers when it blocks, as problem details (RFC 9457) a page can show. WAF takes
 * the content type from a fixed list (TEXT_PLAIN, TEXT_HTML, APPLICATION_JSON) and refuses a
 * content-type response header, so these go out as application/json, not application/problem+json.
 * A custom response replaces API Gateway's own gateway responses, so it carries its own CORS headers.
 */
export const BLOCK_RESPONSES = {
  'rate-limited': {
    status: 429,
    problem: {
      type: RATE_LIMITED_PROBLEM,
      title: 'Too many requests',
      status: 429,
      detail: `Too many requests from this address. Wait ${RATE_LIMIT_WINDOW_SECONDS / 60} minutes, then try again.`,
    },
  },
  'outside-staff-network': {
    status: 403,
    problem: {
      type: OUTSIDE_STAFF_NETWORK_PROBLEM,
      title: 'Outside the staff network',
      status: 403,
      detail: "Staff routes answer only from the company's network. Connect to it, then try again.",
    },
  },
} as const;
export type BlockKind = keyof typeof BLOCK_RESPONSES;

const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
];

/** Percent-decoded and normalised (no //, ./, ../) before matching, as API Gateway routes it. */
const PATH_TRANSFORMATIONS = [
  { priority: 0, type: 'URL_DECODE' },
  { priority: 1, type: 'NORMALIZE_PATH' },
];

const escapeRegex = (literal: string) => literal.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/** A route path as a regular expression: each {parameter} is one path segment. */
function pathRegex(path: string): string {
  return path
    .split(/\{\w+\}/)
    .map(escapeRegex)
    .join('[^/]+');
}

/**
 * The paths of one class as one anchored expression. The default endpoint puts the stage first
 * (/dev/v1/...); a custom domain mapped at its root does not: both are matched.
 */
export function classPathRegex(
  routeClassName: RouteClass,
  stageName: string,
  routes: readonly Pick<RouteDefinition, 'method' | 'path' | 'auth'>[] = ROUTES,
): string {
  const stage = `(/${escapeRegex(stageName)})?`;
  if (routeClassName === 'staff') return `^${stage}/v1/staff/`;
  if (routeClassName === 'system') return `^${stage}/v1/system/`;
  const paths = [
    ...new Set(routes.filter((r) => routeClass(r) === routeClassName).map((r) => pathRegex(r.path))),
  ].sort();
  if (paths.length === 0) throw new Error(`No route of class ${routeClassName}`);
  return `^${stage}(${paths.join('|')})/?$`;
}

/**
 * The staffAllowedCidrs context value: comma-separated IPv4 or IPv6 CIDRs; empty or unset means no
 * allow list. A malformed entry fails the synthesis.
 */
export function parseAllowedCidrs(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string')
    throw new Error('Context "staffAllowedCidrs" must be comma-separated CIDRs, e.g. 203.0.113.0/24,2001:db8::/32');
  const cidrs = value
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  for (const cidr of cidrs) {
    const [address, prefix, ...rest] = cidr.split('/');
    const version = isIP(address ?? '');
    const bits = Number(prefix);
    if (
      rest.length > 0 ||
      version === 0 ||
      prefix === undefined ||
      !/^\d+$/.test(prefix) ||
      bits > (version === 4 ? 32 : 128) ||
      (version === 6 && bits < 1)
    ) {
      throw new Error(`Context "staffAllowedCidrs": "${cidr}" is not an IPv4 or IPv6 CIDR such as 203.0.113.0/24`);
    }
  }
  return cidrs.length > 0 ? cidrs : undefined;
}

const regexMatch = (regexString: string): wafv2.CfnWebACL.StatementProperty => ({
  regexMatchStatement: { regexString, fieldToMatch: { uriPath: {} }, textTransformations: PATH_TRANSFORMATIONS },
});

/**
 * Not a CORS preflight. A browser that cannot pass the preflight never sends the call, and sees a
 * blocked preflight as a network failure; so preflights are neither counted nor blocked, and the call
 * itself gets the refusal it can read. API Gateway answers them itself with headers only (mock
 * integration), within the stage throttle.
 */
const NOT_PREFLIGHT: wafv2.CfnWebACL.StatementProperty = {
  notStatement: {
    statement: {
      byteMatchStatement: {
        fieldToMatch: { method: {} },
        positionalConstraint: 'EXACTLY',
        searchString: 'OPTIONS',
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    },
  },
};

/**
 * AWS WAF in front of the API: an optional address allow list for staff routes, AWS managed rules,
 * per-address rate limits by route class, and logs of what it saw. Its own refusals are problem
 * details: 429 with Retry-After for a rate limit, 403 outside the staff network.
 */
export class Firewall extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  /** The staff allow lists, one per IP version given; none without staffAllowedCidrs. */
  readonly staffIpSets: wafv2.CfnIPSet[] = [];
  /** The web pages' origin, once allowOriginOnBlocks named it. */
  private pagesOrigin: string | undefined;

  constructor(scope: Construct, id: string, props: FirewallProps) {
    super(scope, id);
    const visibility = (metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const rules: wafv2.CfnWebACL.RuleProperty[] = [];
    const add = (rule: Omit<wafv2.CfnWebACL.RuleProperty, 'priority' | 'visibilityConfig'>) =>
      rules.push({ ...rule, priority: rules.length, visibilityConfig: visibility(rule.name) });

    const allowList = this.staffAllowList(props.staffAllowedCidrs);
    if (allowList) {
      add({
        name: 'StaffFromAllowedAddressesOnly',
        action: this.blockWith('outside-staff-network'),
        statement: {
          andStatement: {
            statements: [
              regexMatch(classPathRegex('staff', props.stageName)),
              { notStatement: { statement: allowList } },
              NOT_PREFLIGHT,
            ],
          },
        },
      });
    }
    for (const name of MANAGED_RULE_GROUPS) {
      add({
        name,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      });
    }
    for (const [routeClassName, limit] of Object.entries(RATE_LIMITS_PER_5_MINUTES) as [RouteClass, number][]) {
      add({
        name: `RateLimit-${routeClassName}`,
        action: this.blockWith('rate-limited'),
        statement: {
          rateBasedStatement: {
            limit,
            aggregateKeyType: 'IP',
            evaluationWindowSec: RATE_LIMIT_WINDOW_SECONDS,
            scopeDownStatement: {
              andStatement: {
                statements: [regexMatch(classPathRegex(routeClassName, props.stageName)), NOT_PREFLIGHT],
              },
            },
          },
        },
      });
    }
    add({
      name: 'RateLimit-public-ceiling',
      action: this.blockWith('rate-limited'),
      statement: {
        rateBasedStatement: {
          limit: PUBLIC_CEILING_PER_5_MINUTES,
          aggregateKeyType: 'IP',
          evaluationWindowSec: RATE_LIMIT_WINDOW_SECONDS,
          scopeDownStatement: {
            andStatement: {
              statements: [
                { notStatement: { statement: regexMatch(`^(/${escapeRegex(props.stageName)})?/v1/(staff|system)/`) } },
                NOT_PREFLIGHT,
              ],
            },
          },
        },
      },
    });

    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('appi-desk-web-acl'),
      rules,
      customResponseBodies: Object.fromEntries(
        (Object.entries(BLOCK_RESPONSES) as [BlockKind, (typeof BLOCK_RESPONSES)[BlockKind]][]).map(
          ([kind, { problem }]) => [kind, { contentType: 'APPLICATION_JSON', content: JSON.stringify(problem) }],
        ),
      ),
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
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // Status tokens ride in the Authorization header and disclosure tokens in the path: never log them.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { uriPath: {} }, { queryString: {} }],
    });
    logging.node.addDependency(logGroup);
  }

  /**
   * Lets pages from `origin` read the firewall's refusals: without CORS headers a browser sees them
   * as a network failure, and the person retries into the limit. Retry-After is not a header a page
   * may read across origins unless exposed. The answers carry no data.
   */
  allowOriginOnBlocks(origin: string): void {
    this.pagesOrigin = origin;
  }

  /** A block answered with the kind's problem; its headers are resolved at synthesis, after allowOriginOnBlocks. */
  private blockWith(kind: BlockKind): wafv2.CfnWebACL.RuleActionProperty {
    const responseHeaders = Lazy.any({
      produce: (): wafv2.CfnWebACL.CustomHTTPHeaderProperty[] => [
        ...(kind === 'rate-limited' ? [{ name: 'Retry-After', value: String(RATE_LIMIT_WINDOW_SECONDS) }] : []),
        ...(this.pagesOrigin === undefined
          ? []
          : [
              { name: 'Access-Control-Allow-Origin', value: this.pagesOrigin },
              { name: 'Vary', value: 'Origin' },
              ...(kind === 'rate-limited' ? [{ name: 'Access-Control-Expose-Headers', value: 'Retry-After' }] : []),
            ]),
      ],
    });
    return {
      block: {
        customResponse: { responseCode: BLOCK_RESPONSES[kind].status, customResponseBodyKey: kind, responseHeaders },
      },
    };
  }

  /** IP sets of the allowed addresses (WAF keeps IPv4 and IPv6 apart), as one statement matching any. */
  private staffAllowList(cidrs: readonly string[] | undefined): wafv2.CfnWebACL.StatementProperty | undefined {
    if (!cidrs || cidrs.length === 0) return undefined;
    for (const version of ['IPV4', 'IPV6'] as const) {
      const addresses = cidrs.filter((c) => (isIP(c.split('/')[0]!) === 4) === (version === 'IPV4'));
      if (addresses.length === 0) continue;
      this.staffIpSets.push(
        new wafv2.CfnIPSet(this, `StaffAllowed${version}`, {
          scope: 'REGIONAL',
          ipAddressVersion: version,
          addresses,
          description: 'Addresses staff may reach the desk API from (staffAllowedCidrs)',
        }),
      );
    }
    const references = this.staffIpSets.map(
      (set): wafv2.CfnWebACL.StatementProperty => ({ ipSetReferenceStatement: { arn: set.attrArn } }),
    );
    return references.length === 1 ? references[0] : { orStatement: { statements: references } };
  }
}
