// One realistic first request per function, with the answer it should get. Unknown ids are fine:
// the function still loads everything and makes its DynamoDB calls before it answers 404.
// Typed against the manifests, so a new route or worker without a request here does not compile.
import { randomBytes } from 'node:crypto';
import { buildApiEvent, type ApiEventInput } from '../local/api-event';
import { DEMO_CUSTOMER } from '../local/seed';
import { routeNamed, type RouteName } from '../functions/routes';
import type { WORKERS } from '../functions/workers';

type WorkerName = (typeof WORKERS)[number]['name'];

export interface BenchRequest {
  event: () => unknown;
  /** The HTTP status, or "ok" for a worker. */
  expect: string;
}

const OPERATOR_CLAIMS = { 'cognito:username': 'operator', 'cognito:groups': 'operator' };
const UNKNOWN_ID = 'bench-unknown-request';
const UNKNOWN_LINK_TOKEN = randomBytes(32).toString('base64url');
const json = { 'content-type': 'application/json' };

function api(name: RouteName, input: Omit<ApiEventInput, 'method' | 'resource'>): () => unknown {
  const route = routeNamed(name);
  return () => buildApiEvent({ ...input, method: route.method, resource: route.path });
}

export const ROUTE_REQUESTS = {
  'submit-request': {
    event: api('submit-request', {
      path: '/v1/requests',
      headers: json,
      body: JSON.stringify({
        type: 'disclosure',
        requester: { kind: 'self', name: DEMO_CUSTOMER.name, email: DEMO_CUSTOMER.email },
        subject: { email: DEMO_CUSTOMER.email },
        language: 'ja',
      }),
    }),
    expect: '202',
  },
  'verify-request': {
    event: api('verify-request', {
      path: `/v1/requests/${UNKNOWN_ID}/verification`,
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ code: '123456' }),
    }),
    expect: '404',
  },
  'get-request-status': {
    event: api('get-request-status', {
      path: `/v1/requests/${UNKNOWN_ID}`,
      pathParameters: { requestId: UNKNOWN_ID },
      headers: { authorization: `Bearer ${randomBytes(32).toString('base64url')}` },
    }),
    expect: '404',
  },
  'list-requests': {
    event: api('list-requests', { path: '/v1/staff/requests', claims: OPERATOR_CLAIMS }),
    expect: '200',
  },
  'view-request': {
    event: api('view-request', {
      path: `/v1/staff/requests/${UNKNOWN_ID}`,
      pathParameters: { requestId: UNKNOWN_ID },
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'decide-request': {
    event: api('decide-request', {
      path: `/v1/staff/requests/${UNKNOWN_ID}/decision`,
      pathParameters: { requestId: UNKNOWN_ID },
      headers: json,
      body: JSON.stringify({ outcome: 'fulfilled' }),
      claims: OPERATOR_CLAIMS,
    }),
    expect: '404',
  },
  'get-disclosure': {
    event: api('get-disclosure', {
      path: `/v1/disclosures/${UNKNOWN_LINK_TOKEN}`,
      pathParameters: { token: UNKNOWN_LINK_TOKEN },
    }),
    expect: '404',
  },
  'get-privacy-notice': { event: api('get-privacy-notice', { path: '/v1/privacy-notice' }), expect: '200' },
  'get-openapi': { event: api('get-openapi', { path: '/v1/openapi.json' }), expect: '200' },
} satisfies Record<RouteName, BenchRequest>;

export const WORKER_REQUESTS = {
  'send-outbox': { event: () => ({ Records: [] }), expect: 'ok' },
  // The sweep queries the outbox for pending messages, so it reaches DynamoDB even with none.
  'retry-outbox': { event: () => ({}), expect: 'ok' },
  'certify-erasure': { event: () => ({ Records: [] }), expect: 'ok' },
} satisfies Record<WorkerName, BenchRequest>;
