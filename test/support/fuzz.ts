// Generated requests for every route of the manifest, from the OpenAPI document the desk serves:
// valid-shaped path parameters, queries and bodies drawn from their JSON Schemas, the same with one
// value broken, and plain garbage (odd JSON, wrong content types, huge strings, lone surrogates,
// numbers out of range, unicode), each with the route's own kind of caller. The suite's fuzz test
// and `npm run fuzz` drive the handlers with them in-process, as the local gateway does.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import fc from 'fast-check';
import { STAFF_ROLES } from '../../functions/domain/staff';
import { openApiDocument } from '../../functions/openapi';
import { ROUTES, type RouteDefinition } from '../../functions/routes';
import { buildApiEvent } from '../../local/api-event';
import { DEMO_CONSENT_ID, DEMO_CUSTOMER, DEMO_RECIPIENTS } from '../../local/seed';
import { LOCAL_SYSTEM_CREDENTIALS } from '../../local/system-signing';
import { staffClaims } from './requests';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
};

export interface FuzzRequest {
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string | null;
  caller: 'entitled' | 'other-role' | 'anonymous';
}

/** Strings that have broken parsers before: lone surrogates, NUL, huge, numeric edge cases, escapes. */
const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\uD800',
    '\uDFFF',
    'a\uD83Dz',
    '\u0000',
    '\u202E',
    '😀',
    '山田\u3000花子',
    '%00',
    '%',
    '../..',
    '<script>',
    '1e309',
    '-0',
    'NaN',
    'Infinity',
    '9'.repeat(400),
    'null',
    'true',
    '[]',
    '{}',
    '2026-02-30',
    '2026-13-01',
    '0000-00-00',
    '9999-12-31',
    '0001-01-01',
    '2026-11-01T25:61:00Z',
    '2026-11-01T00:00:00+99:00',
    'x'.repeat(70_000),
    '__proto__',
    'constructor',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    -0,
    1.5,
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    2 ** 31,
    [],
    {},
    [null],
    { '': null },
    { __proto__: { x: 1 } },
  ),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.jsonValue({ maxDepth: 3 }),
);

const DATE_TIME = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'email') {
    // No .filter(): a filter that seldom passes spins synchronously and stalls every concurrent route.
    return fc.oneof(
      fc
        .emailAddress()
        .map((e) => (e.length <= 254 && /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(e) ? e : DEMO_CUSTOMER.email)),
      fc.constant(DEMO_CUSTOMER.email),
    );
  }
  if (schema.format === 'date-time') return DATE_TIME.map((d) => d.toISOString());
  if (schema.format === 'date') return DATE_TIME.map((d) => d.toISOString().slice(0, 10));
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 60, 300));
  if (schema.pattern) {
    // Short matches are repeated up to minLength (a character-class pattern still matches), long ones cut.
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .map((s) =>
        (s.length >= min || s.length === 0 ? s : s.repeat(Math.ceil(min / s.length))).slice(
          0,
          schema.maxLength ?? Infinity,
        ),
      );
  }
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max }),
    fc.string({ unit: 'grapheme', minLength: min, maxLength: max }),
  );
}

/** A value that fits the JSON Schema (mostly: refinements zod cannot express are left to chance). */
export function fromSchema(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const union = schema.oneOf ?? schema.anyOf;
  if (union?.length) return fc.oneof(...union.map((s) => fromSchema(s, depth + 1)));
  if (schema.allOf?.length) return fromSchema(Object.assign({}, ...schema.allOf), depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringFor(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const minLength = schema.minItems ?? 0;
      return fc.array(fromSchema(schema.items ?? {}, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (schema.properties) {
        const required = new Set(schema.required ?? []);
        const record: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [name, property] of Object.entries(schema.properties))
          record[name] = fromSchema(property, depth + 1);
        return fc.record(record, { requiredKeys: [...required] });
      }
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** The value with one leaf, or one key, replaced by something nasty. */
function breakOne(value: unknown): fc.Arbitrary<unknown> {
  const paths: Array<Array<string | number>> = [];
  const walk = (v: unknown, path: Array<string | number>) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
  return fc.tuple(fc.constantFrom(...paths), nastyValue, fc.boolean()).map(([path, replacement, addKey]) => {
    if (path.length === 0) return replacement;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (addKey && !Array.isArray(parent))
      parent[typeof replacement === 'string' ? replacement.slice(0, 20) : 'extra'] = replacement;
    else parent[last] = replacement;
    return copy;
  });
}

/** Ids the seeded desk holds, so some generated calls reach past the not-found checks. */
const KNOWN_IDS = [
  DEMO_CUSTOMER.subjectId,
  DEMO_CONSENT_ID,
  ...DEMO_RECIPIENTS.map((r) => r.recipientId),
  'billing',
  'marketing',
];

interface Operation {
  parameters: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
}

function operationOf(route: RouteDefinition): Operation {
  const paths = openApiDocument().paths as Record<string, Record<string, Operation>>;
  return paths[route.path]![route.method.toLowerCase()]!;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');
}

const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/problem+json',
      'APPLICATION/JSON',
      'application/jsonx',
      '',
      'multipart/form-data; boundary=x',
    ),
  },
  { weight: 1, arbitrary: nastyString.map((s) => s.replace(/[\r\n]/g, '')) },
);

/** Every kind of request to one route, weighted towards the valid-shaped. */
export function requestsFor(route: RouteDefinition): fc.Arbitrary<FuzzRequest> {
  const operation = operationOf(route);
  const pathNames = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');

  const pathParameters = fc.record(
    Object.fromEntries(
      pathNames.map((p) => [
        p.name,
        fc.oneof(
          { weight: 4, arbitrary: fromSchema(p.schema).map(asText) },
          { weight: 2, arbitrary: fc.constantFrom(...KNOWN_IDS) },
          { weight: 1, arbitrary: nastyString.filter((s) => s.length > 0) },
        ),
      ]),
    ),
  );

  const validQuery = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fromSchema(p.schema).map(asText)])), {
    requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
  }) as fc.Arbitrary<Record<string, string>>;
  const query: fc.Arbitrary<Record<string, string>> = fc.oneof(
    { weight: 4, arbitrary: validQuery },
    {
      weight: 2,
      arbitrary: validQuery.chain((q) =>
        breakOne(q).map((b) =>
          b && typeof b === 'object' && !Array.isArray(b)
            ? Object.fromEntries(Object.entries(b).map(([k, v]) => [k, asText(v)]))
            : { [queryParams[0]?.name ?? 'q']: asText(b) },
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.oneof(fc.constantFrom(...queryParams.map((p) => p.name), 'x'), nastyString),
        nastyString,
        { maxKeys: 4 },
      ),
    },
  );

  const bodySchema = operation.requestBody?.content['application/json'].schema;
  const validBody = bodySchema ? fromSchema(bodySchema) : fc.constant(undefined);
  const body: fc.Arbitrary<string | null> = fc.oneof(
    { weight: bodySchema ? 5 : 1, arbitrary: validBody.map((b) => (b === undefined ? null : JSON.stringify(b))) },
    {
      weight: bodySchema ? 3 : 0,
      arbitrary: validBody.chain((b) => breakOne(b)).map((b) => JSON.stringify(b) ?? null),
    },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((b) => JSON.stringify(b)) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        nastyString,
        fc.constantFrom(
          '{',
          '{"a":',
          '[1,]',
          '\uFEFF{}',
          '{"__proto__":{"polluted":1}}',
          '['.repeat(5000),
          '{"a":1e99999}',
          'null',
          '""',
        ),
      ),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );

  const extraHeaders = fc.record(
    {
      'content-type': contentType,
      authorization: fc.oneof(
        fc.constant(undefined),
        fc.constant('Bearer not-a-token'),
        nastyString.map((s) => `Bearer ${s.replace(/[\r\n]/g, '')}`),
      ),
      accept: fc.oneof(
        fc.constant(undefined),
        fc.constantFrom('application/json', 'text/html', 'text/csv', '*/*', 'application/pdf'),
      ),
    },
    { requiredKeys: [] },
  );

  const caller =
    route.auth.kind === 'staff' || route.auth.kind === 'system'
      ? fc.constantFrom<FuzzRequest['caller']>(
          'entitled',
          'entitled',
          'entitled',
          'entitled',
          'other-role',
          'anonymous',
        )
      : fc.constant<FuzzRequest['caller']>('anonymous');

  return fc.record({ pathParameters, query, headers: extraHeaders, body, caller }).map((r) => ({
    ...r,
    headers: Object.fromEntries(Object.entries(r.headers).filter(([, v]) => v !== undefined)) as Record<string, string>,
  }));
}

/** The event API Gateway would hand the function, with the caller its authorizer would let through. */
export function eventFor(route: RouteDefinition, request: FuzzRequest, pick: number): APIGatewayProxyEvent {
  // A lone surrogate cannot be %-encoded (URIError); the parameter itself still carries it.
  const encode = (value: string) => {
    try {
      return encodeURIComponent(value);
    } catch {
      return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
    }
  };
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => encode(request.pathParameters[name] ?? ''));
  let claims: Record<string, string> | undefined;
  let principal: string | undefined;
  if (route.auth.kind === 'staff' && request.caller !== 'anonymous') {
    const roles =
      request.caller === 'entitled'
        ? route.auth.roles
        : STAFF_ROLES.filter((r) => !(route.auth as { roles: readonly string[] }).roles.includes(r));
    const role = roles[pick % roles.length];
    if (role) claims = staffClaims(role);
  }
  if (route.auth.kind === 'system' && request.caller !== 'anonymous') {
    principal = LOCAL_SYSTEM_CREDENTIALS[route.auth.systems[pick % route.auth.systems.length]!].principal;
  }
  return buildApiEvent({
    method: route.method,
    path,
    resource: route.path,
    pathParameters: request.pathParameters,
    query: request.query,
    headers: request.headers,
    body: request.body,
    ...(claims ? { claims } : {}),
    ...(principal ? { principal } : {}),
    sourceIp: '203.0.113.7',
    domainName: 'desk.fuzz',
    stage: 'fuzz',
  });
}

export const FUZZ_ROUTES = ROUTES;
