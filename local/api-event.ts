// Builds the API Gateway REST (v1 proxy) event that AWS would hand a function, so the local gateway
// and the tests drive the handlers exactly as API Gateway does.
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent } from 'aws-lambda';

export interface ApiEventInput {
  method: string;
  path: string;
  /** The route's path template, e.g. /v1/requests/{requestId}. */
  resource?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | null;
  /** Cognito claims, as the user-pool authorizer passes them (all strings). */
  claims?: Record<string, string>;
  /** The IAM principal that signed the call, on IAM-authorised (system) routes. */
  principal?: string;
  sourceIp?: string;
  domainName?: string;
  stage?: string;
}

export function buildApiEvent(input: ApiEventInput): APIGatewayProxyEvent {
  const headers = input.headers ?? {};
  return {
    httpMethod: input.method,
    path: input.path,
    resource: input.resource ?? input.path,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: input.query && Object.keys(input.query).length > 0 ? input.query : null,
    multiValueQueryStringParameters:
      input.query && Object.keys(input.query).length > 0
        ? Object.fromEntries(Object.entries(input.query).map(([k, v]) => [k, [v]]))
        : null,
    pathParameters: input.pathParameters && Object.keys(input.pathParameters).length > 0 ? input.pathParameters : null,
    stageVariables: null,
    body: input.body ?? null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      stage: input.stage ?? 'local',
      requestId: randomUUID(),
      domainName: input.domainName ?? 'localhost',
      httpMethod: input.method,
      path: input.path,
      protocol: 'HTTP/1.1',
      resourceId: 'local',
      resourcePath: input.resource ?? input.path,
      requestTimeEpoch: Date.now(),
      identity: {
        sourceIp: input.sourceIp ?? '127.0.0.1',
        ...(input.principal ? { userArn: input.principal, caller: input.principal } : {}),
      } as APIGatewayProxyEvent['requestContext']['identity'],
      authorizer: input.claims ? { claims: input.claims } : null,
    } as APIGatewayProxyEvent['requestContext'],
  };
}
