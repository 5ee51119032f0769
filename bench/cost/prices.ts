// AWS list prices the cost model uses, as data: each with its unit, its region, the day it was read
// and the page it comes from. On-demand prices, first tier, free tiers ignored (docs/cost-model.md).
// `assumption` marks a price that could not be read from the page's stored copy for Tokyo and is
// entered from the published Tokyo price list as last known; check it against the page before relying on it.

export const PRICE_REGION = 'ap-northeast-1';
export const PRICES_READ_ON = '2026-12-07';

export interface Price {
  /** US dollars per `per` units. */
  usd: number;
  per: number;
  unit: string;
  region: string;
  readOn: string;
  source: string;
  assumption?: string;
}

const tokyo = (usd: number, per: number, unit: string, source: string, assumption?: string): Price => ({
  usd,
  per,
  unit,
  region: PRICE_REGION,
  readOn: PRICES_READ_ON,
  source,
  ...(assumption ? { assumption } : {}),
});

const UNREAD = 'Tokyo figure not shown in the stored copy of the page; last known published price';

export const PRICES = {
  dynamoWriteRequestUnit: tokyo(
    0.715,
    1_000_000,
    'write request unit (on-demand, Standard table class)',
    'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    `${UNREAD} (half the pre-November-2024 price, after the on-demand price cut)`,
  ),
  dynamoReadRequestUnit: tokyo(
    0.1425,
    1_000_000,
    'read request unit (on-demand, Standard table class)',
    'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    `${UNREAD} (half the pre-November-2024 price, after the on-demand price cut)`,
  ),
  lambdaRequest: tokyo(0.2, 1_000_000, 'invocation', 'https://aws.amazon.com/lambda/pricing/'),
  lambdaArmGbSecond: tokyo(
    0.0000133334,
    1,
    'GB-second, arm64, first tier (0-7.5 billion GB-s a month)',
    'https://aws.amazon.com/lambda/pricing/',
    UNREAD,
  ),
  apiGatewayRestRequest: tokyo(
    4.25,
    1_000_000,
    'REST API call, first 333 million a month',
    'https://aws.amazon.com/api-gateway/pricing/',
    UNREAD,
  ),
  sesEmail: tokyo(0.1, 1000, 'e-mail sent (per recipient)', 'https://aws.amazon.com/ses/pricing/'),
  kmsRequest: tokyo(0.03, 10_000, 'KMS API request (symmetric)', 'https://aws.amazon.com/kms/pricing/'),
  kmsKeyMonth: tokyo(1, 1, 'customer managed key-month', 'https://aws.amazon.com/kms/pricing/'),
  s3PutRequest: tokyo(
    0.0047,
    1000,
    'S3 Standard PUT, COPY, POST or LIST request',
    'https://aws.amazon.com/s3/pricing/',
    UNREAD,
  ),
  s3GetRequest: tokyo(0.00037, 1000, 'S3 Standard GET and other request', 'https://aws.amazon.com/s3/pricing/', UNREAD),
  cloudTrailDataEvent: tokyo(
    0.1,
    100_000,
    'CloudTrail data event delivered (management events of the first trail are free)',
    'https://aws.amazon.com/cloudtrail/pricing/',
  ),
  cloudWatchLogsIngestGb: tokyo(
    0.76,
    1,
    'GB of CloudWatch Logs ingested (Standard log class)',
    'https://aws.amazon.com/cloudwatch/pricing/',
    UNREAD,
  ),
  cloudWatchAlarmMonth: tokyo(
    0.1,
    1,
    'standard-resolution metric alarm-month',
    'https://aws.amazon.com/cloudwatch/pricing/',
  ),
  xrayTraceRecorded: tokyo(5, 1_000_000, 'X-Ray trace recorded', 'https://aws.amazon.com/xray/pricing/'),
  wafWebAclMonth: tokyo(5, 1, 'WAF web ACL-month', 'https://aws.amazon.com/waf/pricing/'),
  wafRuleMonth: tokyo(1, 1, 'WAF rule (or rule group) in a web ACL, per month', 'https://aws.amazon.com/waf/pricing/'),
  wafRequest: tokyo(0.6, 1_000_000, 'web request inspected by WAF', 'https://aws.amazon.com/waf/pricing/'),
  secretMonth: tokyo(0.4, 1, 'Secrets Manager secret-month', 'https://aws.amazon.com/secrets-manager/pricing/'),
  cognitoStaffMonth: tokyo(
    0,
    1,
    'Cognito user pool (Essentials) monthly active user within the first 10,000',
    'https://aws.amazon.com/cognito/pricing/',
    'A desk has far fewer than 10,000 staff: within the free MAUs',
  ),
} as const satisfies Record<string, Price>;

export type PriceName = keyof typeof PRICES;

/** The dollars `quantity` units cost at a price. */
export function priced(price: Price, quantity: number): number {
  return (price.usd / price.per) * quantity;
}
