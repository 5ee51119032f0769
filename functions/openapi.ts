// The OpenAPI document (GET /v1/openapi.json, the rendered reference at /docs/api), generated from the
// route manifest's zod schemas (zod's own JSON Schema output), so what is documented is what is validated.
import { problemResponse } from './http/contract/common';
import { jsonSchema } from './http/json-schema';
import type { RouteDefinition } from './http/route-definition';
import { bodyIsOptional } from './http/route-handler';
import { ROUTES } from './routes';

function parameters(route: RouteDefinition) {
  const list: object[] = [];
  for (const [where, schema] of [
    ['path', route.request.params],
    ['query', route.request.query],
  ] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === 'path' || (object.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  return list;
}

function security(route: RouteDefinition) {
  if (route.auth.kind === 'staff') return [{ staffToken: [] }];
  if (route.auth.kind === 'status-token') return [{ statusToken: [] }];
  if (route.auth.kind === 'subject-token') return [{ subjectToken: [] }];
  if (route.auth.kind === 'system') return [{ sigv4: [] }];
  if (route.auth.kind === 'holder-signature') return [{ openDsrSignature: [] }];
  return [];
}

export function openApiDocument() {
  const problem = { 'application/problem+json': { schema: jsonSchema(problemResponse, 'output') } };
  const paths: Record<string, Record<string, object>> = {};
  for (const route of ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.name,
      summary: route.summary,
      ...(route.auth.kind === 'staff' ? { description: `Staff roles: ${route.auth.roles.join(', ')}.` } : {}),
      security: security(route),
      parameters: parameters(route),
      ...(route.request.body
        ? {
            requestBody: {
              required: !bodyIsOptional(route.request.body),
              content: { 'application/json': { schema: jsonSchema(route.request.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [route.response.status]: {
          description: route.response.description,
          content: { 'application/json': { schema: jsonSchema(route.response.schema, 'output') } },
        },
        '4XX': {
          description: 'The request cannot be served as sent; the problem says what to change.',
          content: problem,
        },
        '5XX': { description: 'A fault on the desk side; nothing was changed.', content: problem },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'appi-desk',
      version: '1',
      description:
        'Requests about personal data under the Act on the Protection of Personal Information, and the desk that answers them.',
    },
    paths,
    components: {
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token of a desk staff member.',
        },
        statusToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The status token issued when the request was confirmed.',
        },
        subjectToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The subject token issued for the code e-mailed by POST /v1/me/sessions.',
        },
        openDsrSignature: {
          type: 'apiKey',
          name: 'X-OpenDSR-Signature',
          in: 'header',
          description:
            'OpenDSR (§8.8): base64 SHA-256 signature of the raw body by the key of the certificate the holder published as processor_certificate, with X-OpenDSR-Processor-Domain naming its domain. The X-OpenGDPR-* names are accepted too.',
        },
        // OpenAPI has no SigV4 type; this is how API Gateway itself exports an AWS_IAM method.
        sigv4: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'awsSigv4',
          description:
            "AWS Signature Version 4 (service execute-api) with the IAM credentials of a company system granted the route's system policy.",
        },
      },
    },
  };
}
