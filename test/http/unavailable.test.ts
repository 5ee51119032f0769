// A dependency that is down or throttling is a 503 with Retry-After on every route, not a 500: the
// classifier over the SDKs' errors, and the shared middy stack with a fault injected into DynamoDB
// and into S3 while everything else reaches the emulators.

import { TooManyRequestsException } from '@aws-sdk/client-cognito-identity-provider';
import { ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handler as listPurposes } from '../../functions/handlers/list-purposes';
import { handler as verifyAccessLog } from '../../functions/handlers/verify-access-log';
import { isUnavailable, RETRY_AFTER_SECONDS } from '../../functions/http/unavailable';
import { seedDemoStaff } from '../../local/seed';
import { freshBuckets } from '../support/access-log';
import { freshTables, invoke } from '../support/desk';
import { mockDocumentClient } from '../support/faults';
import { dropTables, expectProblem, staffClaims } from '../support/requests';

const meta = { $metadata: {} };
const sdkError = (name: string, fault: 'client' | 'server', httpStatusCode?: number) =>
  Object.assign(new Error(name), { name, $fault: fault, $metadata: { httpStatusCode } });
const networkError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code });

describe('isUnavailable', () => {
  it('is true for throttling, server faults, transaction conflicts, timeouts and network errors of any client', () => {
    const unavailable: unknown[] = [
      new ProvisionedThroughputExceededException({ message: 'slow down', ...meta }),
      sdkError('ThrottlingException', 'client', 400),
      sdkError('RequestLimitExceeded', 'client', 400),
      sdkError('InternalServerError', 'server', 500),
      sdkError('ServiceUnavailable', 'server', 503),
      sdkError('SlowDown', 'client', 503),
      sdkError('Throttling', 'client', 400),
      new TooManyRequestsException({ message: 'too many', ...meta }),
      new TransactionCanceledException({
        message: 'conflict',
        CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }],
        ...meta,
      }),
      sdkError('TransactionInProgressException', 'client', 400),
      networkError('ECONNREFUSED'),
      networkError('ECONNRESET'),
      networkError('ETIMEDOUT'),
      networkError('EAI_AGAIN'),
      Object.assign(new AggregateError([networkError('ECONNREFUSED')], ''), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' }),
    ];
    for (const error of unavailable) expect(isUnavailable(error), (error as Error).name).toBe(true);
  });

  it("is false for the desk's own mistakes, which stay 500s to be fixed, and for a lost condition", () => {
    const ours: unknown[] = [
      sdkError('ValidationException', 'client', 400),
      sdkError('ResourceNotFoundException', 'client', 400),
      sdkError('AccessDeniedException', 'client', 403),
      sdkError('ConditionalCheckFailedException', 'client', 400),
      new TransactionCanceledException({
        message: 'condition',
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
        ...meta,
      }),
      new TypeError('Cannot read properties of undefined'),
      undefined,
    ];
    for (const error of ours) expect(isUnavailable(error), String((error as Error | undefined)?.name)).toBe(false);
  });
});

describe('a dependency down answers 503 with Retry-After through the shared stack', () => {
  let prefix: string;
  beforeAll(async () => {
    prefix = await freshTables();
    await freshBuckets();
    await seedDemoStaff('test-password');
  });
  afterAll(() => dropTables(prefix));
  afterEach(() => {
    faults?.restore();
  });
  let faults: { restore(): void } | undefined;

  it('DynamoDB throttled: 503, problem+json, Retry-After', async () => {
    const { mock } = mockDocumentClient();
    faults = mock;
    mock.rejects(
      new ProvisionedThroughputExceededException({ message: 'Throughput exceeds the current capacity', ...meta }),
    );
    const result = await invoke(listPurposes, {
      method: 'GET',
      path: '/v1/staff/purposes',
      resource: '/v1/staff/purposes',
      claims: staffClaims('auditor'),
    });
    expectProblem(result, 503);
    expect(result.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(result.json.type).toBe('urn:appi-desk:problem:unavailable');
  });

  it('S3 slowing down: 503 with Retry-After, after the staff check reached DynamoDB Local', async () => {
    const mock = mockClient(S3Client);
    faults = mock;
    mock.rejects(sdkError('SlowDown', 'client', 503));
    const result = await invoke(verifyAccessLog, {
      method: 'POST',
      path: '/v1/staff/access-log/verify',
      resource: '/v1/staff/access-log/verify',
      claims: staffClaims('officer'),
    });
    expectProblem(result, 503);
    expect(result.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
  });
});
