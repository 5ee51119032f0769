// The cost model's arithmetic: usage measured on the emulators, priced from bench/cost/prices.ts.
// Pure functions, so test/bench/cost-model.test.ts checks them against worked examples.
import { PRICES, type Price, priced } from './prices';

/** What a sample of work used, as the bench measured it (or a scaled copy). */
export interface Usage {
  /** Calls through API Gateway (and so through WAF). */
  apiRequests: number;
  /** Lambda invocations, routes and workers alike. */
  invocations: number;
  /** Sum over invocations of memory (GB) × billed duration (s, each rounded up to the millisecond). */
  gbSeconds: number;
  /** DynamoDB capacity as DynamoDB reported it; on-demand bills one request unit per capacity unit. */
  readUnits: number;
  writeUnits: number;
  /** Item-level DynamoDB calls: each is one CloudTrail data event on the desk's tables. */
  dynamoCalls: number;
  s3PutRequests: number;
  s3GetRequests: number;
  /** E-mails sent, one per recipient. */
  emails: number;
  /** Bytes the functions wrote to their logs, the Lambda platform's lines included. */
  logBytes: number;
}

export interface Assumptions {
  /** Share of invocations X-Ray records: all of them while the desk stays under the default rule's 1 a second. */
  xrayRecordedShare: number;
  /** KMS calls each invocation causes; DynamoDB and S3 (bucket keys) cache data keys, see docs/cost-model.md. */
  kmsRequestsPerInvocation: number;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = { xrayRecordedShare: 1, kmsRequestsPerInvocation: 0 };

export const EMPTY_USAGE: Usage = {
  apiRequests: 0,
  invocations: 0,
  gbSeconds: 0,
  readUnits: 0,
  writeUnits: 0,
  dynamoCalls: 0,
  s3PutRequests: 0,
  s3GetRequests: 0,
  emails: 0,
  logBytes: 0,
};

/** GB-seconds Lambda bills for one invocation: duration rounded up to 1 ms, memory in MB (1 GB = 1024 MB). */
export function billedGbSeconds(durationMs: number, memoryMb: number): number {
  return (Math.max(1, Math.ceil(durationMs)) / 1000) * (memoryMb / 1024);
}

/** The usage of `factor` times the sample (e.g. 1,000 requests from a sample of 50: factor 20). */
export function scaleUsage(usage: Usage, factor: number): Usage {
  return Object.fromEntries(Object.entries(usage).map(([k, v]) => [k, v * factor])) as unknown as Usage;
}

export function addUsage(a: Usage, b: Usage): Usage {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof Usage]])) as unknown as Usage;
}

export type CostLines = Record<string, number>;

export interface Cost {
  usd: number;
  /** Dollars per service, so a reader sees what dominates. */
  lines: CostLines;
}

const GB = 1024 ** 3;

function total(lines: CostLines): Cost {
  return { usd: Object.values(lines).reduce((s, v) => s + v, 0), lines };
}

/** The variable cost of some usage. */
export function costOf(usage: Usage, assumptions: Assumptions = DEFAULT_ASSUMPTIONS): Cost {
  const p = (price: Price, quantity: number) => priced(price, quantity);
  return total({
    'API Gateway': p(PRICES.apiGatewayRestRequest, usage.apiRequests),
    WAF: p(PRICES.wafRequest, usage.apiRequests),
    'Lambda requests': p(PRICES.lambdaRequest, usage.invocations),
    'Lambda duration': p(PRICES.lambdaArmGbSecond, usage.gbSeconds),
    'DynamoDB reads': p(PRICES.dynamoReadRequestUnit, usage.readUnits),
    'DynamoDB writes': p(PRICES.dynamoWriteRequestUnit, usage.writeUnits),
    'CloudTrail data events': p(
      PRICES.cloudTrailDataEvent,
      usage.dynamoCalls + usage.s3PutRequests + usage.s3GetRequests,
    ),
    S3: p(PRICES.s3PutRequest, usage.s3PutRequests) + p(PRICES.s3GetRequest, usage.s3GetRequests),
    SES: p(PRICES.sesEmail, usage.emails),
    KMS: p(PRICES.kmsRequest, usage.invocations * assumptions.kmsRequestsPerInvocation),
    'CloudWatch Logs': p(PRICES.cloudWatchLogsIngestGb, usage.logBytes / GB),
    'X-Ray': p(PRICES.xrayTraceRecorded, usage.invocations * assumptions.xrayRecordedShare),
  });
}

/** What the synthesised stack holds that is charged by the month, counted from its templates. */
export interface StackInventory {
  kmsKeys: number;
  alarms: number;
  secrets: number;
  webAcls: number;
  wafRules: number;
  /** Tables encrypted with a customer managed key: DynamoDB asks KMS for each one's table key. */
  cmkTables: number;
}

export interface FixedAssumptions {
  /** Lambda containers (callers) holding a table key at once, per table: each refreshes it every 5 minutes. */
  containersPerTable: number;
}

export const DEFAULT_FIXED_ASSUMPTIONS: FixedAssumptions = { containersPerTable: 5 };

/** Hours in an average month (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

/** The monthly cost of what the stack holds, plus the scheduled workers' usage for a month. */
export function fixedMonthlyCost(
  inventory: StackInventory,
  schedules: Usage,
  fixed: FixedAssumptions = DEFAULT_FIXED_ASSUMPTIONS,
  assumptions: Assumptions = DEFAULT_ASSUMPTIONS,
): Cost {
  // A table key is cached for 5 minutes per caller: 12 Decrypt calls an hour per table and container.
  const tableKeyRequests = inventory.cmkTables * fixed.containersPerTable * 12 * HOURS_PER_MONTH;
  const scheduled = costOf(schedules, assumptions);
  return total({
    'KMS keys': priced(PRICES.kmsKeyMonth, inventory.kmsKeys),
    'KMS table-key requests': priced(PRICES.kmsRequest, tableKeyRequests),
    'CloudWatch alarms': priced(PRICES.cloudWatchAlarmMonth, inventory.alarms),
    'Secrets Manager': priced(PRICES.secretMonth, inventory.secrets),
    'WAF web ACL and rules':
      priced(PRICES.wafWebAclMonth, inventory.webAcls) + priced(PRICES.wafRuleMonth, inventory.wafRules),
    'Scheduled workers': scheduled.usd,
    Cognito: 0,
  });
}
