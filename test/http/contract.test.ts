// The public contract as zod schemas: what each route accepts and rejects. Errors are
// checked through validationProblem, since that is what the caller reads.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { REQUEST_TYPES } from '../../functions/domain/requests/types/registry';
import {
  decisionBody,
  disclosureParams,
  requestIdParams,
  staffQueueQuery,
  submitRequestBody,
  verificationBody,
} from '../../functions/http/contract';
import { type HttpProblem, parseOrProblem } from '../../functions/http/problem';

const valid = {
  type: 'disclosure',
  requester: { kind: 'self', name: '山田 花子', email: 'hanako.yamada@example.jp' },
  subject: { email: 'hanako.yamada@example.jp', name: '山田 花子' },
};

function errorsOf(schema: z.ZodType, value: unknown, where: 'body' | 'path' | 'query' = 'body') {
  try {
    parseOrProblem(schema, value, where);
  } catch (problem) {
    return (problem as HttpProblem).errors!;
  }
  throw new Error('expected the value to be refused');
}

describe('submitRequestBody', () => {
  it('accepts the documented body and defaults the language to ja', () => {
    const parsed = submitRequestBody.parse(valid);
    expect(parsed).toEqual({ ...valid, language: 'ja' });
  });

  it('accepts English, a legal representative or an agent, and disclosure details', () => {
    for (const kind of ['self', 'legal-representative', 'agent']) {
      expect(submitRequestBody.parse({ ...valid, requester: { ...valid.requester, kind } }).requester.kind).toBe(kind);
    }
    const parsed = submitRequestBody.parse({ ...valid, language: 'en', details: { scope: '  purchase history  ' } });
    expect(parsed.language).toBe('en');
    expect(parsed.details).toEqual({ scope: 'purchase history' });
  });

  it('accepts a subject without a name', () => {
    expect(submitRequestBody.parse({ ...valid, subject: { email: 'hanako.yamada@example.jp' } }).subject).toEqual({
      email: 'hanako.yamada@example.jp',
    });
  });

  it('rejects unknown fields at every level, naming them', () => {
    expect(errorsOf(submitRequestBody, { ...valid, admin: true })).toEqual([
      { field: 'body', message: 'unknown field "admin": remove it' },
    ]);
    expect(errorsOf(submitRequestBody, { ...valid, requester: { ...valid.requester, phone: '03-0000-0000' } })).toEqual(
      [{ field: 'body.requester', message: 'unknown field "phone": remove it' }],
    );
    expect(errorsOf(submitRequestBody, { ...valid, details: { scope: 'x', urgency: 'high' } })).toEqual([
      { field: 'body.details', message: 'unknown field "urgency": remove it' },
    ]);
  });

  it('rejects a bad e-mail address, showing what one looks like', () => {
    expect(
      errorsOf(submitRequestBody, { ...valid, requester: { ...valid.requester, email: 'hanako at example' } }),
    ).toEqual([{ field: 'body.requester.email', message: 'must be an e-mail address, like hanako@example.jp' }]);
    expect(errorsOf(submitRequestBody, { ...valid, subject: { email: '' } })).toEqual([
      { field: 'body.subject.email', message: 'must be an e-mail address, like hanako@example.jp' },
    ]);
  });

  it('rejects an unknown or missing request type, naming the types it accepts', () => {
    const accepted = `must be one of: ${REQUEST_TYPES.map((t) => t.type).join(', ')}`;
    expect(errorsOf(submitRequestBody, { ...valid, type: 'telepathy' })).toEqual([
      { field: 'body.type', message: accepted },
    ]);
    const { type: _type, ...withoutType } = valid;
    expect(errorsOf(submitRequestBody, withoutType)).toEqual([{ field: 'body.type', message: accepted }]);
  });

  it('rejects a missing requester as required', () => {
    const { requester: _requester, ...withoutRequester } = valid;
    expect(errorsOf(submitRequestBody, withoutRequester)).toEqual([
      { field: 'body.requester', message: 'is required' },
    ]);
  });

  it('lists every wrong field at once, each with a message a person can act on', () => {
    const errors = errorsOf(submitRequestBody, {
      ...valid,
      requester: { kind: 'friend', name: '   ', email: 'hanako.yamada@example.jp' },
      subject: { email: 'not-an-address' },
      language: 'fr',
    });
    expect(errors).toEqual([
      { field: 'body.requester.kind', message: 'must be one of: self, legal-representative, agent' },
      { field: 'body.requester.name', message: 'must not be empty' },
      { field: 'body.subject.email', message: 'must be an e-mail address, like hanako@example.jp' },
      { field: 'body.language', message: 'must be one of: ja, en' },
    ]);
  });

  it('says a missing name is required and a wrongly typed part what it must be', () => {
    expect(
      errorsOf(submitRequestBody, { ...valid, requester: { kind: 'self', email: 'hanako.yamada@example.jp' } }),
    ).toEqual([{ field: 'body.requester.name', message: 'is required' }]);
    expect(errorsOf(submitRequestBody, { ...valid, requester: 'me' })).toEqual([
      { field: 'body.requester', message: 'must be an object, not string' },
    ]);
  });

  it('says a missing e-mail address is required', () => {
    expect(errorsOf(submitRequestBody, { ...valid, subject: {} })).toEqual([
      { field: 'body.subject.email', message: 'is required' },
    ]);
    const { email: _email, ...requesterWithoutEmail } = valid.requester;
    expect(errorsOf(submitRequestBody, { ...valid, requester: requesterWithoutEmail })).toEqual([
      { field: 'body.requester.email', message: 'is required' },
    ]);
  });
});

describe('the other request schemas', () => {
  it('verificationBody takes exactly six digits', () => {
    expect(verificationBody.parse({ code: '012345' })).toEqual({ code: '012345' });
    for (const code of ['12345', '1234567', '12345a', ' 123456']) {
      expect(errorsOf(verificationBody, { code })).toEqual([
        { field: 'body.code', message: 'must be the six digits from the e-mail' },
      ]);
    }
    expect(errorsOf(verificationBody, {})).toEqual([{ field: 'body.code', message: 'is required' }]);
    expect(errorsOf(verificationBody, { code: 123456 })).toEqual([
      { field: 'body.code', message: 'must be a string, not number' },
    ]);
  });

  it('requestIdParams takes url-safe ids only', () => {
    expect(requestIdParams.parse({ requestId: 'id-1_A' })).toEqual({ requestId: 'id-1_A' });
    expect(errorsOf(requestIdParams, { requestId: '../etc' }, 'path')).toEqual([
      { field: 'path.requestId', message: 'is not a request id' },
    ]);
  });

  it('decisionBody takes the three outcomes, and no unknown fields', () => {
    for (const outcome of ['fulfilled', 'partially-fulfilled', 'refused'])
      expect(decisionBody.parse({ outcome }).outcome).toBe(outcome);
    expect(decisionBody.parse({ outcome: 'refused', grounds: ['violation-of-law'], reason: '  理由  ' }).reason).toBe(
      '理由',
    );
    expect(errorsOf(decisionBody, { outcome: 'maybe' })[0]!.field).toBe('body.outcome');
    expect(errorsOf(decisionBody, { outcome: 'fulfilled', decidedBy: 'me' })).toEqual([
      { field: 'body', message: 'unknown field "decidedBy": remove it' },
    ]);
    expect(errorsOf(decisionBody, { outcome: 'refused', grounds: ['violation-of-law'], reason: '   ' })[0]!.field).toBe(
      'body.reason',
    );
  });

  it('staffQueueQuery takes a known status or none', () => {
    expect(staffQueueQuery.parse({})).toEqual({});
    expect(staffQueueQuery.parse({ status: 'received' })).toEqual({ status: 'received' });
    expect(errorsOf(staffQueueQuery, { status: 'lost' }, 'query')[0]!.field).toBe('query.status');
  });

  it('disclosureParams takes a url-safe token of 16 to 128 characters', () => {
    expect(disclosureParams.parse({ token: 'token-1-abcdefghijklmnop' }).token).toBe('token-1-abcdefghijklmnop');
    expect(errorsOf(disclosureParams, { token: 'short' }, 'path')[0]!.field).toBe('path.token');
    expect(errorsOf(disclosureParams, { token: 'a'.repeat(129) }, 'path')[0]!.field).toBe('path.token');
    expect(errorsOf(disclosureParams, { token: 'abcdefghijklmnop/..' }, 'path')).toEqual([
      { field: 'path.token', message: 'is not a disclosure link token' },
    ]);
  });
});

describe('date ranges (orderedRange)', () => {
  it('refuses a reversed from/to on every query with a range, naming query.to; accepts an equal or open range', async () => {
    const { accessLogQuery, provisionRecordQuery, requestReportQuery } = await import('../../functions/http/contract');
    const reason = { subjectId: 'subject-1', reason: 'Quarterly audit of provision records' };
    expect(errorsOf(provisionRecordQuery, { ...reason, from: '2026-11-02', to: '2026-11-01' }, 'query')).toEqual([
      { field: 'query.to', message: 'must be on or after from (2026-11-02)' },
    ]);
    expect(errorsOf(requestReportQuery, { from: '2026-11-02', to: '2026-11-01' }, 'query')).toEqual([
      { field: 'query.to', message: 'must be on or after from (2026-11-02)' },
    ]);
    // Instants compare as times, whatever their offsets.
    expect(
      errorsOf(accessLogQuery, { from: '2026-11-02T00:00:00+09:00', to: '2026-11-01T14:59:59Z' }, 'query'),
    ).toEqual([{ field: 'query.to', message: 'must be on or after from (2026-11-02T00:00:00+09:00)' }]);
    expect(accessLogQuery.safeParse({ from: '2026-11-02T00:00:00+09:00', to: '2026-11-01T15:00:01Z' }).success).toBe(
      true,
    );
    expect(provisionRecordQuery.safeParse({ ...reason, from: '2026-11-01', to: '2026-11-01' }).success).toBe(true);
    expect(requestReportQuery.safeParse({ to: '2026-11-01' }).success).toBe(true);
  });
});
