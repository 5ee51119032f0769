// RFC 9457 problem details: every error answer says what went wrong and what to do.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  HttpProblem,
  PROBLEM_CONTENT_TYPE,
  parseOrProblem,
  problemResult,
  STATUS_OF,
  validationProblem,
} from '../../functions/http/problem';
import { NOT_WELL_FORMED } from '../../functions/http/well-formed';

describe('STATUS_OF', () => {
  it('maps each domain problem kind to its HTTP status', () => {
    expect(STATUS_OF).toEqual({
      'not-found': 404,
      conflict: 409,
      unprocessable: 422,
      forbidden: 403,
      locked: 423,
      gone: 410,
      'too-soon': 429,
    });
  });
});

describe('problemResult', () => {
  it('answers application/problem+json, not cached, with type, title, status and detail', () => {
    const result = problemResult(
      new HttpProblem(404, 'not-found', 'Request not found', 'Check the id.'),
      '/v1/requests/x',
    );
    expect(result.statusCode).toBe(404);
    expect(result.headers).toMatchObject({
      'content-type': PROBLEM_CONTENT_TYPE,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(PROBLEM_CONTENT_TYPE).toBe('application/problem+json');
    expect(JSON.parse(result.body)).toEqual({
      type: 'urn:appi-desk:problem:not-found',
      title: 'Request not found',
      status: 404,
      detail: 'Check the id.',
      instance: '/v1/requests/x',
    });
  });

  it('leaves out instance and errors when there are none, and keeps extra headers', () => {
    const result = problemResult(
      new HttpProblem(429, 'throttled', 'Too many requests', 'Wait a minute.', undefined, { 'retry-after': '60' }),
    );
    expect(JSON.parse(result.body)).toEqual({
      type: 'urn:appi-desk:problem:throttled',
      title: 'Too many requests',
      status: 429,
      detail: 'Wait a minute.',
    });
    expect(result.headers).toMatchObject({ 'retry-after': '60' });
  });

  it('does not let a problem override the content type', () => {
    const result = problemResult(new HttpProblem(400, 'x', 't', 'd', undefined, { 'content-type': 'text/html' }));
    expect(result.headers?.['content-type']).toBe(PROBLEM_CONTENT_TYPE);
  });
});

describe('problem extension members', () => {
  it("carry the values a page needs, and cannot replace the RFC's own members", () => {
    const result = problemResult(
      new HttpProblem(
        423,
        'code-locked',
        'Locked',
        'Too many wrong codes.',
        undefined,
        {},
        {
          lockedUntil: '2026-12-07T07:28:21.407Z',
          status: 200,
          type: 'urn:other',
        },
      ),
    );
    expect(JSON.parse(result.body)).toMatchObject({
      type: 'urn:appi-desk:problem:code-locked',
      status: 423,
      lockedUntil: '2026-12-07T07:28:21.407Z',
    });
  });
});

describe('validationProblem', () => {
  const schema = z.strictObject({
    name: z.string().min(1, { error: 'must not be empty' }),
    age: z.number(),
    kind: z.enum(['a', 'b']),
  });

  it('is a 400 listing each field, prefixed by where it was found, with a summary in the detail', () => {
    const error = schema.safeParse({ name: '', kind: 'c', extra: 1, more: 2 }, { reportInput: true }).error!;
    const problem = validationProblem('body', error);
    expect(problem.status).toBe(400);
    expect(problem.slug).toBe('validation');
    expect(problem.errors).toEqual([
      { field: 'body.name', message: 'must not be empty' },
      { field: 'body.age', message: 'is required' },
      { field: 'body.kind', message: 'must be one of: a, b' },
      { field: 'body', message: 'unknown fields "extra", "more": remove them' },
    ]);
    expect(problem.detail).toBe(
      'Fix these 4 and send it again: body.name must not be empty; body.age is required; body.kind must be one of: a, b; body unknown fields "extra", "more": remove them.',
    );
  });

  it('says "this" for a single error and uses the place it was found', () => {
    const problem = validationProblem(
      'query',
      schema.safeParse({ name: 'x', age: 3, kind: 'z' }, { reportInput: true }).error!,
    );
    expect(problem.detail).toBe('Fix this and send it again: query.kind must be one of: a, b.');
  });

  it('says what a wrongly typed field must be, and what it got', () => {
    expect(
      validationProblem('body', schema.safeParse({ name: 'x', age: '3', kind: 'a' }, { reportInput: true }).error!)
        .errors,
    ).toEqual([{ field: 'body.age', message: 'must be a number, not string' }]);
    expect(
      validationProblem(
        'body',
        z.strictObject({ list: z.array(z.string()) }).safeParse({ list: 'x' }, { reportInput: true }).error!,
      ).errors,
    ).toEqual([{ field: 'body.list', message: 'must be an array, not string' }]);
  });

  it('renders it through problemResult with the field errors', () => {
    const problem = validationProblem(
      'path',
      z.strictObject({ id: z.string() }).safeParse({}, { reportInput: true }).error!,
    );
    expect(JSON.parse(problemResult(problem).body)).toMatchObject({
      status: 400,
      errors: [{ field: 'path.id', message: 'is required' }],
    });
  });
});

describe('parseOrProblem: text that is not well-formed Unicode', () => {
  // Free text as loose as the contract's: any string passes the field's own schema.
  const schema = z.strictObject({
    name: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    notes: z.array(z.string()).optional(),
  });

  it('refuses a lone surrogate in any string or key, at any depth, naming each field', () => {
    const value = {
      name: 'Hanako \ud800',
      details: { reason: { text: 'x\udfff' }, 'k\udc00': 'ok' },
      notes: ['fine', '\ud83d'],
    };
    let problem: HttpProblem | undefined;
    try {
      parseOrProblem(schema, value, 'body');
    } catch (error) {
      problem = error as HttpProblem;
    }
    expect(problem).toBeInstanceOf(HttpProblem);
    expect(problem!.status).toBe(400);
    expect(problem!.errors).toEqual([
      { field: 'body.name', message: NOT_WELL_FORMED },
      { field: 'body.details.reason.text', message: NOT_WELL_FORMED },
      { field: 'body.details.k\udc00', message: NOT_WELL_FORMED },
      { field: 'body.notes.1', message: NOT_WELL_FORMED },
    ]);
  });

  it('accepts whole characters outside the BMP (a surrogate pair) and Japanese text', () => {
    expect(parseOrProblem(schema, { name: '山田 花子 😀 𠮷' }, 'body')).toEqual({ name: '山田 花子 😀 𠮷' });
  });
});

describe('a too-long value', () => {
  it('is said in words and carries its maximum, so a page can say the limit in its own language', () => {
    const problem = validationProblem(
      'body',
      z.object({ name: z.string().max(5) }).safeParse({ name: 'abcdefg' }).error!,
    );
    expect(problem.errors).toEqual([{ field: 'body.name', message: 'must be at most 5 characters', maximum: 5 }]);
  });
});
