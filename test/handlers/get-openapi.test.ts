// GET /v1/openapi.json through its handler: every route of the manifest is documented with its
// method, and the documented request bodies are the schemas the handlers validate with.
import { describe, expect, it } from 'vitest';
import { handler } from '../../functions/handlers/get-openapi';
import { ROUTES } from '../../functions/routes';
import { invoke } from '../support/desk';

const get = () => invoke(handler, { method: 'GET', path: '/v1/openapi.json', resource: '/v1/openapi.json' });

describe('get-openapi', () => {
  it('200 with an OpenAPI 3.1 document, cacheable', async () => {
    const result = await get();
    expect(result.status).toBe(200);
    expect(result.headers['cache-control']).toBe('public, max-age=300');
    expect(result.json.openapi).toBe('3.1.0');
    expect(result.json.info.title).toBe('appi-desk');
  });

  it('documents every route of ROUTES under its path and method, and nothing else', async () => {
    const { paths } = (await get()).json as { paths: Record<string, Record<string, { operationId: string }>> };
    for (const route of ROUTES) {
      const operation = paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operation!.operationId).toBe(route.name);
    }
    const documented = Object.entries(paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('documents path parameters, staff security and problem answers', async () => {
    const { paths } = (await get()).json;
    const verify = paths['/v1/requests/{requestId}/verification'].post;
    expect(verify.parameters).toEqual([expect.objectContaining({ name: 'requestId', in: 'path', required: true })]);
    expect(paths['/v1/staff/requests/{requestId}/decision'].post.security).toEqual([{ staffToken: [] }]);
    expect(paths['/v1/requests/{requestId}'].get.security).toEqual([{ statusToken: [] }]);
    expect(paths['/v1/requests'].post.security).toEqual([]);
    expect(paths['/v1/requests'].post.responses['4XX'].content).toHaveProperty('application/problem+json');
  });

  it('documents the system routes as SigV4-signed, the way API Gateway exports AWS_IAM methods', async () => {
    const document = (await get()).json;
    expect(document.components.securitySchemes.sigv4).toEqual({
      type: 'apiKey',
      name: 'Authorization',
      in: 'header',
      'x-amazon-apigateway-authtype': 'awsSigv4',
      description: expect.stringContaining('Signature Version 4'),
    });
    const system = ROUTES.filter((r) => r.auth.kind === 'system');
    expect(system.length).toBeGreaterThan(0);
    for (const route of system) {
      expect(document.paths[route.path][route.method.toLowerCase()].security, `${route.method} ${route.path}`).toEqual([
        { sigv4: [] },
      ]);
    }
    // Only routes anyone may call, or whose credential is the link's token in the path, have no security.
    for (const route of ROUTES.filter((r) => r.auth.kind !== 'public' && r.auth.kind !== 'link')) {
      expect(
        document.paths[route.path][route.method.toLowerCase()].security,
        `${route.method} ${route.path}`,
      ).not.toEqual([]);
    }
  });

  it('contains the request body schema of submit-request, with its fields and closed objects', async () => {
    const { paths } = (await get()).json;
    const submit = paths['/v1/requests'].post;
    expect(submit.requestBody.required).toBe(true);
    const schema = submit.requestBody.content['application/json'].schema;
    const variants: Array<Record<string, any>> = schema.oneOf ?? schema.anyOf;
    expect(variants.length).toBeGreaterThan(0);
    const disclosure = variants.find((v) => v.properties?.type?.const === 'disclosure');
    expect(disclosure, JSON.stringify(schema).slice(0, 500)).toBeDefined();
    expect(disclosure!.required).toEqual(expect.arrayContaining(['type', 'requester', 'subject']));
    expect(disclosure!.additionalProperties).toBe(false);
    expect(disclosure!.properties.requester.properties).toHaveProperty('email');
    expect(disclosure!.properties.requester.properties.kind.enum).toEqual(['self', 'legal-representative', 'agent']);
    expect(disclosure!.properties.language).toMatchObject({ enum: ['ja', 'en'], default: 'ja' });
  });
});
