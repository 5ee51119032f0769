// The local API Gateway: mounts every route of functions/routes.ts, verifies staff tokens the way the
// Cognito authorizer does and system callers' SigV4 signatures the way IAM authorisation does, builds
// the REST proxy event and calls the route's own handler module.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { ROUTES, type RouteDefinition } from '../functions/routes';
import { serveApiDocs } from './api-docs';
import { buildApiEvent } from './api-event';
import { loadHandler } from './handlers';
import { landingPage } from './landing-page';
import { serveWebBuild } from './privacy-center';
import type { LocalSignIn, LocalTokenIssuer, SignInRefusal } from './staff-sign-in';
import { verifySystemSignature } from './system-signing';

/** API Gateway's own payload limit; the handlers refuse far less. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

interface MountedRoute {
  route: RouteDefinition;
  pattern: RegExp;
  parameterNames: string[];
}

function mount(route: RouteDefinition): MountedRoute {
  const parameterNames: string[] = [];
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{(\w+)\}$/.exec(segment)?.[1];
      if (!parameter) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      parameterNames.push(parameter);
      return '([^/]+)';
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), parameterNames };
}

function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
  slug = title.toLowerCase().replace(/\W+/g, '-'),
  extensions: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers });
  // Extension members first, so none can take the place of a member RFC 9457 defines.
  res.end(JSON.stringify({ ...extensions, type: `urn:appi-desk:problem:${slug}`, title, status, detail }));
}

function sendRefusal(res: ServerResponse, refusal: SignInRefusal) {
  sendProblem(res, refusal.status, refusal.title, refusal.detail, refusal.headers, undefined, refusal.extensions);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_PAYLOAD_BYTES) throw new RangeError('payload too large');
    chunks.push(chunk as Buffer);
  }
  return chunks.length ? Buffer.concat(chunks) : null;
}

export interface GatewayOptions {
  port: number;
  issuer: LocalTokenIssuer;
  /** The sign-in rules (password age, lockout) against the staff table. */
  signIn: LocalSignIn;
  mailboxUrl: string;
  demoPassword: string;
  /** The demo processor's OpenDSR base URL, shown on the start page. */
  demoProcessorUrl?: string;
}

export class LocalGateway {
  private readonly routes = ROUTES.map((r) => mount(r));
  private server: Server | undefined;

  constructor(private readonly options: GatewayOptions) {}

  get url(): string {
    return `http://localhost:${this.options.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.serve(req, res).catch((error) => {
        console.error(`local gateway: ${(error as Error).message}`);
        if (!res.headersSent)
          sendProblem(res, 502, 'Bad gateway', 'The function failed to answer; see the desk console output.');
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, '127.0.0.1', () => resolve());
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        landingPage({
          gatewayUrl: this.url,
          mailboxUrl: this.options.mailboxUrl,
          demoPassword: this.options.demoPassword,
          ...(this.options.demoProcessorUrl ? { demoProcessorUrl: this.options.demoProcessorUrl } : {}),
        }),
      );
      return;
    }
    if ((method === 'GET' || method === 'HEAD') && (await serveWebBuild(url.pathname, res))) return;
    if ((method === 'GET' || method === 'HEAD') && (await serveApiDocs(url.pathname, res))) return;
    let body: Buffer | null;
    try {
      body = await readBody(req);
    } catch {
      return sendProblem(res, 413, 'Payload too large', "The body exceeds API Gateway's 10 MB limit.");
    }
    if (method === 'POST' && url.pathname === '/local/sign-in') return this.signIn(body?.toString('utf8') ?? null, res);
    if (method === 'POST' && url.pathname === '/local/password')
      return this.changePassword(body?.toString('utf8') ?? null, res);

    const candidates = this.routes.map((m) => ({ m, match: m.pattern.exec(url.pathname) })).filter((c) => c.match);
    const found = candidates.find((c) => c.m.route.method === method);
    if (!found) {
      if (candidates.length > 0) {
        return sendProblem(
          res,
          405,
          'Method not allowed',
          `${url.pathname} answers ${candidates.map((c) => c.m.route.method).join(', ')}.`,
          { allow: candidates.map((c) => c.m.route.method).join(', ') },
        );
      }
      return sendProblem(
        res,
        404,
        'Not found',
        `No route ${method} ${url.pathname}. The routes are listed at ${this.url}/v1/openapi.json.`,
      );
    }
    const { route, parameterNames } = found.m;
    let pathParameters: Record<string, string>;
    try {
      pathParameters = Object.fromEntries(
        parameterNames.map((name, i) => [name, decodeURIComponent(found.match![i + 1]!)]),
      );
    } catch {
      return sendProblem(res, 400, 'Bad request', `The path ${url.pathname} has a malformed %-escape.`);
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );

    let claims: Record<string, string> | undefined;
    if (route.auth.kind === 'staff') {
      const token = (headers.authorization ?? '').replace(/^Bearer\s+/i, '');
      claims = token ? await this.options.issuer.claims(token) : undefined;
      // The Cognito authorizer refuses before the function runs; so does this one.
      if (!claims)
        return sendProblem(
          res,
          401,
          'Unauthorized',
          'Sign in at POST /local/sign-in and send the idToken as "Authorization: Bearer <token>".',
          { 'www-authenticate': 'Bearer' },
        );
    }
    let principal: string | undefined;
    if (route.auth.kind === 'system') {
      // IAM authorisation refuses before the function runs, with API Gateway's own response types.
      const verified = await verifySystemSignature(
        { method, target: req.url ?? '/', headers, body },
        route.auth.systems,
      );
      if ('refusal' in verified) {
        const { refusal } = verified;
        return sendProblem(res, 403, refusal.title, refusal.detail, {}, `gateway-${refusal.responseType}`);
      }
      principal = verified.caller.principal;
    }

    const event = buildApiEvent({
      method,
      path: url.pathname,
      resource: route.path,
      pathParameters,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: body?.toString('utf8') ?? null,
      ...(claims ? { claims } : {}),
      ...(principal ? { principal } : {}),
      sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
      domainName: url.host,
    });
    const context = {
      awsRequestId: randomUUID(),
      functionName: route.name,
      getRemainingTimeInMillis: () => 29_000,
    } as unknown as Context;
    const result = await (await loadHandler<ProxyHandler>(route.name))(event, context);
    res.writeHead(result.statusCode, result.headers as Record<string, string>);
    res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
  }

  /** The JSON body of a /local route, with the named string fields; else a 400 problem is sent. */
  private localBody<K extends string>(
    body: string | null,
    res: ServerResponse,
    fields: readonly K[],
  ): Record<K, string> | undefined {
    const shape = `{${fields.map((f) => `"${f}": "..."`).join(', ')}}`;
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body ?? '{}');
    } catch {
      sendProblem(res, 400, 'Malformed JSON', `Send ${shape} as JSON.`);
      return undefined;
    }
    if (!input || typeof input !== 'object' || fields.some((f) => typeof input[f] !== 'string')) {
      sendProblem(res, 400, 'Validation', `Send ${shape}; all are strings.`);
      return undefined;
    }
    return input as Record<K, string>;
  }

  private async signIn(body: string | null, res: ServerResponse): Promise<void> {
    const input = this.localBody(body, res, ['username', 'password'] as const);
    if (!input) return;
    const result = await this.options.signIn.signIn(input.username, input.password);
    if ('refusal' in result) return sendRefusal(res, result.refusal);
    const { staff } = result;
    const token = await this.options.issuer.issue(staff);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ...token, username: staff.staffId, role: staff.role }));
  }

  private async changePassword(body: string | null, res: ServerResponse): Promise<void> {
    const input = this.localBody(body, res, ['username', 'password', 'newPassword'] as const);
    if (!input) return;
    const result = await this.options.signIn.changePassword(input.username, input.password, input.newPassword);
    if ('refusal' in result) return sendRefusal(res, result.refusal);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ username: input.username, passwordChangedAt: result.passwordChangedAt }));
  }
}
