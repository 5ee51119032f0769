// RFC 9457 problem details: every error answer says what went wrong and what to do about it.
import type { APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import type { ProblemKind } from '../domain/kernel/problems';
import { describeIssue } from '../domain/kernel/validation-messages';
import { wellFormedText } from './well-formed';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface FieldError {
  field: string;
  message: string;
  /** A text field's maximum length when the value was too long (an extension member of the error, RFC 9457 §3.2). */
  maximum?: number;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
    /** Values a page needs to say the problem in its own words (RFC 9457 §3.2 extension members). */
    readonly extensions: Readonly<Record<string, string | number | boolean>> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export const STATUS_OF: Record<ProblemKind, number> = {
  'not-found': 404,
  conflict: 409,
  unprocessable: 422,
  forbidden: 403,
  locked: 423,
  gone: 410,
  'too-soon': 429,
};

export const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export function problemResult(problem: HttpProblem, instance?: string): APIGatewayProxyResult {
  return {
    statusCode: problem.status,
    headers: { ...BASE_HEADERS, ...problem.headers, 'content-type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify({
      // First, so that no extension can take the place of a member RFC 9457 defines.
      ...problem.extensions,
      type: `urn:appi-desk:problem:${problem.slug}`,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      ...(instance ? { instance } : {}),
      ...(problem.errors ? { errors: problem.errors } : {}),
    }),
  };
}

/** A string's maximum length, when the issue is that the string is longer. */
function tooLongBy(issue: z.core.$ZodIssue): number | undefined {
  return issue.code === 'too_big' && issue.origin === 'string' ? Number(issue.maximum) : undefined;
}

export function validationProblem(where: 'body' | 'path' | 'query', error: z.ZodError): HttpProblem {
  const errors = error.issues.map((issue) => ({
    field: [where, ...issue.path.map(String)].join('.'),
    message: describeIssue(issue),
    ...(tooLongBy(issue) !== undefined ? { maximum: tooLongBy(issue) } : {}),
  }));
  const summary = errors.map((e) => `${e.field} ${e.message}`).join('; ');
  return new HttpProblem(
    400,
    'validation',
    'The request is not valid',
    `Fix ${errors.length === 1 ? 'this' : `these ${errors.length}`} and send it again: ${summary}.`,
    errors,
  );
}

/** Parses `value` with `schema`, or throws the 400 problem listing every field to fix. */
export function parseOrProblem<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: 'body' | 'path' | 'query',
): z.output<T> {
  // Text that cannot be encoded is refused before any field is read (http/well-formed.ts).
  const text = wellFormedText.safeParse(value);
  if (!text.success) throw validationProblem(where, text.error);
  // The input on each issue tells a missing field from a wrongly typed one.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw validationProblem(where, result.error);
  return result.data;
}
