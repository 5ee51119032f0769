// The middy stack every route shares: bound the body, parse JSON, validate with the route's zod
// schemas, authenticate and authorise, then map any failure to problem+json. Handlers get clean,
// typed input and return a status and a body.
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../adapters/logger';
import { AccessLogBusyError, DeskProblem } from '../domain/kernel/problems';
import type { StaffActor } from '../domain/staff';
import type { SystemActor } from '../domain/systems';
import { BASE_HEADERS, HttpProblem, parseOrProblem, problemResult, STATUS_OF } from './problem';
import type { RouteDefinition } from './route-definition';
import { gatedBySafeguards } from './safeguards-routes';
import { authenticateStaff } from './staff-auth';
import { authenticateSystem } from './system-auth';
import { isUnavailable, RETRY_AFTER_SECONDS } from './unavailable';

/** API Gateway accepts up to 10 MB; no request to the desk needs more than this. */
export const MAX_BODY_BYTES = 64 * 1024;

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteInput<R extends RouteDefinition> {
  params: Infer<R['request']['params']>;
  query: Infer<R['request']['query']>;
  body: Infer<R['request']['body']>;
  /** The staff member calling, on staff routes; the signing system, on system routes; the verified holder, on holder routes. */
  actor: R['auth'] extends { kind: 'staff' }
    ? StaffActor
    : R['auth'] extends { kind: 'system' }
      ? SystemActor
      : R['auth'] extends { kind: 'holder-signature' }
        ? HolderCaller
        : undefined;
  /** The bearer token, on routes whose callers hold one of the desk's own tokens. */
  bearer: string | undefined;
  headers: Record<string, string>;
  /** Where links in e-mails should point. */
  publicBaseUrl: string;
}

/** A holder whose signature verified: the domain it named and the registered holders whose certificate matched. */
export interface HolderCaller {
  processorDomain: string;
  holderIds: string[];
}

export interface RouteOptions {
  /**
   * Holder routes: verifies the raw body's signature before anything is parsed, and names the
   * caller; throws a 403 problem otherwise.
   */
  authenticateHolder?: (rawBody: string, headers: Record<string, string>) => Promise<HolderCaller>;
}

export interface RouteOutput {
  status?: number;
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

function lowerCaseHeaders(event: APIGatewayProxyEvent): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.headers ?? {}))
    if (value !== undefined) headers[name.toLowerCase()] = value;
  return headers;
}

/** A route whose body schema accepts no body at all (`.optional()`) may be called without one. */
export function bodyIsOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

/** The body as sent, within MAX_BODY_BYTES (413 beyond). */
function rawBody(event: APIGatewayProxyEvent): string {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new HttpProblem(
      413,
      'body-too-large',
      'Request body too large',
      `The body is larger than ${MAX_BODY_BYTES / 1024} KiB. Send only the fields the request needs.`,
      undefined,
      {},
      { maxBytes: MAX_BODY_BYTES },
    );
  }
  return text;
}

function parseBody(text: string, headers: Record<string, string>, optional: boolean): unknown {
  if (text.trim() === '') {
    if (optional) return undefined;
    throw new HttpProblem(
      400,
      'body-missing',
      'Request body missing',
      'This route needs a JSON body. Send one with Content-Type: application/json.',
    );
  }
  const contentType = headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new HttpProblem(
      415,
      'unsupported-media-type',
      'JSON expected',
      `The body was sent as "${contentType || 'no content type'}". Send JSON with Content-Type: application/json.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8's message quotes the body, which may hold personal data or an Individual Number: keep only the position.
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw new HttpProblem(
      400,
      'malformed-json',
      'Malformed JSON',
      `The body is not valid JSON${position ? ` (near character ${position})` : ''}. Check quotes, commas and brackets.`,
    );
  }
}

function validate<T extends z.ZodType | undefined>(schema: T, value: unknown, where: 'body' | 'path' | 'query') {
  return schema ? parseOrProblem(schema, value ?? {}, where) : undefined;
}

/**
 * The web pages' origin (Privacy Center and desk console, one distribution) may read the answers of
 * the routes they call, errors included: set on those functions only (lib/privacy-center.ts), whose
 * preflights API Gateway answers.
 */
function privacyCenterCors(): Record<string, string> {
  const origin = process.env.DESK_PRIVACY_CENTER_ORIGIN;
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

function bearerToken(headers: Record<string, string>): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  return match?.[1];
}

export function httpRoute<R extends RouteDefinition>(
  route: R,
  handle: (input: RouteInput<R>, event: APIGatewayProxyEvent) => Promise<RouteOutput>,
  options: RouteOptions = {},
) {
  return middy<APIGatewayProxyEvent, APIGatewayProxyResult, Error, Context>()
    .use({
      onError: async (request) => {
        const { error } = request;
        let problem: HttpProblem;
        if (error instanceof HttpProblem) problem = error;
        else if (error instanceof DeskProblem)
          problem = new HttpProblem(
            STATUS_OF[error.kind],
            error.specifics.slug ?? error.kind,
            error.title,
            error.detail,
            error.errors ? [...error.errors] : undefined,
            error.specifics.retryAfterSeconds !== undefined
              ? { 'retry-after': String(error.specifics.retryAfterSeconds) }
              : {},
            error.specifics.extensions,
          );
        else if (error instanceof AccessLogBusyError) {
          // Staff see personal data only once the access log holds the read (policy §6(1)): when it cannot take it now, they wait.
          problem = new HttpProblem(
            503,
            'access-log-busy',
            'Access log busy',
            `Too many staff actions are being logged at this moment, and this one could not be. Try again in ${error.retryAfterSeconds} s.`,
            undefined,
            { 'retry-after': String(error.retryAfterSeconds) },
          );
        } else if (isUnavailable(error)) {
          logger.warn('Dependency unavailable', {
            route: route.name,
            errorName: error?.name,
            errorCode: (error as { code?: string } | undefined)?.code,
          });
          problem = new HttpProblem(
            503,
            'unavailable',
            'Service unavailable',
            `A service the desk relies on is not answering just now, so the request was not completed. Try again in ${RETRY_AFTER_SECONDS} seconds.`,
            undefined,
            { 'retry-after': String(RETRY_AFTER_SECONDS) },
          );
        } else {
          // Names and messages of SDK errors carry no personal data; bodies and items are never logged.
          logger.error('Unhandled error', { route: route.name, errorName: error?.name, errorMessage: error?.message });
          problem = new HttpProblem(
            500,
            'internal',
            'Internal error',
            `Something went wrong on our side and nothing was changed. Try again later; if it persists, quote ${request.context.awsRequestId ?? 'the time of your request'} to the desk.`,
          );
        }
        logger.info('Request refused', { route: route.name, status: problem.status, problem: problem.slug });
        const result = problemResult(problem, request.event.requestContext?.requestId);
        request.response = { ...result, headers: { ...result.headers, ...privacyCenterCors() } };
      },
    })
    .handler(async (event) => {
      const headers = lowerCaseHeaders(event);
      // A holder's body is checked for size, then its signature verified, before anything is parsed.
      const holderBody = route.auth.kind === 'holder-signature' ? rawBody(event) : undefined;
      if (route.auth.kind === 'holder-signature' && !options.authenticateHolder)
        throw new Error(`Route ${route.name} verifies holders but was given no verifier`);
      const actor =
        route.auth.kind === 'staff'
          ? await authenticateStaff(event, route.auth.roles, { safeguards: gatedBySafeguards(route) })
          : route.auth.kind === 'system'
            ? authenticateSystem(event)
            : route.auth.kind === 'holder-signature'
              ? await options.authenticateHolder!(holderBody!, headers)
              : undefined;
      const params = validate(route.request.params, event.pathParameters, 'path');
      const query = validate(route.request.query, event.queryStringParameters, 'query');
      const body = route.request.body
        ? validate(
            route.request.body,
            parseBody(holderBody ?? rawBody(event), headers, bodyIsOptional(route.request.body)),
            'body',
          )
        : undefined;
      const publicBaseUrl =
        process.env.DESK_PUBLIC_BASE_URL ?? `https://${event.requestContext.domainName}/${event.requestContext.stage}`;
      const output = await handle(
        { params, query, body, actor, bearer: bearerToken(headers), headers, publicBaseUrl } as RouteInput<R>,
        event,
      );
      const status = output.status ?? route.response.status;
      logger.info('Request answered', { route: route.name, status });
      const contentType = output.contentType ?? 'application/json; charset=utf-8';
      return {
        statusCode: status,
        headers: { ...BASE_HEADERS, ...privacyCenterCors(), 'content-type': contentType, ...output.headers },
        body: typeof output.body === 'string' ? output.body : JSON.stringify(output.body),
      };
    });
}
