// The cost model's arithmetic against worked examples computed by hand from bench/cost/prices.ts.
import { describe, expect, it } from 'vitest';
import { inventoryOf } from '../../bench/cost/inventory';
import { unitsOf } from '../../bench/cost/meter';
import {
  addUsage,
  billedGbSeconds,
  costOf,
  DEFAULT_ASSUMPTIONS,
  EMPTY_USAGE,
  fixedMonthlyCost,
  scaleUsage,
  type Usage,
} from '../../bench/cost/model';
import { PRICES, priced } from '../../bench/cost/prices';

/** One use check as a sample might measure it. */
const ONE_CHECK: Usage = {
  ...EMPTY_USAGE,
  apiRequests: 1,
  invocations: 1,
  gbSeconds: billedGbSeconds(100, 512),
  readUnits: 1,
  dynamoCalls: 1,
  logBytes: 1000,
};

describe('Lambda billing', () => {
  it('rounds each duration up to the millisecond and bills memory in GB of 1024 MB', () => {
    expect(billedGbSeconds(100, 512)).toBe(0.05);
    expect(billedGbSeconds(100.2, 512)).toBeCloseTo(0.0505, 10);
    // At least one millisecond, however quick.
    expect(billedGbSeconds(0.3, 1024)).toBe(0.001);
    expect(billedGbSeconds(1000, 3008)).toBeCloseTo(2.9375, 10);
  });
});

describe('the variable cost', () => {
  it('prices one use check line by line', () => {
    const { usd, lines } = costOf(ONE_CHECK);
    expect(lines['API Gateway']).toBeCloseTo(4.25e-6, 12);
    expect(lines.WAF).toBeCloseTo(0.6e-6, 12);
    expect(lines['Lambda requests']).toBeCloseTo(0.2e-6, 12);
    // 0.05 GB-s × $0.0000133334
    expect(lines['Lambda duration']).toBeCloseTo(6.6667e-7, 11);
    expect(lines['DynamoDB reads']).toBeCloseTo(0.1425e-6, 12);
    expect(lines['DynamoDB writes']).toBe(0);
    expect(lines['CloudTrail data events']).toBeCloseTo(1e-6, 12);
    // 1000 bytes of 1 GiB at $0.76
    expect(lines['CloudWatch Logs']).toBeCloseTo((1000 / 1024 ** 3) * 0.76, 14);
    expect(lines['X-Ray']).toBeCloseTo(5e-6, 12);
    expect(usd).toBeCloseTo(4.25e-6 + 0.6e-6 + 0.2e-6 + 6.6667e-7 + 0.1425e-6 + 1e-6 + 7.0781e-7 + 5e-6, 10);
  });

  it('prices a million use checks as a million times one', () => {
    expect(costOf(scaleUsage(ONE_CHECK, 1_000_000)).usd).toBeCloseTo(costOf(ONE_CHECK).usd * 1_000_000, 6);
    expect(costOf(scaleUsage(ONE_CHECK, 1_000_000)).usd).toBeCloseTo(12.567, 2);
  });

  it('prices e-mails per recipient, writes per unit and S3 by request class', () => {
    const usage = { ...EMPTY_USAGE, emails: 1000, writeUnits: 1_000_000, s3PutRequests: 1000, s3GetRequests: 1000 };
    const { lines } = costOf(usage);
    expect(lines.SES).toBeCloseTo(0.1, 10);
    expect(lines['DynamoDB writes']).toBeCloseTo(0.715, 10);
    expect(lines.S3).toBeCloseTo(0.0047 + 0.00037, 10);
    // S3 object calls are CloudTrail data events too.
    expect(lines['CloudTrail data events']).toBeCloseTo(2000 * 0.000001, 12);
  });

  it('counts KMS calls and X-Ray traces from the stated assumptions', () => {
    const usage = { ...EMPTY_USAGE, invocations: 10_000 };
    expect(costOf(usage).lines.KMS).toBe(0);
    expect(costOf(usage, { ...DEFAULT_ASSUMPTIONS, kmsRequestsPerInvocation: 1 }).lines.KMS).toBeCloseTo(0.03, 10);
    expect(costOf(usage, { ...DEFAULT_ASSUMPTIONS, xrayRecordedShare: 0.05 }).lines['X-Ray']).toBeCloseTo(0.0025, 10);
  });

  it('adds and scales usage field by field', () => {
    const twice = addUsage(ONE_CHECK, ONE_CHECK);
    expect(twice).toEqual(scaleUsage(ONE_CHECK, 2));
    expect(scaleUsage(twice, 0.5)).toEqual(ONE_CHECK);
  });
});

describe('the fixed monthly cost', () => {
  const inventory = { kmsKeys: 31, alarms: 23, secrets: 1, webAcls: 1, wafRules: 11, cmkTables: 23 };

  it('prices keys, alarms, secrets and the web ACL by the month, and table keys refreshed every 5 minutes', () => {
    const { usd, lines } = fixedMonthlyCost(inventory, EMPTY_USAGE);
    expect(lines['KMS keys']).toBe(31);
    // 23 tables × 5 containers × 12 an hour × 730 hours = 1,007,400 requests at $0.03 per 10,000
    expect(lines['KMS table-key requests']).toBeCloseTo(3.0222, 10);
    expect(lines['CloudWatch alarms']).toBeCloseTo(2.3, 10);
    expect(lines['Secrets Manager']).toBeCloseTo(0.4, 10);
    expect(lines['WAF web ACL and rules']).toBe(16);
    expect(usd).toBeCloseTo(52.7222, 8);
  });

  it('adds the scheduled workers’ month of usage', () => {
    const month = { ...EMPTY_USAGE, invocations: 43_800 };
    const { lines } = fixedMonthlyCost(inventory, month);
    expect(lines['Scheduled workers']).toBeCloseTo(costOf(month).usd, 12);
    expect(lines['Scheduled workers']).toBeCloseTo(priced(PRICES.lambdaRequest, 43_800) + 43_800 * 5e-6, 10);
  });
});

describe('reading what was measured', () => {
  it('takes read and write units as DynamoDB splits them, else by the call', () => {
    expect(unitsOf('GetItem', { CapacityUnits: 1 })).toEqual({ read: 1, write: 0 });
    expect(unitsOf('TransactWriteItems', { CapacityUnits: 6 })).toEqual({ read: 0, write: 6 });
    expect(unitsOf('TransactWriteItems', { CapacityUnits: 6, ReadCapacityUnits: 2, WriteCapacityUnits: 4 })).toEqual({
      read: 2,
      write: 4,
    });
  });

  it('counts the template’s chargeable resources and reads each function’s memory', () => {
    const { inventory, memoryMb } = inventoryOf([
      { Type: 'AWS::KMS::Key' },
      { Type: 'AWS::KMS::Key' },
      { Type: 'AWS::CloudWatch::Alarm' },
      { Type: 'AWS::SecretsManager::Secret' },
      { Type: 'AWS::WAFv2::WebACL', Properties: { Rules: [{}, {}, {}] } },
      { Type: 'AWS::DynamoDB::GlobalTable', Properties: { SSESpecification: { SSEType: 'KMS' } } },
      { Type: 'AWS::DynamoDB::Table', Properties: {} },
      { Type: 'AWS::Lambda::Function', Properties: { Description: 'appi-desk check-use', MemorySize: 512 } },
      { Type: 'AWS::Lambda::Function', Properties: { Description: 'appi-desk anonymise-dataset', MemorySize: 3008 } },
      { Type: 'AWS::Lambda::Function', Properties: { Description: 'something else' } },
    ]);
    expect(inventory).toEqual({ kmsKeys: 2, alarms: 1, secrets: 1, webAcls: 1, wafRules: 3, cmkTables: 1 });
    expect([...memoryMb]).toEqual([
      ['check-use', 512],
      ['anonymise-dataset', 3008],
    ]);
  });
});
