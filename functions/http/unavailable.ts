// A dependency that is down, overloaded or throttling us: the caller should try again shortly, so it
// is a 503 with Retry-After (RFC 9110 §15.6.4, §10.2.3), not a 500. Recognised by the AWS SDK's own
// error names and faults and by Node's network error codes, for every client (DynamoDB, S3, SES, Cognito).

/** Seconds a caller waits before trying again; the SDK has already retried with backoff by then. */
export const RETRY_AFTER_SECONDS = 5;

/** Throttling and capacity errors of DynamoDB, S3, SES and Cognito, which the SDK marks as client faults. */
const THROTTLED = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
  'SlowDown',
  'RequestThrottled',
  'RequestTimeout',
  'RequestTimeoutException',
  'TransactionInProgressException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'InternalServerError',
  'InternalError',
]);

/** Node's codes for a connection that could not be made or was lost. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'UND_ERR_SOCKET',
]);

/** Cancellation reasons of a transaction that lost to another one or to capacity, not to a condition. */
const TRANSIENT_CANCELLATION = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  CancellationReasons?: Array<{ Code?: string }>;
  cause?: unknown;
}

export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as ErrorLike;
  if (typeof e.name === 'string') {
    if (THROTTLED.has(e.name) || e.name === 'TimeoutError') return true;
    if (e.name === 'TransactionCanceledException') {
      const reasons = (e.CancellationReasons ?? []).map((r) => r.Code).filter((c) => c && c !== 'None');
      return reasons.length > 0 && reasons.every((c) => TRANSIENT_CANCELLATION.has(c!));
    }
  }
  if (typeof e.code === 'string' && NETWORK.has(e.code)) return true;
  // An AWS service's 5xx (a server fault) is on its side; a desk's own mistake is a 4xx client fault.
  const status = e.$metadata?.httpStatusCode;
  if (e.$fault === 'server' || (typeof status === 'number' && status >= 500)) return true;
  if (error instanceof AggregateError) return error.errors.some((inner) => isUnavailable(inner, depth + 1));
  return isUnavailable(e.cause, depth + 1);
}
