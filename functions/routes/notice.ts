// What the desk publishes to anyone: the privacy notice, and this API described in OpenAPI.
import { openApiResponse, privacyNoticeResponse } from '../http/contract/notice';
import type { RouteDefinition } from '../http/route-definition';

export const getPrivacyNotice = {
  name: 'get-privacy-notice',
  method: 'GET',
  path: '/v1/privacy-notice',
  summary:
    'Purposes of use, sources, third-party provision, the anonymously processed information created, the desk and how to make a request.',
  auth: { kind: 'public' },
  tables: { purposes: 'read', recipients: 'read', 'anonymised-publications': 'read' },
  request: {},
  response: { status: 200, schema: privacyNoticeResponse, description: 'The privacy notice.' },
  browser: 'privacy-center',
} as const satisfies RouteDefinition;

export const getOpenApi = {
  name: 'get-openapi',
  method: 'GET',
  path: '/v1/openapi.json',
  summary: 'This API described in OpenAPI 3.1.',
  auth: { kind: 'public' },
  tables: {},
  request: {},
  response: { status: 200, schema: openApiResponse, description: 'The OpenAPI document.' },
} as const satisfies RouteDefinition;
